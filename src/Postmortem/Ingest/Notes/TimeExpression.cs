using NodaTime;

namespace Postmortem.Ingest.Notes;

/// <summary>A time found in free text, before a date and zone turn it into an instant.</summary>
public sealed record TimeExpression
{
    /// <summary>Offset of the first character in the scanned text.</summary>
    public required int Index { get; init; }

    /// <summary>Length of the matched text.</summary>
    public required int Length { get; init; }

    /// <summary>The matched text.</summary>
    public required string Raw { get; init; }

    /// <summary>The date written with the time, if any.</summary>
    public LocalDate? Date { get; init; }

    /// <summary>True when the date was written without a year (the anchor's year is used).</summary>
    public bool YearMissing { get; init; }

    /// <summary>Month and day when the year is missing.</summary>
    public (int Month, int Day)? MonthDay { get; init; }

    /// <summary>A weekday written with the time ("09:15 Tuesday"): the nearest such day to the date in force.</summary>
    public IsoDayOfWeek? Weekday { get; init; }

    /// <summary>True when the date was written as numbers that could be read day-first too (<c>09/04</c>).</summary>
    public bool DateAmbiguous { get; init; }

    /// <summary>The time of day.</summary>
    public required LocalTime Time { get; init; }

    /// <summary>Days before the date in force, for a time written with "yesterday" or "last night" ("5:00 PM yesterday"); 0 otherwise.</summary>
    public int DaysBack { get; init; }

    /// <summary>Days added to the date read for the time: the same moment written in a bracket in another zone whose clock is
    /// on the next or the previous day ("11pm on Sunday (7am UTC)").</summary>
    public int DayShift { get; init; }

    /// <summary>The end of a written range.</summary>
    public LocalTime? EndTime { get; init; }

    /// <summary>Days from the start's date to the end's, when both ends of a span carry their own date
    /// ("between 21:40 UTC on 18 July and 22:00 UTC on 19 July 2024"); null when only the clocks say.</summary>
    public int? EndDays { get; init; }

    /// <summary>The zone written beside the time.</summary>
    public string? ZoneText { get; init; }

    /// <summary>An exact offset, from ISO 8601 with <c>Z</c> or <c>±hh:mm</c>.</summary>
    public Offset? IsoOffset { get; init; }

    /// <summary>True for a 24-hour clock written with a meridiem that agrees with it ("13:00PM"): read as the 24-hour time.</summary>
    public bool MeridiemIgnored { get; init; }

    /// <summary>True for "~11pm", "11pm-ish", "around 14:00".</summary>
    public bool Approximate { get; init; }

    /// <summary>True for a clock of 6 to 11 without am/pm written right before "tonight" ("we shipped at 9:15 tonight"): read in
    /// the evening outside a chat, where a message's own clock places it (TimeScanner.Evening.cs).</summary>
    internal bool TonightAfter { get; init; }
}
