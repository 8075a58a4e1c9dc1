using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

// A Japanese, Chinese or Korean date written before a colon clock: "9월 26일(금) 20:15경", "9月26日(金) 18:00", "2024年5月3日 9:05",
// "9월 28일(일) 밤 23:00경" (a word for night or afternoon before a clock already in the afternoon). The Japanese and Korean
// patterns read a date only before 時/시 (TimeScanner.Japanese.cs); a timeline of colon clocks under such dates lost every day but
// the first (session 32).
public static partial class TimeScanner
{
    // Anchored at the clock: the date, the weekday in brackets (one to three characters), a word for the evening, then the clock.
    [GeneratedRegex(@"(?:(?<y>[0-9]{4})\s?[年년]\s?)?(?<mo>[0-9]{1,2})\s?[月월]\s?(?<d>[0-9]{1,2})\s?[日일](?:\s?[(（][^()（）\s]{1,3}[)）])?\s?(?<pm>밤|저녁|오후|午後|下午|晚上)?\s?$")]
    private static partial Regex CjkDateBeforePattern();

    // A Korean, Chinese or Japanese word for the morning or the afternoon right before a colon clock: "오후 3:10" (15:10), "下午3:10",
    // "오전 9:10"; the clock matchers take no clock after a letter, so the form without a space is found here (review32 F21).
    [GeneratedRegex(@"(?<=(?:오전|오후|上午|下午|午前|午後|晚上|早上|凌晨|새벽|저녁|밤|傍晚)\s?)[0-9]{1,2}:[0-9]{2}(?![0-9:])")]
    private static partial Regex CjkMeridiemClockPattern();

    private static readonly string[] CjkAm = ["오전", "上午", "午前", "早上", "凌晨", "새벽"];
    private static readonly string[] CjkPm = ["오후", "下午", "午後"];
    private static readonly string[] CjkNight = ["晚上", "저녁", "밤", "傍晚"];

    /// <summary>Clocks right after a CJK word for the morning or afternoon with no space between ("下午3:10").</summary>
    private static void AddCjkMeridiemClocks(string text, List<TimeExpression> results, int isoCount, List<string>? invalid)
    {
        foreach (var m in CjkMeridiemClockPattern().EnumerateMatches(text))
        {
            if (text[m.Index - 1] is not (' ' or '\t'))
            {
                AddClock(text, m.Index, m.Length, results, isoCount, invalid); // with a space, the common clock matcher finds it
            }
        }
    }

    /// <summary>
    /// The CJK word for the morning, afternoon or evening right before <paramref name="clockIndex"/>, one space allowed; or, for
    /// the end of a window ("오후 3:10~4:20"), the word before its start, with the end's own start (the word's is the window's).
    /// </summary>
    private static (CjkPart Part, int Start)? CjkMeridiemBefore(string text, int clockIndex)
    {
        var at = clockIndex > 0 && text[clockIndex - 1] == ' ' ? clockIndex - 1 : clockIndex;
        if (at < 1)
        {
            return null;
        }

        if (text[at - 1] is '~' or '〜' or '～' or '-' or '–')
        {
            var from = Math.Max(0, at - 16);
            return CjkWindowStart().Match(text, from, at - from) is { Success: true } start && PartBefore(text, start.Groups["c"].Index) is { } part
                ? (part.Part, clockIndex)
                : null;
        }

        return PartBefore(text, at);
    }

    private static (CjkPart Part, int Start)? PartBefore(string text, int at)
    {
        at = at > 0 && text[at - 1] == ' ' ? at - 1 : at;
        if (at < 1 || text[at - 1] < 0x1100)
        {
            return null;
        }

        foreach (var (words, part) in new[] { (CjkPm, CjkPart.Afternoon), (CjkNight, CjkPart.Evening), (CjkAm, CjkPart.Morning) })
        {
            foreach (var word in words)
            {
                if (at >= word.Length && text.AsSpan(at - word.Length, word.Length).SequenceEqual(word))
                {
                    return (part, at - word.Length);
                }
            }
        }

        return null;
    }

    // The start of a window before its dash: a colon clock after a CJK word for the part of the day ("오후 3:10~").
    [GeneratedRegex(@"(?<=[^\x00-\x7F]\s?)(?<c>[0-9]{1,2}:[0-9]{2})\s?[~〜～\-–]\s?$")]
    private static partial Regex CjkWindowStart();

    private enum CjkPart
    {
        Morning,
        Afternoon,
        Evening,
    }

    // 오후/下午 with an hour of 1 to 11 is that hour after noon, and 午後0:30 (Japanese writes noon as 0) is 12:30; 밤/晚上 (night) from
    // 5 to 11 is the evening, 12 is midnight ("밤 12:30" is 00:30) and 1 to 4 stay in the small hours; 오전/上午 with 12 is the hour
    // after midnight. A 24-hour clock stays.
    private static ClockReader.Clock WithCjkMeridiem(ClockReader.Clock clock, CjkPart part)
    {
        LocalTime Shift(LocalTime t) => part switch
        {
            CjkPart.Afternoon when t.Hour is >= 0 and <= 11 => t.PlusHours(12),
            CjkPart.Evening when t.Hour is >= 5 and <= 11 => t.PlusHours(12),
            CjkPart.Evening or CjkPart.Morning when t.Hour == 12 => t.PlusHours(-12),
            _ => t,
        };

        return clock with { Start = Shift(clock.Start), End = clock.End is { } end ? Shift(end) : null };
    }

    // A CJK date alone on its line: a chat's day divider ("10月11日（水）", "2024년 3월 5일 (화)") or a day heading.
    [GeneratedRegex(@"^[\s#*_>\-]*(?:(?<y>[0-9]{4})\s?[年년]\s?)?(?<mo>[0-9]{1,2})\s?[月월]\s?(?<d>[0-9]{1,2})\s?[日일](?:\s?[(（][^()（）\s]{1,3}[)）])?[\s*_:.\-]*$")]
    private static partial Regex CjkDateLinePattern();

    /// <summary>
    /// The date of a line that holds a Japanese, Chinese or Korean date and nothing else ("10月11日（水）", "2024年3月5日"), as a Slack
    /// copy's day divider writes it; null for any other line.
    /// </summary>
    internal static WrittenDate? CjkDateLine(string line)
    {
        if (line.Length > 40 || System.Text.Ascii.IsValid(line) || CjkDateLinePattern().Match(line) is not { Success: true } m)
        {
            return null;
        }

        var mo = int.Parse(m.Groups["mo"].ValueSpan, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        if (mo is < 1 or > 12 || d is < 1 or > 31)
        {
            return null;
        }

        return m.Groups["y"].Success
            ? TryDate(m.Groups["y"].Value, m.Groups["mo"].Value, m.Groups["d"].Value, out var date) ? new WrittenDate(date, null, null, false) : null
            : new WrittenDate(null, (mo, d), null, false);
    }

    /// <summary>The CJK date written right before the clock at <paramref name="clockIndex"/>, and where it starts; null when none.</summary>
    private static (WrittenDate Date, int Start)? CjkDateBefore(string text, int clockIndex, LocalTime clock)
    {
        if (clockIndex < 3)
        {
            return null;
        }

        var from = Math.Max(0, clockIndex - 24);
        if (System.Text.Ascii.IsValid(text.AsSpan(from, clockIndex - from)))
        {
            return null;
        }

        var m = CjkDateBeforePattern().Match(text, from, clockIndex - from);
        if (!m.Success || (m.Groups["pm"].Success && clock.Hour < 12) || (m.Index > 0 && char.IsAsciiDigit(text[m.Index - 1])))
        {
            return null; // "밤 11:00" is not read as 23:00 here: the date is left out rather than the clock misread.
        }

        var mo = int.Parse(m.Groups["mo"].ValueSpan, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        if (mo is < 1 or > 12 || d is < 1 or > 31)
        {
            return null;
        }

        if (m.Groups["y"].Success)
        {
            return TryDate(m.Groups["y"].Value, m.Groups["mo"].Value, m.Groups["d"].Value, out var date) ? (new WrittenDate(date, null, null, false), m.Index) : null;
        }

        return (new WrittenDate(null, (mo, d), null, false), m.Index);
    }

    // "6月14日(月)18時頃 ~ 6月23日(水)14時00分頃", "9월 10일 11시 ~ 9월 14일 13시", "~ 14일 13시": the days from a window's start to the
    // date written before its end; null when the end has no date or the start none to count from (a day of the month alone).
    private static int? EndDaysOf(Match m, LocalDate? date, (int Month, int Day)? monthDay)
    {
        LocalDate start;
        if (date is { } full)
        {
            start = full;
        }
        else if (monthDay is { Month: 0 } alone && m.Groups["dd2"].Success)
        {
            // "14日16時54分～15日22時00分": both days of the month in force (session 34).
            var endDay = int.Parse(m.Groups["dd2"].ValueSpan, CultureInfo.InvariantCulture);
            return endDay >= alone.Day && endDay - alone.Day <= 31 ? endDay - alone.Day : null;
        }
        else if (monthDay is { Month: > 0 } md && md.Day <= CalendarSystem.Iso.GetDaysInMonth(2000, md.Month))
        {
            start = new LocalDate(2000, md.Month, md.Day); // a leap year, so that 29 February is a day
        }
        else
        {
            return null;
        }

        LocalDate end;
        if (m.Groups["mo2"].Success)
        {
            var mo = int.Parse(m.Groups["mo2"].ValueSpan, CultureInfo.InvariantCulture);
            var d = int.Parse(m.Groups["d2"].ValueSpan, CultureInfo.InvariantCulture);
            if (mo is < 1 or > 12 || d < 1 || d > CalendarSystem.Iso.GetDaysInMonth(start.Year, mo))
            {
                return null;
            }

            end = new LocalDate(start.Year, mo, d);
            if (end < start)
            {
                end = end.PlusYears(1); // "12月31日 ~ 1月1日"
            }
        }
        else if (m.Groups["dd2"].Success)
        {
            var d = int.Parse(m.Groups["dd2"].ValueSpan, CultureInfo.InvariantCulture);
            if (d < 1 || d > CalendarSystem.Iso.GetDaysInMonth(start.Year, start.Month))
            {
                return null;
            }

            end = new LocalDate(start.Year, start.Month, d);
            if (end < start)
            {
                end = end.PlusMonths(1);
            }
        }
        else
        {
            return null;
        }

        var days = Period.Between(start, end, PeriodUnits.Days).Days;
        return days <= 62 ? days : null;
    }
}
