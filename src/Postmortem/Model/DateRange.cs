using NodaTime;

namespace Postmortem.Model;

/// <summary>
/// The dates the tool computes with: years 2 to 9998. NodaTime stops at years 1 and 9999, and the tool adds to
/// every date it reads (zone offsets up to ±18 h, the export window's margins, Slack day files ± 1 day, the
/// follow-up schedule's +14/+30/+90 days), so a year of margin on each side keeps every sum in range.
/// Readers refuse dates outside it with a positioned diagnostic (PM0012) instead of overflowing later.
/// </summary>
public static class DateRange
{
    /// <summary>The earliest date accepted.</summary>
    public static LocalDate Min { get; } = new(2, 1, 1);

    /// <summary>The latest date accepted.</summary>
    public static LocalDate Max { get; } = new(9998, 12, 31);

    /// <summary>True when <paramref name="date"/> is within <see cref="Min"/>..<see cref="Max"/>.</summary>
    public static bool Contains(LocalDate date) => date >= Min && date <= Max;

    /// <summary>True when <paramref name="year"/> is within the accepted years.</summary>
    public static bool ContainsYear(long year) => year >= Min.Year && year <= Max.Year;
}
