namespace Postmortem.Model;

/// <summary>One contributing factor in one of the seed's four categories.</summary>
/// <param name="Id">Identifier that action items link to (given, or <c>process-1</c> style).</param>
/// <param name="Category">process, technical, human or organizational.</param>
/// <param name="Text">The factor, framed blamelessly.</param>
public sealed record ContributingFactor(string Id, string Category, string Text)
{
    /// <summary>True when the team accepted the risk instead of acting on it.</summary>
    public bool AcceptedRisk { get; init; }

    /// <summary>1-based line in the source file (0 when unknown).</summary>
    public int Line { get; init; }

    /// <summary>1-based column in the source file (0 when unknown).</summary>
    public int Column { get; init; }
}
