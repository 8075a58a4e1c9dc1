namespace Postmortem.Model;

/// <summary>What an action's free-text status means for follow-up: open, done, or not doing.</summary>
public static class ActionStatus
{
    /// <summary>The action is still to do (any status that is not done or not doing).</summary>
    public const string Open = "open";

    /// <summary>The action was done.</summary>
    public const string Done = "done";

    /// <summary>The team decided not to do it.</summary>
    public const string NotDoing = "not-doing";

    private static readonly string[] DoneWords = ["done", "closed", "complete", "completed", "resolved", "fixed", "shipped"];

    private static readonly string[] NotDoingWords = ["not-doing", "wont-do", "won't-do", "wontfix", "won't-fix", "cancelled", "canceled", "dropped", "declined"];

    /// <summary>Reads a status as written ("Done", "In progress", "won't do") as <see cref="Open"/>, <see cref="Done"/> or <see cref="NotDoing"/>.</summary>
    public static string Of(string? status)
    {
        var word = (status ?? string.Empty).Trim().ToLowerInvariant().Replace(' ', '-');
        return DoneWords.Contains(word) ? Done : NotDoingWords.Contains(word) ? NotDoing : Open;
    }
}
