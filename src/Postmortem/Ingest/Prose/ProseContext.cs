namespace Postmortem.Ingest.Prose;

/// <summary>Where a piece of prose sits: some rules apply only to narrative, others only to action items.</summary>
public enum ProseContext
{
    /// <summary>Summary, factors, assessment, timeline and other narrative.</summary>
    Narrative,

    /// <summary>The text of an action item.</summary>
    Action,
}
