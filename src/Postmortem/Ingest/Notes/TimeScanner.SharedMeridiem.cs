using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

// A bare hour before a span's end that carries the meridiem for both, after "from" or "between": "from 5 to 7 a.m.", "between 9
// and 11 pm", "from 4-6 pm"; also after "the hours of", "a window of", "the period of" ("during the quiet hours of 3 to 5 AM"). The clock matcher reads the end alone ("7 a.m.") and leaves the start a number; read here as one span,
// the start in the end's half of the day unless it would fall after the end ("from 11 to 1 pm" starts at 11 a.m.). Not a bare
// "4-6 pm" (in a chat message it moved the message's own words to the span's start). A pattern of its own, bounded, run only on
// text with a meridiem after a digit.
public static partial class TimeScanner
{
    [GeneratedRegex(@"(?<=(?<![\p{L}])(?i:from|between|(?:hours|window|period)\sof)\s)(?<h>1[0-2]|0?[1-9])(?:\s(?i:to|until|till|and)\s|\s?[-–]\s?)(?<h2>1[0-2]|0?[1-9])(?::(?<mi2>[0-5][0-9]))?\s?(?<ap>(?i:a|p)\.?\s?(?i:m)\.?)(?![\p{L}0-9])")]
    private static partial Regex SharedMeridiemPattern();

    // The same after no word, with an en dash between the hours ("for 2 – 4 AM", "Aug 30, 2–2:30 AM UTC"): the en dash of a written
    // window, not a hyphen ("4-6 pm" in a chat line stays as it is read), and never after a digit, a colon or a dot ("10:30–11 am").
    [GeneratedRegex(@"(?<![\p{L}0-9:.,/–-])(?<h>1[0-2]|0?[1-9])\s?–\s?(?<h2>1[0-2]|0?[1-9])(?::(?<mi2>[0-5][0-9]))?\s?(?<ap>(?i:a|p)\.?\s?(?i:m)\.?)(?![\p{L}0-9])")]
    private static partial Regex EnDashSharedMeridiemPattern();

    // A bare hyphen between the hours only with a day named right after ("4-6 pm on Tuesday", "1-3 am today"): dated, it is a window
    // written in a notice, not words inside a chat message ("anything sent 4-6 pm still stuck" stays as it is read). Session 25.
    [GeneratedRegex(@"(?<![\p{L}0-9:.,/–-])(?<h>1[0-2]|0?[1-9])\s?-\s?(?<h2>1[0-2]|0?[1-9])(?::(?<mi2>[0-5][0-9]))?\s?(?<ap>(?i:a|p)\.?\s?(?i:m)\.?)(?![\p{L}0-9])(?=,?\s(?i:on\s)?(?i:today|tonight|tomorrow|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)")]
    private static partial Regex HyphenDaySharedMeridiemPattern();

    private static void AddSharedMeridiemSpans(string text, List<TimeExpression> results)
    {
        if (text.Contains('-', StringComparison.Ordinal))
        {
            foreach (Match m in HyphenDaySharedMeridiemPattern().Matches(text))
            {
                AddSharedMeridiemSpan(text, m, results);
            }
        }

        foreach (Match m in SharedMeridiemPattern().Matches(text))
        {
            AddSharedMeridiemSpan(text, m, results);
        }

        if (text.Contains('–', StringComparison.Ordinal))
        {
            foreach (Match m in EnDashSharedMeridiemPattern().Matches(text))
            {
                AddSharedMeridiemSpan(text, m, results);
            }
        }
    }

    private static void AddSharedMeridiemSpan(string text, Match m, List<TimeExpression> results)
    {
        var endAt = m.Groups["h2"].Index;
        if (results.Exists(r => r.Index <= m.Index + m.Groups["h"].Length && r.Index + r.Length > m.Index))
        {
            return; // The start is read already ("10-11am" as a range).
        }

        var h = int.Parse(m.Groups["h"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        var i = results.FindIndex(r => r.Index == endAt);
        LocalTime end;
        TimeExpression? endClock = null;
        if (i >= 0)
        {
            endClock = results[i]; // "7 a.m. PT" as the clock matcher read it, with its zone or date.
            end = endClock.Time;
            results.RemoveAt(i);
        }
        else
        {
            var h2 = int.Parse(m.Groups["h2"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            var mi2 = m.Groups["mi2"].Success ? int.Parse(m.Groups["mi2"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : 0;
            end = new LocalTime((h2 % 12) + (char.ToLowerInvariant(m.Groups["ap"].Value[0]) == 'p' ? 12 : 0), mi2);
        }

        if (endClock?.EndTime is not null)
        {
            results.Add(endClock);
            return;
        }

        // The start shares the end's half unless that puts it after the end: "11 to 1 pm" is 11 a.m., "11 to 1 a.m." 11 p.m.
        var pm = end.Hour >= 12;
        var startPm = h % 12 > end.Hour % 12 ? !pm : pm;
        var start = new LocalTime((h % 12) + (startPm ? 12 : 0), 0);
        var length = endClock is { } e ? e.Index + e.Length - m.Index : m.Length;
        var spanned = endClock is { } c
            ? c with { Index = m.Index, Length = length, Raw = text.Substring(m.Index, length), Time = start, EndTime = end }
            : new TimeExpression { Index = m.Index, Length = length, Raw = m.Value, Time = start, EndTime = end };
        results.Add(spanned);
    }

    // The words that join a span's start to its end (case-blind), found in one search.
    private static readonly System.Buffers.SearchValues<string> SpanJoiners =
        System.Buffers.SearchValues.Create([" to ", " and ", " until ", " till "], StringComparison.OrdinalIgnoreCase);

    // A dash or a word that joins a span's ends: the first half of MayHoldSharedMeridiem.
    internal static bool HasSpanJoin(string text) => text.AsSpan().IndexOfAny('-', '–') >= 0 || text.AsSpan().ContainsAny(SpanJoiners);

    // A digit, then "a" or "p" and "m" within three characters: the cheap test before the pattern (FindAll reads it from the
    // text's DigitMarks).
    internal static bool MayHoldSharedMeridiem(string text)
    {
        var span = text.AsSpan();
        if (!HasSpanJoin(text))
        {
            return false;
        }

        for (var i = span.IndexOfAny('m', 'M'); i >= 0; i = span[(i + 1)..].IndexOfAny('m', 'M') is var next and >= 0 ? i + 1 + next : -1)
        {
            if (i < 2)
            {
                continue;
            }

            var a = i - 1;
            while (a > 0 && span[a] is '.' or ' ')
            {
                a--;
            }

            if (char.ToLowerInvariant(span[a]) is 'a' or 'p' && a > 0 && (char.IsAsciiDigit(span[a - 1]) || (span[a - 1] == ' ' && a > 1 && char.IsAsciiDigit(span[a - 2]))))
            {
                return true;
            }
        }

        return false;
    }
}
