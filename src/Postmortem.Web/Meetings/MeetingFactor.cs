namespace Postmortem.Web.Meetings;

/// <summary>A contributing factor someone added in the meeting.</summary>
/// <param name="Category">process, technical, human or organizational.</param>
/// <param name="Text">As typed (one line).</param>
/// <param name="Author">Who added it.</param>
public sealed record MeetingFactor(string Category, string Text, string Author);
