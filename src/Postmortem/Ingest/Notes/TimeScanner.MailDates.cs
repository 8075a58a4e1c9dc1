using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

// E-mail and feed stamps in the form of RFC 5322 (and RFC 2822 before it): "Date: Mon, 8 Apr 2002 16:49:15 -0700 (PDT)", "Tue, 01 Jul
// 2014 23:20:13 +0000". The numeric offset is the zone; read whole, before the clock matcher, which would take "16:49:15 -0700"
// for a span ending at 07:00. A pattern of its own, run only on text with a sign and four digits after a space.
public static partial class TimeScanner
{
    [GeneratedRegex(@"(?<![\w])(?:(?i:mon|tue|wed|thu|fri|sat|sun),\s{1,2})?(?<d>[0-9]{1,2})\s(?<mo>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))\s(?<y>[0-9]{4})\s{1,2}(?<h>[01]?[0-9]|2[0-3]):(?<mi>[0-5][0-9])(?::(?<s>[0-5][0-9]))?\s(?<off>[+-](?:0[0-9]|1[0-4])[0-5][0-9])(?:\s\((?<abbr>[A-Za-z]{2,5})\))?(?![\w])")]
    private static partial Regex MailDatePattern();

    internal static bool MayHoldMailDate(string text)
    {
        for (var i = text.IndexOfAny(['+', '-'], 1); i > 0 && i + 4 < text.Length; i = text.IndexOfAny(['+', '-'], i + 1))
        {
            if (text[i - 1] == ' ' && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]) && char.IsAsciiDigit(text[i + 4]))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddMailDates(string text, List<TimeExpression> results)
    {
        foreach (Match m in MailDatePattern().Matches(text))
        {
            if (ReadOffsetStamp(m) is { } stamp)
            {
                results.Add(stamp);
            }
        }
    }

    // A stamp a pattern read into the groups y, mo (a month's English abbreviation), d, h, mi, s and off (a numeric offset, ±hhmm):
    // an exact instant (the mail dates here, the access-log stamps of TimeScanner.LogStamps.cs); null for an impossible date.
    private static TimeExpression? ReadOffsetStamp(Match m)
    {
        var month = Array.IndexOf(MonthKeys, m.Groups["mo"].Value.ToLowerInvariant()) + 1;
        if (!TryDate(m.Groups["y"].Value, month.ToString(CultureInfo.InvariantCulture), m.Groups["d"].Value, out var date)
            || !TryClock(m.Groups["h"].ValueSpan, m.Groups["mi"].ValueSpan, m.Groups["s"].ValueSpan, [], out var time))
        {
            return null;
        }

        var off = m.Groups["off"].ValueSpan;
        var seconds = ((int.Parse(off[1..3], CultureInfo.InvariantCulture) * 3600) + (int.Parse(off[3..5], CultureInfo.InvariantCulture) * 60)) * (off[0] == '-' ? -1 : 1);
        return new TimeExpression
        {
            Index = m.Index,
            Length = m.Length,
            Raw = m.Value,
            Date = date,
            Time = time,
            ZoneText = m.Groups["off"].Value,
            IsoOffset = Offset.FromSeconds(seconds),
        };
    }
}
