namespace Postmortem.Model;

/// <summary>Lessons learned in the seed's four project categories.</summary>
public sealed record Lessons
{
    /// <summary>How we work.</summary>
    public IReadOnlyList<string> Process { get; init; } = [];

    /// <summary>The technology or architecture.</summary>
    public IReadOnlyList<string> Technical { get; init; } = [];

    /// <summary>Team dynamics, communication, collaboration.</summary>
    public IReadOnlyList<string> People { get; init; } = [];

    /// <summary>Stakeholder management, expectations, engagement.</summary>
    public IReadOnlyList<string> Client { get; init; } = [];
}
