namespace Postmortem.Model;

/// <summary>Gives a text its event kind.</summary>
/// <remarks>Declared here, below the pipeline's stages, so that a reader (Slack curation keeps the messages it
/// recognises) can use the analysis's lexicon without Ingest depending on Analysis.</remarks>
public interface IKindClassifier
{
    /// <summary>The primary kind of <paramref name="text"/> and the rule that decided it; <see cref="EventKind.Other"/> when nothing matches.</summary>
    (EventKind Kind, string Rule) Classify(string text);
}
