namespace Postmortem.Web.Meetings;

/// <summary>An action someone added in the meeting, with its votes, owner and due date as the meeting sets them.</summary>
public sealed class MeetingAction
{
    /// <summary>A minted action id (<see cref="Model.ActionId"/>), the one written into the postmortem.</summary>
    public required string Id { get; init; }

    /// <summary>The action as typed (one line).</summary>
    public required string Text { get; init; }

    /// <summary>prevent, detect, mitigate or process: its leverage.</summary>
    public required string Type { get; init; }

    /// <summary>small, medium or large, when given.</summary>
    public string? Effort { get; init; }

    /// <summary>Who added it.</summary>
    public required string Author { get; init; }

    /// <summary>The owner (team or role), once assigned.</summary>
    public string? Owner { get; set; }

    /// <summary>The due date (YYYY-MM-DD), once assigned.</summary>
    public string? Due { get; set; }

    /// <summary>Who voted for it (one dot each).</summary>
    public List<string> Voters { get; init; } = [];

    /// <summary>The meeting's factors it addresses, by their place in <see cref="Meeting.Factors"/> (0-based).</summary>
    public List<int> Factors { get; init; } = [];
}
