namespace Postmortem.Web.Meetings;

/// <summary>One review meeting's state, kept on the server (and in a JSON file, so that a reload or a restart rejoins it).</summary>
/// <remarks>Changed only by <see cref="MeetingRegistry"/>, under the meeting's lock.</remarks>
public sealed class Meeting
{
    /// <summary>The meeting's id, in its URL.</summary>
    public required string Id { get; init; }

    /// <summary>The postmortem's path as the index lists it.</summary>
    public required string Path { get; init; }

    /// <summary>The postmortem's title when the meeting started.</summary>
    public required string Title { get; init; }

    /// <summary>The meeting's length in minutes: the agenda's parts are scaled to it.</summary>
    public required int Minutes { get; init; }

    /// <summary>Who started it.</summary>
    public required string Facilitator { get; init; }

    /// <summary>When it started.</summary>
    public required DateTimeOffset Started { get; init; }

    /// <summary>The agenda part under way (0-based; the seven parts of seed step 6).</summary>
    public int Part { get; set; }

    /// <summary>When the part under way started.</summary>
    public DateTimeOffset PartStarted { get; set; }

    /// <summary>The factors added in the meeting, in the order they came.</summary>
    public List<MeetingFactor> Factors { get; init; } = [];

    /// <summary>The actions added in the meeting, in the order they came.</summary>
    public List<MeetingAction> Actions { get; init; } = [];

    /// <summary>What closing wrote, once closed.</summary>
    public MeetingOutcome? Outcome { get; set; }
}
