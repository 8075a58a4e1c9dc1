using NodaTime;

namespace Postmortem.Model;

/// <summary>A concrete follow-up with an owner and a due date.</summary>
public sealed record ActionItem
{
    /// <summary>Identifier shown in the table (1, 2, … unless the file gives one).</summary>
    public required string Id { get; init; }

    /// <summary>The specific action.</summary>
    public required string Action { get; init; }

    /// <summary>Prevent / Detect / Mitigate / Process (incident mode).</summary>
    public ActionType? Type { get; init; }

    /// <summary>Team or role that owns it.</summary>
    public string? Owner { get; init; }

    /// <summary>Due date.</summary>
    public LocalDate? Due { get; init; }

    /// <summary>Open, In progress, Done, …</summary>
    public required string Status { get; init; }

    /// <summary>small, medium or large: the second ranking key after the type's leverage.</summary>
    public string? Effort { get; init; }

    /// <summary>1-based line in the source file (0 when unknown).</summary>
    public int Line { get; init; }

    /// <summary>1-based column in the source file (0 when unknown).</summary>
    public int Column { get; init; }

    /// <summary>Why the status is what it is (<c>actions set --note</c>), when given.</summary>
    public string? Note { get; init; }

    /// <summary>The tracker issue that follows this action (a URL or a key such as <c>OPS-123</c>), when linked.</summary>
    public string? Tracker { get; init; }

    /// <summary>Ids of the contributing factors this action addresses.</summary>
    public IReadOnlyList<string> Factors { get; init; } = [];
}
