using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

// Vietnamese clocks: "vào lúc 5 giờ 41", "Đến 6 giờ 15 cùng ngày", "lúc 16g45 phút", "khoảng 5 giờ chiều ngày 5/9", "10 giờ tối": an
// hour before giờ (hour) or a glued "g", the minutes after it, phút (minutes), the part of the day (sáng morning, trưa midday, chiều
// afternoon, tối evening, đêm night) and a day-first "ngày 5/9" (the day) after. A bare "5 giờ" is a length ("trong 5 giờ", for five
// hours) unless a part of the day follows it; "21h ngày 7/9" (an hour with "h" before the day). A pattern of its own, bounded, run only on text with giờ or a digit, "g" and a digit.
public static partial class TimeScanner
{
    [GeneratedRegex(@"(?<![0-9\p{L}])(?<h>[01]?[0-9]|2[0-3])(?:\s?giờ\s?(?<mi>[0-5]?[0-9])(?![0-9]|\s?(?:giờ|tiếng|ngày|năm))(?:\s?phút)?|g(?<mi>[0-5][0-9])(?![0-9])(?:\s?phút)?|\s?giờ(?=\s(?:sáng|trưa|chiều|tối|đêm))|h(?=\s(?:ngày|hôm)\s[0-9]))" +
        @"(?:\s(?<ap>sáng|trưa|chiều|tối|đêm)(?![\p{L}]))?(?:\s(?:ngày|hôm)\s(?<d>[0-9]{1,2})/(?<mo>[0-9]{1,2})(?:/(?<y>[0-9]{4}))?(?![0-9/]))?", RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseClockPattern();

    private static readonly System.Buffers.SearchValues<char> VietnameseWordMarks = System.Buffers.SearchValues.Create("ờỜàÀ");

    // "ờ" or "à" in either case first (one search for characters that prose in other scripts seldom holds): each word holds one.
    internal static bool HasVietnameseWord(string text) => text.AsSpan().IndexOfAny(VietnameseWordMarks) >= 0
        && (text.Contains("giờ", StringComparison.OrdinalIgnoreCase) || text.Contains("ngày", StringComparison.OrdinalIgnoreCase));

    // giờ, ngày (day), or a digit, "g" and a digit ("16g45"): the cheap test before the pattern.
    internal static bool MayHoldVietnameseClock(string text)
    {
        if (HasVietnameseWord(text))
        {
            return true;
        }

        for (var i = text.IndexOf('g', 1); i > 0 && i + 1 < text.Length; i = text.IndexOf('g', i + 1))
        {
            if (char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddVietnameseClocks(string text, List<TimeExpression> results)
    {
        foreach (Match m in VietnameseClockPattern().Matches(text))
        {
            if (ReadVietnamese(m) is { } expression && !results.Exists(r => r.Index < m.Index + m.Length && m.Index < r.Index + r.Length))
            {
                results.Add(expression);
            }
        }
    }

    private static TimeExpression? ReadVietnamese(Match m)
    {
        var h = int.Parse(m.Groups["h"].ValueSpan, CultureInfo.InvariantCulture);
        var mi = m.Groups["mi"].Success ? int.Parse(m.Groups["mi"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        if (m.Groups["ap"].Success && h < 12)
        {
            // chiều (afternoon), tối (evening): the afternoon half; trưa (midday) 11 to 1; đêm (night) 6 to 11 in the evening.
            var part = m.Groups["ap"].Value.ToLowerInvariant();
            h += part switch
            {
                "chiều" or "tối" => 12,
                "trưa" when h <= 2 => 12,
                "đêm" when h >= 6 => 12,
                _ => 0,
            };
        }

        if (h > 23 || mi > 59)
        {
            return null;
        }

        LocalDate? date = null;
        (int Month, int Day)? monthDay = null;
        if (m.Groups["d"].Success)
        {
            var day = int.Parse(m.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
            var month = int.Parse(m.Groups["mo"].ValueSpan, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12 || day is < 1 or > 31)
            {
                return null;
            }

            if (m.Groups["y"].Success)
            {
                if (!TryDate(m.Groups["y"].Value, m.Groups["mo"].Value, m.Groups["d"].Value, out var d))
                {
                    return null;
                }

                date = d;
            }
            else
            {
                monthDay = (month, day); // "ngày 5/9": Vietnamese writes the day first.
            }
        }

        return new TimeExpression
        {
            Index = m.Index,
            Length = m.Length,
            Raw = m.Value,
            Date = date,
            MonthDay = monthDay,
            YearMissing = monthDay is not null,
            Time = new LocalTime(h, mi),
        };
    }
}
