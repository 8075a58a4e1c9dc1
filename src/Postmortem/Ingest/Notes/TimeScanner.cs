using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

/// <summary>Finds times, ranges and dates in free text. Hand-written: no library reads incident prose.</summary>
/// <remarks>The forms are listed in docs/notes-format.md, "Times"; every form has rows in the test table.</remarks>
public static partial class TimeScanner
{
    private const string Month =
        @"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    private const string Weekday =
        @"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s+)?";

    private const string Date =
        @"(?<y>\d{4})[-/](?<mo>\d{1,2})[-/](?<d>\d{1,2})" +
        @"|(?<y>\d{4})\s+(?<mon>" + Month + @")\s+(?<d>\d{1,2})" +
        @"|" + Weekday + @"(?<mon>" + Month + @")\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?" +
        @"|" + Weekday + @"(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<mon>" + Month + @")(?:,?\s+(?<y>\d{4}))?";

    private const string Zones =
        @"UTC[+-]\d{1,2}(?::?\d{2})?|GMT[+-]\d{1,2}(?::?\d{2})?|UTC|GMT|UT|Z|ET|CT|MT|PT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|AKDT|HST" +
        @"|WET|WEST|BST|CET|CEST|EET|EEST|MSK|IST|SGT|HKT|AWST|JST|KST|ACST|ACDT|AEST|AEDT|NZST|NZDT|AST";

    private const string Time =
        @"(?<![\w:./])" +
        @"(?<approx>~\s?|(?i:about|around|approx(?:\.|imately)?|circa|roughly)\s+)?" +
        @"(?:(?<date>" + Date + @")(?:T|,?\s+(?:(?i:at)\s+)?|\s*[@-]\s*))?" +
        @"(?:(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?(?:\s?(?<ap>(?i:[ap]\.?m)\b\.?))?" +
        @"|(?<h>\d{1,2})\s?(?<ap>(?i:[ap]\.?m)\b\.?)" +
        @"|(?<nm>(?i:noon|midnight)))" +
        @"(?![\d:])" +
        @"(?:(?:\s*[-–—]\s*|\s+(?i:to|until|till|through)\s+)" +
        @"(?:(?<h2>\d{1,2}):(?<mi2>\d{2})(?::\d{2})?(?:\s?(?<ap2>(?i:[ap]\.?m)\b\.?))?|(?<h2>\d{1,2})\s?(?<ap2>(?i:[ap]\.?m)\b\.?))(?![\d:]))?" +
        @"(?<ish>(?i:-?ish)\b)?" +
        @"(?:\s?\(?(?<z>(?:" + Zones + @")(?![A-Za-z])|[+-]\d{2}:?\d{2}(?!\d))\)?)?";

    /// <summary>Every zone abbreviation the scanner's pattern recognises, for the consistency test.</summary>
    public static IReadOnlyList<string> PatternAbbreviations { get; } =
        Zones.Split('|').Where(z => !z.Contains('[', StringComparison.Ordinal)).ToArray();

    /// <summary>Finds all times in <paramref name="text"/>, in order, skipping impossible clock readings.</summary>
    /// <param name="text">Text to scan.</param>
    /// <param name="invalid">Receives the raw text of clock-like matches that are not valid times (25:00).</param>
    public static IReadOnlyList<TimeExpression> FindAll(string text, List<string>? invalid = null)
    {
        var results = new List<TimeExpression>();
        foreach (Match iso in IsoPattern().Matches(text))
        {
            if (ReadIso(iso) is { } expression)
            {
                results.Add(expression);
            }
        }

        foreach (Match m in TimePattern().Matches(text))
        {
            if (results.Any(r => m.Index < r.Index + r.Length && r.Index < m.Index + m.Length))
            {
                continue; // Already read as ISO 8601 with an offset.
            }

            var expression = Read(m);
            if (expression is null)
            {
                invalid?.Add(m.Value.Trim());
                continue;
            }

            results.Add(expression);
        }

        results.Sort((a, b) => a.Index.CompareTo(b.Index));
        return results;
    }

    /// <summary>Finds a date written without a time (a heading, a "November 24, 2023" line).</summary>
    public static (LocalDate? Date, (int Month, int Day)? MonthDay)? FindDate(string text)
    {
        var m = DatePattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        return ReadDate(m);
    }

    /// <summary>True when the line holds a date and nothing else worth reading.</summary>
    public static bool IsDateOnlyLine(string line) => DateOnlyLinePattern().IsMatch(line);

    private static TimeExpression? ReadIso(Match m)
    {
        if (!TryDate(m.Groups["y"].Value, m.Groups["mo"].Value, m.Groups["d"].Value, out var date)
            || !TryClock(m.Groups["h"].Value, m.Groups["mi"].Value, m.Groups["s"].Value, null, out var time))
        {
            return null;
        }

        var z = m.Groups["off"].Value;
        Offset offset;
        if (z is "Z" or "z")
        {
            offset = Offset.Zero;
        }
        else
        {
            var sign = z[0] == '-' ? -1 : 1;
            var digits = z[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            var minutes = digits.Length >= 4 ? int.Parse(digits[2..4], CultureInfo.InvariantCulture) : 0;
            if (hours > 18 || minutes > 59)
            {
                return null;
            }

            offset = Offset.FromSeconds(sign * ((hours * 3600) + (minutes * 60)));
        }

        return new TimeExpression
        {
            Index = m.Index,
            Length = m.Length,
            Raw = m.Value,
            Date = date,
            Time = time,
            ZoneText = z,
            IsoOffset = offset,
        };
    }

    private static TimeExpression? Read(Match m)
    {
        LocalTime time;
        if (m.Groups["nm"].Success)
        {
            time = m.Groups["nm"].Value.Equals("noon", StringComparison.OrdinalIgnoreCase) ? new LocalTime(12, 0) : LocalTime.Midnight;
        }
        else if (!TryClock(m.Groups["h"].Value, m.Groups["mi"].Value, m.Groups["s"].Value, m.Groups["ap"].Value, out time))
        {
            return null;
        }

        LocalTime? end = null;
        if (m.Groups["h2"].Success)
        {
            // "9-10pm" style ranges are not matched (the start needs minutes or am/pm), so the end's am/pm
            // only applies to itself; a start without am/pm stays 24-hour.
            if (!TryClock(m.Groups["h2"].Value, m.Groups["mi2"].Value, string.Empty, m.Groups["ap2"].Value, out var endTime))
            {
                return null;
            }

            end = endTime;
        }

        LocalDate? date = null;
        (int, int)? monthDay = null;
        var yearMissing = false;
        if (m.Groups["date"].Success)
        {
            var read = ReadDate(m);
            if (read is null)
            {
                return null;
            }

            (date, monthDay) = read.Value;
            yearMissing = date is null;
        }

        return new TimeExpression
        {
            Index = m.Index,
            Length = m.Length,
            Raw = m.Value.TrimEnd(),
            Date = date,
            MonthDay = monthDay,
            YearMissing = yearMissing,
            Time = time,
            EndTime = end,
            ZoneText = m.Groups["z"].Success ? m.Groups["z"].Value : null,
            Approximate = m.Groups["approx"].Success || m.Groups["ish"].Success,
        };
    }

    private static (LocalDate? Date, (int Month, int Day)? MonthDay)? ReadDate(Match m)
    {
        var month = m.Groups["mo"].Success ? m.Groups["mo"].Value : MonthNumber(m.Groups["mon"].Value);
        if (month is null)
        {
            return null;
        }

        if (!m.Groups["y"].Success)
        {
            var mo = int.Parse(month, CultureInfo.InvariantCulture);
            var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            return mo is >= 1 and <= 12 && d is >= 1 and <= 31 ? (null, (mo, d)) : null;
        }

        return TryDate(m.Groups["y"].Value, month, m.Groups["d"].Value, out var date) ? (date, null) : null;
    }

    private static string? MonthNumber(string name)
    {
        if (name.Length < 3)
        {
            return null;
        }

        var key = name[..3].ToLowerInvariant();
        var index = Array.IndexOf(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], key);
        return index < 0 ? null : (index + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static bool TryDate(string y, string mo, string d, out LocalDate date)
    {
        date = default;
        if (!int.TryParse(y, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(mo, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(d, CultureInfo.InvariantCulture, out var day)
            || year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1
            || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    private static bool TryClock(string h, string mi, string s, string? ampm, out LocalTime time)
    {
        time = default;
        if (!int.TryParse(h, CultureInfo.InvariantCulture, out var hour))
        {
            return false;
        }

        var minute = mi.Length > 0 ? int.Parse(mi, CultureInfo.InvariantCulture) : 0;
        var second = s.Length > 0 ? int.Parse(s, CultureInfo.InvariantCulture) : 0;
        if (!string.IsNullOrEmpty(ampm))
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            var pm = char.ToLowerInvariant(ampm[0]) == 'p';
            hour = (hour % 12) + (pm ? 12 : 0);
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new LocalTime(hour, minute, second);
        return true;
    }

    [GeneratedRegex(@"(?<![\w])(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})[T ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?\s?(?<off>Z|[+-]\d{2}(?::?\d{2})?)(?![\w])")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(Time)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"(?<![\w])(?:" + Date + @")(?![\w])")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[\s#*_>\-]*(?:" + Date + @")[\s*_:.\-]*$")]
    private static partial Regex DateOnlyLinePattern();
}
