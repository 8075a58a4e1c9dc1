namespace Postmortem.Model;

/// <summary>One contributing factor in one of the seed's four categories.</summary>
/// <param name="Id">Identifier that action items link to (given, or <c>process-1</c> style).</param>
/// <param name="Category">process, technical, human or organizational.</param>
/// <param name="Text">The factor, framed blamelessly.</param>
public sealed record ContributingFactor(string Id, string Category, string Text);
