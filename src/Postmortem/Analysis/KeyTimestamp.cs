using NodaTime;
using Postmortem.Model;

namespace Postmortem.Analysis;

/// <summary>One of the seed's key timestamps, with the rule and the event that produced it.</summary>
/// <param name="Time">When.</param>
/// <param name="Rule">The rule that chose it, in words (docs/analysis.md lists them).</param>
/// <param name="Event">The timeline event it came from.</param>
public sealed record KeyTimestamp(Instant Time, string Rule, TimelineEvent Event)
{
    /// <summary>The other events that could have been this key (runners-up, in time order), so a reviewer can see the alternatives.</summary>
    public IReadOnlyList<TimelineEvent> Candidates { get; init; } = [];
}
