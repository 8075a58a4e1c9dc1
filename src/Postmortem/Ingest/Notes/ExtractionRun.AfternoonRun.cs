using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

// ExtractionRun, in part: a run of line-led bare clocks that passes noon and drops back to 1-11 goes on into the afternoon.
internal sealed partial class ExtractionRun
{
    // The last clock (as read, in the afternoon once shifted) of a run of line-led bare clocks that has passed 12:xx; null
    // outside such a run.
    private LocalTime? afternoonRunClock;

    // True once the notes write a 24-hour clock past 12 or a zero-padded clock at the head of a line, or when the text says
    // the half of the day itself (am/pm, "noon", "midnight", "morning", "night"): the run is then not read into the afternoon.
    private bool afternoonRunBlocked;
    private bool? halfDayWritten;

    /// <summary>
    /// "12:46 The building is evacuated." then "1:00 The power is gone.", "2:00-3:30 We plan.": a line-led clock without am/pm
    /// and without a leading zero that drops back to 1-11 after a line-led 12:xx is in that afternoon (13:00), and so are the
    /// line-led clocks after it while they go forward. Only when nothing written says otherwise: no am/pm, "noon",
    /// "midnight", "morning" or "night" anywhere in the text, and no 24-hour clock past 12 or zero-padded clock leading a line.
    /// </summary>
    private TimeExpression AfternoonRun(TimeExpression e, string lead)
    {
        var hour = e.Time.Hour;
        if (afternoonRunBlocked || (afternoonRunClock is null && hour is > 0 and < 12))
        {
            return e; // the cheap exit: no run, and this clock does not start or block one
        }

        if (lead[0] is < '1' or > '9' || hour > 12 || WrittenMeridiem.Says(e.Raw))
        {
            // "09:00", "13:05", "1:00 pm": the notes write the half of the day themselves.
            afternoonRunBlocked = lead[0] == '0' || hour > 12;
            afternoonRunClock = null;
            return e;
        }

        if (hour == 12)
        {
            afternoonRunClock = (halfDayWritten ??= allLines.Any(l => HalfDayWritten().IsMatch(l))) ? null : e.Time;
            return e;
        }

        if (afternoonRunClock is not { } last || hour == 0)
        {
            return e; // "24:00": the end of the day, no part of a run
        }

        var afternoon = e.Time.PlusHours(12);
        if (afternoon < last)
        {
            afternoonRunClock = null; // "11:30" then "1:00" again: past midnight, not this afternoon
            return e;
        }

        afternoonRunClock = afternoon;
        return e with { Time = afternoon, EndTime = e.EndTime is { Hour: < 12 } end && end.PlusHours(12) > afternoon ? end.PlusHours(12) : e.EndTime };
    }

    [GeneratedRegex(@"(?i)\d\s?[ap]\.?m\b|\b(?:noon|midnight|morning|night|overnight)\b")]
    private static partial Regex HalfDayWritten();
}
