namespace Postmortem.Web.Meetings;

/// <summary>What closing the meeting wrote and scheduled.</summary>
/// <param name="Closed">When it closed.</param>
/// <param name="AddedLines">Lines added to the postmortem's file.</param>
/// <param name="ActionReview">The action item review (postmortem date + 14 days), YYYY-MM-DD, when known.</param>
/// <param name="RetroCheckIn">The retro check-in, YYYY-MM-DD, when known.</param>
/// <param name="RetroRule">How the retro date was found, or why it is unknown.</param>
public sealed record MeetingOutcome(DateTimeOffset Closed, int AddedLines, string? ActionReview, string? RetroCheckIn, string RetroRule);
