using NodaTime;

namespace Postmortem.Store;

/// <summary>Which actions <c>postmortem actions</c> lists.</summary>
public sealed record ActionFilter
{
    /// <summary>The day "overdue" and "due within" are counted from.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>Only the action this names: its id, or <c>path#id</c> (<see cref="IndexedAction.Reference"/>).</summary>
    public string? Reference { get; init; }

    /// <summary>Only this owner (compared without case), or everyone.</summary>
    public string? Owner { get; init; }

    /// <summary>Only this state (<c>open</c>, <c>done</c>, <c>not-doing</c>; see <see cref="Model.ActionStatus"/>), or all.</summary>
    public string? State { get; init; }

    /// <summary>Only open actions whose due date is before <see cref="AsOf"/>.</summary>
    public bool Overdue { get; init; }

    /// <summary>Only open actions due from <see cref="AsOf"/> to this many days after it.</summary>
    public int? DueWithinDays { get; init; }
}
