using Postmortem.Model;

namespace Postmortem.Analysis;

/// <summary>A stretch inside the impact window with no recorded event: "we don't know what happened here".</summary>
/// <param name="Before">The last event before the silence.</param>
/// <param name="After">The first event after it.</param>
/// <param name="Minutes">Length in whole minutes.</param>
public sealed record SilentStretch(TimelineEvent Before, TimelineEvent After, long Minutes);
