using NodaTime;

namespace Postmortem.Model;

/// <summary>The parts only a project/engagement postmortem has.</summary>
public sealed record ProjectDetails
{
    /// <summary>Engagement start.</summary>
    public LocalDate? Start { get; init; }

    /// <summary>Engagement end.</summary>
    public LocalDate? End { get; init; }

    /// <summary>Goals vs. outcomes.</summary>
    public IReadOnlyList<Goal> Goals { get; init; } = [];

    /// <summary>Planned vs. actual milestones.</summary>
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];

    /// <summary>Delivered vs. planned: scope, timeline, quality (free text keyed by aspect).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Delivered { get; init; } = [];

    /// <summary>What clients and sponsors said.</summary>
    public IReadOnlyList<string> StakeholderFeedback { get; init; } = [];

    /// <summary>What we would do differently.</summary>
    public IReadOnlyList<string> DoDifferently { get; init; } = [];

    /// <summary>Lessons learned.</summary>
    public Lessons Lessons { get; init; } = new();

    /// <summary>Recommendations for future engagements.</summary>
    public IReadOnlyList<string> Recommendations { get; init; } = [];
}
