using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

// ExtractionRun, in part (session 25, `s25-forms`): a clock without am/pm after one written with pm keeps to that afternoon or
// evening when it is near it. "The generators did not come on until 6:10 PM. The outage hit at 4:11 EDT, the clock stopped at
// 4:23", "at 11:42pm … back on at 11:59": a writer who has said "pm" once does not repeat it for the next clocks of the same
// stretch of time. Read in the morning, such a clock falls half a day away (and a later one is taken past midnight); read in the
// afternoon it falls within three hours of the pm clock. Only for a clock of 1-11 without a leading zero, no date, no "yesterday",
// no span, outside a chat, not leading its line (a timeline's line-led clocks keep the afternoon-run reading, ExtractionRun.AfternoonRun.cs),
// and not when its sentence says the morning ("8 am", "this morning", "overnight", "dawn").
internal sealed partial class ExtractionRun
{
    // The instant of the last clock read with "pm" written; null once a clock is written with "am", past 12 or zero-padded.
    private Instant? lastWrittenPm;

    private static readonly Duration NearPm = Duration.FromHours(3);

    /// <summary>The afternoon reading of a bare clock near the last pm clock, or null to keep the reading as it is.</summary>
    private Instant? AfterPmReading(TimeExpression e, LocalDate day, DateTimeZone zone, Instant instant, string text)
    {
        if (lastWrittenPm is not { } pm || e.Time.Hour is < 1 or > 11 || e.Raw.TrimStart() is not { Length: > 0 } bare || bare[0] is < '1' or > '9'
            || WrittenMeridiem.Says(e.Raw))
        {
            return null;
        }

        var afternoon = zone.AtLeniently(day + e.Time.PlusHours(12)).ToInstant();
        return Distance(afternoon, pm) <= NearPm && Distance(instant, pm) > NearPm && !MorningSaid().IsMatch(text) ? afternoon : null;
    }

    // Keeps the last pm clock: set by a clock written with pm, cleared by one written with am, past 12 or with a leading zero.
    private void NoteMeridiem(TimeExpression e, Instant instant, bool readAfterPm)
    {
        var raw = e.Raw.TrimStart();
        var meridiemLetter = MayWriteMeridiem(raw);
        if (readAfterPm)
        {
            lastWrittenPm = instant; // "4:11" read as 4:11 pm: the next bare clock keeps to the same afternoon
        }
        else if (meridiemLetter && WrittenMeridiem.SaysPm(raw))
        {
            lastWrittenPm = instant;
        }
        else if (e.Time.Hour > 12 || (raw.Length > 0 && raw[0] == '0') || (meridiemLetter && WrittenMeridiem.Says(raw)))
        {
            lastWrittenPm = null;
        }
    }

    // Every match of PmWritten and of NotesExtractor.Meridiem holds an "m" ("pm", "a.m.", "midnight") or an "n" ("noon"): a
    // written time without either (most are "14:05", "4:11") skips both patterns, which ran for every event (docs/benchmarks.md,
    // twenty-fifth session, lead).
    internal static bool MayWriteMeridiem(ReadOnlySpan<char> raw) => raw.IndexOfAny(MeridiemLetters) >= 0;

    private static readonly System.Buffers.SearchValues<char> MeridiemLetters = System.Buffers.SearchValues.Create("mMnN");

    // The pattern WrittenMeridiem.SaysPm reads by hand (and runs for text outside ASCII).
    internal static bool WritesPm(string raw) => PmWritten().IsMatch(raw);

    private static Duration Distance(Instant a, Instant b) => a > b ? a - b : b - a;

    [GeneratedRegex(@"\d\s?(?i:p\.?\s?m)(?![a-z])")]
    private static partial Regex PmWritten();

    [GeneratedRegex(@"(?i)\d\s?a\.?m\b|\b(?:morning|overnight|dawn)\b")]
    private static partial Regex MorningSaid();
}
