using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Rendering.Review;

/// <summary>The questions of the agenda's timeline part (seed step 6): the measured response gaps and every silent stretch.</summary>
public static class TimelinePrompts
{
    /// <summary>The response gaps worth asking about: detection to escalation, escalation to mitigation, detection to communication, when measured.</summary>
    public static IEnumerable<Gap> Gaps(AnalyzedPostmortem pm) =>
        pm.Gaps.Where(g => g.Minutes is not null && g.Name is "detection-to-escalation" or "escalation-to-mitigation" or "detection-to-communication");

    /// <summary>The question for a response gap, in plain text.</summary>
    public static string Ask(Gap gap) => $"{gap.Label}: {IncidentProse.Minutes(gap.Minutes!.Value)} — acceptable? what slowed it down?";

    /// <summary>The question for a silent stretch, in plain text.</summary>
    public static string Ask(SilentStretch silence) =>
        $"Ask about this gap: what happened between \"{silence.Before.Text}\" and \"{silence.After.Text}\"? ({IncidentProse.Minutes(silence.Minutes)} with no record)";

    /// <summary>The silent stretch that starts after <paramref name="e"/>, if one does.</summary>
    public static SilentStretch? After(AnalyzedPostmortem pm, TimelineEvent e) => pm.Silences.FirstOrDefault(s => ReferenceEquals(s.Before, e));
}
