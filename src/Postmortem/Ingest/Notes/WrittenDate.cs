using NodaTime;

namespace Postmortem.Ingest.Notes;

/// <summary>
/// A date as written in notes: a whole date, a month and day (the year comes from the notes), or a weekday
/// (the nearest such day to the date in force); a month of 0 in <see cref="MonthDay"/> is the month in force ("on the 4th"). <see cref="Ambiguous"/> marks a numeric <c>09/04</c> that
/// could be read day-first too; it is read month/day (docs/notes-format.md, "Dates").
/// </summary>
public readonly record struct WrittenDate(LocalDate? Date, (int Month, int Day)? MonthDay, IsoDayOfWeek? Weekday, bool Ambiguous)
{
    /// <summary>The same numbers read day-first (<c>11/02/2022</c> as 11 February): only for an <see cref="Ambiguous"/> date.</summary>
    public WrittenDate DayFirst() => !Ambiguous ? this : this with
    {
        Date = Date is { } d ? new LocalDate(d.Year, d.Day, d.Month) : null,
        MonthDay = MonthDay is { } md ? (md.Day, md.Month) : null,
    };

    /// <summary>The calendar date this names, given the date in force (or null when nothing anchors it).</summary>
    public LocalDate? Resolve(LocalDate? context)
    {
        if (Date is { } date)
        {
            return date;
        }

        if (context is not { } anchor)
        {
            return null;
        }

        if (MonthDay is { } md)
        {
            // Month 0: a day of the month in force ("on the 4th").
            var month = md.Month == 0 ? anchor.Month : md.Month;
            return md.Day <= CalendarSystem.Iso.GetDaysInMonth(anchor.Year, month) ? new LocalDate(anchor.Year, month, md.Day) : null;
        }

        if (Weekday is { } weekday)
        {
            // The nearest such weekday: three days back to three days ahead of the date in force.
            var delta = ((int)weekday - (int)anchor.DayOfWeek + 7) % 7;
            return delta > 3 ? anchor.PlusDays(delta - 7) : anchor.PlusDays(delta);
        }

        return null;
    }
}
