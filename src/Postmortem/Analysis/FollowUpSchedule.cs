using NodaTime;

namespace Postmortem.Analysis;

/// <summary>The seed's follow-up schedule.</summary>
/// <param name="ActionReview">Postmortem date + 14 days; null when the postmortem date is unknown.</param>
/// <param name="RetroCheckIn">The first team retro after the postmortem by the team's cadence; null when no cadence is given.</param>
/// <param name="RetroRule">How the retro date was found, or why it is unknown.</param>
public sealed record FollowUpSchedule(LocalDate? ActionReview, LocalDate? RetroCheckIn, string RetroRule)
{
    /// <summary>Days between the postmortem and the action item review (seed step 5).</summary>
    public const int ReviewAfterDays = 14;
}
