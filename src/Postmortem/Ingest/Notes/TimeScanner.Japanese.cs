using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

// Japanese clocks: "2021年03月08日 4時58分~8時51分", "2021年1月25日(月)午前3時頃", "8時51分頃". A pattern of its own, run only on
// text that holds 時 (hour), so that the clock matcher run on every line does not grow (NotesPatternSizeTests). Session 27: a day of
// the month alone before 午前/午後 ("28日午前8時半過ぎ", news style: the month in force) and 半 (half past: "午後3時半" is 15:30).
// Session 34: the day alone before the hour too ("14日17時37分", "翌15日 5時05分"), and as a span's end ("14日16時54分～15日22時00分");
// never a length: 時間 and 分間 are hours and minutes counted ("約5時間後", "3日12時間にわたり"), as the Korean pattern refuses 시간.
public static partial class TimeScanner
{
    // ASCII digits only ([0-9], not \d, which takes full-width and other scripts' digits too). A date with 年 (year), 月 (month)
    // and 日 (day), the weekday in brackets after it, 午前/午後 (a.m./p.m.), 時 (hour) and 分 (minute), 頃/ごろ (about), and the
    // end of a span after a wave dash or a hyphen.
    private const string JapaneseClock =
        @"(?:(?:(?:(?<y>[0-9]{4})年)?(?<mo>[0-9]{1,2})月(?<d>[0-9]{1,2})日|(?<![0-9])(?<dd>[0-9]{1,2})日(?=午前|午後|\s?[0-9]{1,2}[時时](?!間)))(?:\s?[(（][月火水木金土日][)）])?\s?)?" +
        @"(?<ap>午前|午後|上午|下午|中午|凌晨|早上|晚上|晚間|晚间|傍晚|晚)?(?<h>[0-9]{1,2})(?:[時时](?!間)|" + ChineseHourMark + @")(?:(?<mi>[0-9]{1,2})分(?![間钟鐘])|(?<half>半))?(?<ish>頃|ごろ|許|许|左右)?" +
        @"(?:\s?[~〜～\-－]\s?(?:(?:(?:(?<y2>[0-9]{4})年)?(?<mo2>[0-9]{1,2})月(?<d2>[0-9]{1,2})日|(?<![0-9])(?<dd2>[0-9]{1,2})日)(?:\s?[(（][月火水木金土日][)）])?\s?)?(?<ap2>午前|午後|上午|下午|晚上|晚間|晚)?(?<h2>[0-9]{1,2})(?:[時时](?!間)|[点點](?![0-9]{1,2}分[钟鐘間]))(?:(?<mi2>[0-9]{1,2})分(?!間)|(?<half2>半))?)?";

    // Chinese 点 (o'clock, "下午3点20分", "凌晨2点半", "10点05分"): an hour only after a half of the day (上午, 下午, 凌晨 …) or before
    // its minutes (分) or 半 (half past), as 点 alone is also a point or an item ("3点建议"); never "20分钟" (minutes counted).
    // Session 35.
    private const string ChineseHourMark = @"(?:(?<=(?:上午|下午|中午|凌晨|早上|晚上|晚間|晚间|傍晚|晚)[0-9]{1,2})[点點]|[点點](?=[0-9]{1,2}分(?![钟鐘間])|半))";

    // Korean clocks: "2020년 9월 10일 11시 20분 ~ 2020년 9월 14일 13시 00분", "지난 15일 오후 3시 30분쯤", "이날 오전 6시 30분부터": a date
    // with 년 (year), 월 (month), 일 (day) or a day of the month alone, 오전/오후 (a.m./p.m.), 시 (hour) and 분 (minute) with spaces
    // between, 쯤/경 (about), and the end of a span after a wave dash, with its own date. Never "3시간" or "30분간" (lengths).
    [GeneratedRegex(@"(?<![0-9])(?:" + KoreanDateStart + ")?" + KoreanClockStart + @"(?<ish>쯤|경|께)?(?:\s?[~〜～\-]\s?(?:" + KoreanDateEnd + ")?" + KoreanClockEnd + ")?")]
    private static partial Regex KoreanClockPattern();

    private const string KoreanDateStart = @"(?:(?:(?<y>[0-9]{4})년\s?)?(?<mo>[0-9]{1,2})월\s?(?<d>[0-9]{1,2})일|(?<dd>[0-9]{1,2})일)\s?";

    private const string KoreanClockStart = @"(?:(?<ap>오전|오후|새벽|저녁|밤)\s?)?(?<h>[0-9]{1,2})시(?!간)(?:\s?(?<mi>[0-9]{1,2})분(?!간))?";

    private const string KoreanDateEnd = @"(?:(?:(?<y2>[0-9]{4})년\s?)?(?<mo2>[0-9]{1,2})월\s?(?<d2>[0-9]{1,2})일|(?<dd2>[0-9]{1,2})일)\s?";

    private const string KoreanClockEnd = @"(?:(?<ap2>오전|오후|새벽|저녁|밤)\s?)?(?<h2>[0-9]{1,2})시(?!간)(?:\s?(?<mi2>[0-9]{1,2})분(?!간))?";

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

    private static void AddKoreanClocks(string text, List<TimeExpression> results)
    {
        foreach (Match m in KoreanClockPattern().Matches(text))
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

        if (m.Groups["half"].Success)
        {
            start = start.PlusMinutes(30); // "3時半": half past three
        }

        LocalTime? end = null;
        if (m.Groups["h2"].Success)
        {
            if (!JapaneseTime(m.Groups["ap2"], m.Groups["h2"], m.Groups["mi2"], out var e))
            {
                return null;
            }

            end = m.Groups["half2"].Success ? e.PlusMinutes(30) : e; // "～9時半": the end's half past too
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
        else if (m.Groups["dd"].Success)
        {
            // "15일 오후 3시": a day of the month in force (month 0).
            var day = int.Parse(m.Groups["dd"].ValueSpan, CultureInfo.InvariantCulture);
            if (day is < 1 or > 31)
            {
                return null;
            }

            monthDay = (0, day);
        }

        int? endDays = null;
        if (end is not null && m.Groups["y2"].Success is false && (m.Groups["mo2"].Success || m.Groups["dd2"].Success))
        {
            // "6月14日(月)18時頃 ~ 6月23日(水)14時00分頃", "9월 10일 11시 ~ 9월 14일 13시": the end's own month and day (session 32).
            endDays = EndDaysOf(m, date, monthDay);
        }
        else if (end is not null && date is { } startDate && m.Groups["y2"].Success)
        {
            // "2020년 9월 10일 11시 20분 ~ 2020년 9월 14일 13시 00분": the end's own date.
            if (!TryDate(m.Groups["y2"].Value, m.Groups["mo2"].Value, m.Groups["d2"].Value, out var endDate) || endDate < startDate)
            {
                return null;
            }

            endDays = Period.Between(startDate, endDate, PeriodUnits.Days).Days;
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
            EndDays = endDays,
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

            h = (h % 12) + (IsAfternoon(meridiem.ValueSpan) ? 12 : 0);
        }

        if (h > 23 || mi > 59)
        {
            return false;
        }

        time = new LocalTime(h, mi);
        return true;
    }

    // 午後 (Japanese), 下午, 中午, 晚上, 晚間, 傍晚, 晚 (Chinese: afternoon, midday, evening), 오후, 저녁, 밤 (Korean: p.m., evening,
    // night): the afternoon half; 午前, 上午, 凌晨, 早上, 오전, 새벽 the morning half.
    private static bool IsAfternoon(ReadOnlySpan<char> meridiem) =>
        meridiem is "午後" or "下午" or "中午" or "晚上" or "晚間" or "晚间" or "傍晚" or "晚" or "오후" or "저녁" or "밤";
}
