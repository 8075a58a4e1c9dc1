using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

// Japanese clocks: "2021年03月08日 4時58分~8時51分", "2021年1月25日(月)午前3時頃", "8時51分頃". A pattern of its own, run only on
// text that holds 時 (hour), so that the clock matcher run on every line does not grow (NotesPatternSizeTests).
public static partial class TimeScanner
{
    // ASCII digits only ([0-9], not \d, which takes full-width and other scripts' digits too). A date with 年 (year), 月 (month)
    // and 日 (day), the weekday in brackets after it, 午前/午後 (a.m./p.m.), 時 (hour) and 分 (minute), 頃/ごろ (about), and the
    // end of a span after a wave dash or a hyphen.
    private const string JapaneseClock =
        @"(?:(?:(?<y>[0-9]{4})年)?(?<mo>[0-9]{1,2})月(?<d>[0-9]{1,2})日(?:\s?[(（][月火水木金土日][)）])?\s?)?" +
        @"(?<ap>午前|午後)?(?<h>[0-9]{1,2})時(?:(?<mi>[0-9]{1,2})分)?(?<ish>頃|ごろ)?" +
        @"(?:\s?[~〜～\-－]\s?(?<ap2>午前|午後)?(?<h2>[0-9]{1,2})時(?:(?<mi2>[0-9]{1,2})分)?)?";

    [GeneratedRegex(JapaneseClock)]
    private static partial Regex JapaneseClockPattern();

    private static void AddJapaneseClocks(string text, List<TimeExpression> results)
    {
        foreach (Match m in JapaneseClockPattern().Matches(text))
        {
            if (ReadJapanese(m) is { } expression)
            {
                results.Add(expression);
            }
        }
    }

    private static TimeExpression? ReadJapanese(Match m)
    {
        if (!JapaneseTime(m.Groups["ap"], m.Groups["h"], m.Groups["mi"], out var start))
        {
            return null;
        }

        LocalTime? end = null;
        if (m.Groups["h2"].Success)
        {
            if (!JapaneseTime(m.Groups["ap2"], m.Groups["h2"], m.Groups["mi2"], out var e))
            {
                return null;
            }

            end = e;
        }

        LocalDate? date = null;
        (int Month, int Day)? monthDay = null;
        if (m.Groups["y"].Success)
        {
            if (!TryDate(m.Groups["y"].Value, m.Groups["mo"].Value, m.Groups["d"].Value, out var d))
            {
                return null;
            }

            date = d;
        }
        else if (m.Groups["mo"].Success)
        {
            var mo = int.Parse(m.Groups["mo"].ValueSpan, CultureInfo.InvariantCulture);
            var day = int.Parse(m.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
            if (mo is < 1 or > 12 || day is < 1 or > 31)
            {
                return null;
            }

            monthDay = (mo, day);
        }

        return new TimeExpression
        {
            Index = m.Index,
            Length = m.Length,
            Raw = m.Value,
            Date = date,
            MonthDay = monthDay,
            YearMissing = monthDay is not null,
            Time = start,
            EndTime = end,
            Approximate = m.Groups["ish"].Success,
        };
    }

    // 午前 (a.m.) and 午後 (p.m.) take hours 0 to 12, as Japanese writes them ("午前0時" is midnight, "午後12時" noon is rare but read).
    private static bool JapaneseTime(Group meridiem, Group hour, Group minute, out LocalTime time)
    {
        time = default;
        var h = int.Parse(hour.ValueSpan, CultureInfo.InvariantCulture);
        var mi = minute.Success ? int.Parse(minute.ValueSpan, CultureInfo.InvariantCulture) : 0;
        if (meridiem.Success)
        {
            if (h > 12)
            {
                return false;
            }

            h = (h % 12) + (meridiem.Value == "午後" ? 12 : 0);
        }

        if (h > 23 || mi > 59)
        {
            return false;
        }

        time = new LocalTime(h, mi);
        return true;
    }
}
