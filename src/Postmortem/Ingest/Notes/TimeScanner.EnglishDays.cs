using System.Buffers;
using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

// English forms read in small passes of their own, each behind a cheap test (session 24, `s24-forms`):
// - "tomorrow" before or after a clock ("tomorrow morning at 7:00 a.m.", "at 10:00 tomorrow"): the clock is on the day after the
//   date in force (DayShift), as "yesterday" puts it on the day before;
// - a later clock of a sentence after a days-back one ("last evening around 8:30 PM and was stable by about 11:30 PM"): on the same
//   earlier day while it reads later in that day ("at 11 PM last night … at 2 AM" keeps 2 AM on the day in force);
// - an English hour in words before a half of the day ("by six this morning", "at nine tonight", "around ten in the evening"), and
//   "midday" before a weekday or a day word (noon: "By midday Thursday"; not "by mid-day it seemed worse", a part of the day);
// - a clock of three or four digits run into its meridiem ("800am", "1130 pm");
// - minutes before midnight or noon ("three minutes before midnight" is 23:57), and a half or a quarter past or to them ("half past
//   midnight" is 00:30, "a quarter to midnight" 23:45; session 29).
public static partial class TimeScanner
{
    // "tomorrow", "tomorrow morning", "tomorrow (Wed) morning", then "at", "around" … at the end of the text before a clock.
    [GeneratedRegex(@"(?<![\w])(?i:tomorrow)(?:\s\([\p{L}.]{2,10}\))?(?:\s(?i:morning|afternoon|evening|night))?(?:,?\s(?i:at|around|about|from|by|between|until|till))?,?\s~?$")]
    private static partial Regex TomorrowPrefix();

    [GeneratedRegex(@"\G,?\s(?i:tomorrow)\b")]
    private static partial Regex TomorrowSuffix();

    // The clock's text and what is left of the lead: "tomorrow" within the 40 characters before the clock, or right after it.
    private static bool TomorrowAround(string text, ref int start, ref int end)
    {
        var from = Math.Max(0, start - 40);
        if (start > 0 && TomorrowWord.In(text.AsSpan(from, start - from))
            && TomorrowPrefix().Match(text, from, start - from) is { Success: true } lead)
        {
            start = lead.Index;
            return true;
        }

        if (end < text.Length && text[end] is ' ' or ',' && TomorrowSuffix().Match(text, end) is { Success: true } after)
        {
            var afterEnd = after.Index + after.Length;
            if (afterEnd < text.Length && text[afterEnd] is ' ' or ',' or '(' && MayBeDateAfter(text, afterEnd) && DateSuffixPattern().Match(text, afterEnd).Success)
            {
                return false; // "by 9 AM tomorrow (2/1/2017)": the date written after the word is the clock's (read where the moment is split).
            }

            end = afterEnd;
            return true;
        }

        return false;
    }

    // Words that put a clock on the day in force again after a days-back one in the same sentence.
    private static readonly SearchValues<string> TodayWords =
        SearchValues.Create(["today", "this morning", "this afternoon", "this evening", "tonight", "now"], StringComparison.OrdinalIgnoreCase);

    // A clock after a days-back clock of its sentence, with no date of its own and later in the day, is on that day too.
    private static void CarryDaysBack(string text, List<TimeExpression> results)
    {
        TimeExpression? back = null;
        for (var i = 0; i < results.Count; i++)
        {
            var t = results[i];
            if (t.DaysBack > 0)
            {
                back = t;
                continue;
            }

            if (back is null || t.Date is not null || t.MonthDay is not null || t.Weekday is not null || t.DayShift != 0)
            {
                back = t.Date is not null || t.MonthDay is not null || t.Weekday is not null || t.DayShift != 0 ? null : back;
                continue;
            }

            var between = text.AsSpan(back.Index + back.Length, Math.Max(0, t.Index - back.Index - back.Length));
            if (between.IndexOfAny('.', ';', '\n') < 0 && !between.ContainsAny(TodayWords) && t.Time > back.Time)
            {
                results[i] = t with { DaysBack = back.DaysBack };
                back = results[i];
            }
            else
            {
                back = null;
            }
        }
    }

    // The halves of the day an hour in words is written with: the cheap test before the pattern.
    private static readonly SearchValues<string> HalfDayWords =
        SearchValues.Create(["this morning", "this afternoon", "this evening", "tonight", "in the morning", "in the afternoon", "in the evening", "midday", "mid-day"], StringComparison.OrdinalIgnoreCase);

    private static bool MayHoldWordHour(string text) => text.AsSpan().ContainsAny(HalfDayWords);

    [GeneratedRegex(@"(?<![\p{L}])(?i:at|by|until|till|from|around|about|after|before|since|to)\s(?:(?i:about|around|roughly)\s)?(?<w>(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))(?:\s(?i:o'clock|o’clock))?\s(?<d>(?i:this\s(?:morning|afternoon|evening)|tonight|in\sthe\s(?:morning|afternoon|evening)))(?![\p{L}])|(?<![\p{L}-])(?<mid>(?i:mid-?day))(?=,?\s(?:(?i:on)\s)?(?:(?i:today|tomorrow|yesterday)\b|" + WeekdayName + @"(?![\p{L}])))")]
    private static partial Regex EnglishWordHourPattern();

    private static readonly string[] HourWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    private static void AddEnglishWordHours(string text, List<TimeExpression> results)
    {
        foreach (Match m in EnglishWordHourPattern().Matches(text))
        {
            if (m.Groups["mid"].Success)
            {
                if (!Overlaps(results, results.Count, m.Index, m.Index + m.Length))
                {
                    results.Add(new TimeExpression { Index = m.Index, Length = m.Length, Raw = m.Value, Time = new LocalTime(12, 0) }); // "By midday Thursday"
                }

                continue;
            }

            var w = m.Groups["w"];
            if (Overlaps(results, results.Count, w.Index, m.Index + m.Length))
            {
                continue;
            }

            var hour = Array.IndexOf(HourWords, w.Value.ToLowerInvariant()) + 1;
            var morning = m.Groups["d"].Value.EndsWith("morning", StringComparison.OrdinalIgnoreCase);
            var tonight = m.Groups["d"].Value.Equals("tonight", StringComparison.OrdinalIgnoreCase);
            if (tonight && hour < 6)
            {
                continue; // "at two tonight" is after midnight or a slip: not read.
            }

            var h = morning ? hour % 12 : (hour % 12) + 12;
            results.Add(new TimeExpression { Index = w.Index, Length = m.Index + m.Length - w.Index, Raw = text[w.Index..(m.Index + m.Length)], Time = new LocalTime(h, 0) });
        }
    }

    // "800am", "1130 pm", "930a.m.": three or four digits, the last two minutes, run into a meridiem; not after a digit, a sign,
    // a currency or a separator ("$800am", "v2.800am", "12:1130pm").
    [GeneratedRegex(@"(?<![\w.:,/$£€#+-])(?<h>1[0-2]|0?[1-9])(?<mi>[0-5][0-9])\s?(?<ap>(?i:a|p)\.?(?i:m)\.?)(?![\p{L}0-9])")]
    private static partial Regex CompactClockPattern();

    // Three digits then "am"/"pm" (a space and dots allowed): the cheap test before the pattern.
    internal static bool MayHoldCompactClock(string text)
    {
        var span = text.AsSpan();
        for (var i = span.IndexOfAny('m', 'M'); i >= 0; i = span[(i + 1)..].IndexOfAny('m', 'M') is var next and >= 0 ? i + 1 + next : -1)
        {
            var a = i - 1;
            if (a > 0 && span[a] == '.')
            {
                a--;
            }

            if (a < 3 || char.ToLowerInvariant(span[a]) is not ('a' or 'p'))
            {
                continue;
            }

            var d = span[a - 1] == ' ' ? a - 2 : a - 1;
            if (d >= 2 && char.IsAsciiDigit(span[d]) && char.IsAsciiDigit(span[d - 1]) && char.IsAsciiDigit(span[d - 2]))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddCompactClocks(string text, List<TimeExpression> results)
    {
        foreach (Match m in CompactClockPattern().Matches(text))
        {
            if (Overlaps(results, results.Count, m.Index, m.Index + m.Length))
            {
                continue;
            }

            var h = int.Parse(m.Groups["h"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) % 12;
            var mi = int.Parse(m.Groups["mi"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            var pm = char.ToLowerInvariant(m.Groups["ap"].Value[0]) == 'p';
            results.Add(new TimeExpression { Index = m.Index, Length = m.Length, Raw = m.Value, Time = new LocalTime(h + (pm ? 12 : 0), mi) });
        }
    }

    // "three minutes before midnight", "5 min to noon": the clock word read as 00:00 or 12:00, less the minutes.
    [GeneratedRegex(@"(?<![\p{L}0-9])(?<n>[1-9]|[1-5][0-9]|(?i:one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty))\s(?i:min(?:ute)?s?)\s(?i:before|to)\s(?=(?i:midnight|noon)\b)")]
    private static partial Regex MinutesBeforePattern();

    private static readonly CaseBlindWord TomorrowWord = new("tomorrow"), BeforeWord = new(" before "), ToWord = new(" to "), HalfWord = new("half "), QuarterWord = new("quarter ");

    private static readonly string[] MinuteWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    // "half past midnight", "a quarter past noon", "a quarter to midnight" (session 29): the clock word moved by 30 or 15 minutes.
    [GeneratedRegex(@"(?<![\p{L}])(?:(?<half>(?i:half))|(?:(?i:a)\s)?(?i:quarter))\s(?<dir>(?i:past|after|to|of|before))\s(?=(?i:midnight|noon)\b)")]
    private static partial Regex QuarterPattern();

    private static void ReadQuarters(string text, List<TimeExpression> results)
    {
        foreach (Match m in QuarterPattern().Matches(text))
        {
            var i = results.FindIndex(r => r.Index == m.Index + m.Length);
            var past = m.Groups["dir"].Value.ToLowerInvariant() is "past" or "after";
            if (i < 0 || results[i].EndTime is not null || (m.Groups["half"].Success && !past))
            {
                continue; // "half to midnight" is not English
            }

            var minutes = m.Groups["half"].Success ? 30 : past ? 15 : -15;
            var t = results[i];
            var length = t.Index + t.Length - m.Index;
            results[i] = t with { Index = m.Index, Length = length, Raw = text.Substring(m.Index, length), Time = t.Time.PlusMinutes(minutes) };
        }
    }

    private static void ReadMinutesBefore(string text, List<TimeExpression> results)
    {
        if (HalfWord.In(text) || QuarterWord.In(text))
        {
            ReadQuarters(text, results);
        }

        if (!BeforeWord.In(text) && !ToWord.In(text))
        {
            return;
        }

        foreach (Match m in MinutesBeforePattern().Matches(text))
        {
            var i = results.FindIndex(r => r.Index == m.Index + m.Length);
            if (i < 0 || results[i].EndTime is not null)
            {
                continue;
            }

            var word = m.Groups["n"].Value.ToLowerInvariant();
            var n = char.IsAsciiDigit(word[0]) ? int.Parse(word, System.Globalization.CultureInfo.InvariantCulture)
                : word switch { "fifteen" => 15, "twenty" => 20, "thirty" => 30, _ => Array.IndexOf(MinuteWords, word) + 1 };
            var t = results[i];
            var length = t.Index + t.Length - m.Index;
            results[i] = t with { Index = m.Index, Length = length, Raw = text.Substring(m.Index, length), Time = t.Time.PlusMinutes(-n) };
        }
    }
}
