using System.Globalization;
using NodaTime;

namespace Postmortem.Ingest.Notes;

/// <summary>
/// Reads the text of one clock match ("7:14pm", "07:33–07:51 ET", "11pm-ish", "noon (UTC)", "10h50 LT") without regex groups:
/// the scanner's pattern has already checked the shape, and reading the span by hand keeps extraction
/// allocation-free on the hot path (docs/benchmarks.md).
/// </summary>
internal static class ClockReader
{
    /// <summary>The parts of a clock match; MeridiemIgnored when a 24-hour clock was written with a meridiem ("13:00PM").</summary>
    public readonly record struct Clock(LocalTime Start, LocalTime? End, bool Ish, int ZoneStart, int ZoneLength, bool MeridiemIgnored = false);

    /// <summary>Reads <paramref name="span"/>; false when a clock in it is not a valid time of day.</summary>
    public static bool TryRead(ReadOnlySpan<char> span, out Clock clock)
    {
        clock = default;
        var i = 0;
        var ignored = false;
        if (!TryReadTime(span, ref i, ref ignored, out var start))
        {
            return false;
        }

        LocalTime? end = null;
        var afterStart = i;
        var j = i;
        SkipSpaces(span, ref j);
        if (StartsWithWord(span, j, "Uhr"))
        {
            // "von 10:15 Uhr bis 11:40 Uhr": the start's "Uhr" stands before "bis" (the scanner lets it through only there).
            j += 3;
            SkipSpaces(span, ref j);
        }

        var dashed = j < span.Length && (span[j] is '-' or '–' or '—' or '〜' or '～' || (span[j] == '~' && j == i)); // "15:10~16:20"
        var worded = !dashed && j > i && (StartsWithWord(span, j, "to") || StartsWithWord(span, j, "until") || StartsWithWord(span, j, "till") || StartsWithWord(span, j, "through") || StartsWithWord(span, j, "bis"));
        if (dashed || worded)
        {
            j += dashed ? 1 : WordLength(span, j);
            SkipSpaces(span, ref j);
            if (j < span.Length && char.IsAsciiDigit(span[j]))
            {
                var endStart = j;
                if (!TryReadTime(span, ref j, ref ignored, out var endTime))
                {
                    return false;
                }

                end = InStartsAfternoon(span[..afterStart], span[endStart..j], start, endTime);
                start = InEndsAfternoon(span[..afterStart], span[endStart..j].IndexOfAny('p', 'P') > 0, start, end.Value);
                i = j;
            }
        }

        if (end is null)
        {
            i = afterStart;
        }

        var ish = false;
        var k = i;
        if (k < span.Length && span[k] == '-')
        {
            k++;
        }

        if (k + 3 <= span.Length && span.Slice(k, 3).Equals("ish", StringComparison.OrdinalIgnoreCase))
        {
            ish = true;
            i = k + 3;
        }

        // Whatever remains is the zone, possibly in parentheses; "LT" (local time) names none: the zone in force.
        var zone = span[i..].Trim().Trim("()");
        if (zone.SequenceEqual("LT") || zone.Equals("local time", StringComparison.OrdinalIgnoreCase))
        {
            zone = [];
        }

        var zoneStart = zone.IsEmpty ? 0 : span.Length - span[i..].TrimStart().TrimStart('(').Length;
        clock = new Clock(start, end, ish, zoneStart, zone.Length, ignored);
        return true;
    }

    // "1:15 p.m. to 4:40", "8 p.m.–9:30": an end written without a meridiem (not zero-padded) that read as morning would come
    // before an afternoon start written with "p.m." is in that afternoon; "11 p.m. to 1:30" still runs past midnight.
    private static LocalTime InStartsAfternoon(ReadOnlySpan<char> startText, ReadOnlySpan<char> endText, LocalTime start, LocalTime end)
    {
        var pm = startText.IndexOfAny('p', 'P') > 0;
        var bare = BareClock(endText);
        return pm && bare && start.Hour >= 12 && end.Hour is >= 1 and < 12 && end < start && end.PlusHours(12) > start ? end.PlusHours(12) : end;
    }

    // "from 1:05 to 2:30 p.m. PT", "1:05-2:30 PM": a start written without a meridiem (not zero-padded) before an end written with
    // "p.m." is in that afternoon when it then still comes before the end; "11:30 to 1:15 p.m." starts in the morning, and "09:10 to
    // 2:30 p.m." (a 24-hour start) is read as written.
    internal static LocalTime InEndsAfternoon(ReadOnlySpan<char> startText, bool endPm, LocalTime start, LocalTime end) =>
        BareClock(startText.Trim()) && endPm && start.Hour is >= 1 and < 12 && end.Hour >= 12 && start.PlusHours(12) <= end ? start.PlusHours(12) : start;

    // "1:05", "11:30": a clock of digits and one colon, its hour not zero-padded.
    private static bool BareClock(ReadOnlySpan<char> text) =>
        text.Length is 4 or 5 && text[0] != '0' && text.IndexOf(':') is 1 or 2 && !text.ContainsAnyExcept("0123456789:");

    private static bool TryReadTime(ReadOnlySpan<char> span, ref int i, ref bool meridiemIgnored, out LocalTime time)
    {
        time = default;
        if (i < span.Length && char.IsAsciiLetter(span[i]))
        {
            if (StartsWithWord(span, i, "noon"))
            {
                i += 4;
                time = new LocalTime(12, 0);
                return true;
            }

            i += "midnight".Length;
            time = LocalTime.Midnight;
            return true;
        }

        var hour = ReadNumber(span, ref i, 2);
        var minuteless = i;
        var minute = 0;
        var second = 0;
        if (i == 2 && i + 1 < span.Length && char.IsAsciiDigit(span[i]) && char.IsAsciiDigit(span[i + 1]))
        {
            // "0520 UTC": four digits, military style (the scanner lets them through only before UTC, GMT or Z).
            minute = ReadNumber(span, ref i, 2);
        }

        if (i + 2 < span.Length && span[i] == ' ' && span[i + 1] == 'h' && span[i + 2] == ' ')
        {
            i++; // "vers 10 h 45": a space either side of the h (SpacedFrenchClockPattern).
        }

        if (i < span.Length && (span[i] == 'h' || (span[i] == 'H' && i + 2 < span.Length && char.IsAsciiDigit(span[i + 1]) && char.IsAsciiDigit(span[i + 2]))))
        {
            // "10h50", "11h": hours written the French way, always 24-hour (the scanner has checked the shape); "08H40", the
            // French press's capital, only with its minutes.
            i++;
            if (i + 1 < span.Length && char.IsAsciiDigit(span[i]) && char.IsAsciiDigit(span[i + 1]))
            {
                minute = ReadNumber(span, ref i, 2);
            }
            else if (i + 2 < span.Length && span[i] == ' ' && char.IsAsciiDigit(span[i + 1]) && char.IsAsciiDigit(span[i + 2])
                && (i + 3 == span.Length || !char.IsAsciiDigit(span[i + 3])))
            {
                // "12h 00": French hours with a space before the minutes (SpacedFrenchClockPattern).
                i++;
                minute = ReadNumber(span, ref i, 2);
            }
        }

        // "6.51 pm": the scanner lets a dot separate hours and minutes only when a meridiem follows.
        if (i + 2 < span.Length && (span[i] == ':' || (span[i] == '.' && char.IsAsciiDigit(span[i + 1]) && char.IsAsciiDigit(span[i + 2]))))
        {
            i++;
            minute = ReadNumber(span, ref i, 2);
            if (i + 2 < span.Length && span[i] == ':' && char.IsAsciiDigit(span[i + 1]))
            {
                i++;
                second = ReadNumber(span, ref i, 2);
                if (i < span.Length && span[i] is '.' or ',' && i + 1 < span.Length && char.IsAsciiDigit(span[i + 1]))
                {
                    i++;
                    ReadNumber(span, ref i, 9);
                }
            }
        }

        // am/pm, written "pm", "p.m.", " PM".
        var k = i;
        if (k < span.Length && span[k] == ' ')
        {
            k++;
        }

        var meridiem = '\0';
        if (k < span.Length && span[k] is 'a' or 'A' or 'p' or 'P')
        {
            var m = k + 1;
            if (m < span.Length && span[m] == '.')
            {
                m++;
            }

            // "8:30amPT": a lower-case meridiem may run into the zone written after it.
            if (m < span.Length && span[m] is 'm' or 'M' && (m + 1 == span.Length || !char.IsAsciiLetter(span[m + 1]) || (span[m] == 'm' && char.IsAsciiLetterUpper(span[m + 1]))))
            {
                meridiem = char.ToLowerInvariant(span[k]);
                i = m + 1;
                if (i < span.Length && span[i] == '.')
                {
                    i++;
                }
            }
            else if (k == i && span[k] is 'a' or 'p' && i == minuteless && (k + 1 == span.Length || !char.IsAsciiLetter(span[k + 1])))
            {
                // "6a PT", "at 3p": one lower-case letter glued to a bare hour (the scanner has checked the context).
                meridiem = span[k];
                i = k + 1;
            }
        }

        if (meridiem != '\0')
        {
            if ((hour is > 12 and <= 23 && meridiem == 'p') || (hour == 0 && meridiem == 'a'))
            {
                // "13:00PM", "17:41PM", "00:15 AM": a 24-hour clock with a meridiem that agrees with it; read as written.
                meridiemIgnored = true;
            }
            else if (hour is < 1 or > 12)
            {
                return false;
            }
            else
            {
                hour = (hour % 12) + (meridiem == 'p' ? 12 : 0);
            }
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new LocalTime(hour, minute, second);
        return true;
    }

    private static int ReadNumber(ReadOnlySpan<char> span, ref int i, int maxDigits)
    {
        var start = i;
        while (i < span.Length && i - start < maxDigits && char.IsAsciiDigit(span[i]))
        {
            i++;
        }

        return i == start ? 0 : int.Parse(span[start..i], NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static void SkipSpaces(ReadOnlySpan<char> span, ref int i)
    {
        while (i < span.Length && char.IsWhiteSpace(span[i]))
        {
            i++;
        }
    }

    private static bool StartsWithWord(ReadOnlySpan<char> span, int i, string word) =>
        i + word.Length <= span.Length && span.Slice(i, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)
        && (i + word.Length == span.Length || !char.IsAsciiLetter(span[i + word.Length]));

    private static int WordLength(ReadOnlySpan<char> span, int i)
    {
        var start = i;
        while (i < span.Length && char.IsAsciiLetter(span[i]))
        {
            i++;
        }

        return i - start;
    }
}
