using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Rendering;

/// <summary>How times and dates are shown: UTC first, the display zone alongside.</summary>
public sealed class TimeFormat
{
    private readonly DateTimeZone zone;
    private readonly bool showDate;

    /// <summary>Creates a formatter for <paramref name="zone"/>; dates are shown when the events span more than one UTC day.</summary>
    public TimeFormat(DateTimeZone zone, IEnumerable<Instant> instants)
    {
        this.zone = zone;
        showDate = instants.Select(i => i.InUtc().Date).Distinct().Skip(1).Any();
    }

    /// <summary>ISO 8601 UTC with <c>Z</c>, as the JSON contract requires.</summary>
    public static string Iso(Instant instant) => instant.ToString("uuuu-MM-dd'T'HH:mm:ss'Z'", null);

    /// <summary>A long date: November 24, 2023.</summary>
    public static string LongDate(LocalDate date) => date.ToString("MMMM d, uuuu", null);

    /// <summary>A short date: Dec 8, 2023.</summary>
    public static string ShortDate(LocalDate date) => date.ToString("MMM d, uuuu", null);

    /// <summary>The local date of an instant in the display zone.</summary>
    public LocalDate LocalDate(Instant instant) => instant.InZone(zone).Date;

    /// <summary>The display-zone clock and label: <c>07:22 ET</c>.</summary>
    public string Local(Instant instant) => $"{LocalClock(instant)} {Label(instant)}";

    /// <summary>The timeline cell: <c>12:22 (07:22 ET)</c>, or a range.</summary>
    public string Cell(Instant start, Instant? end)
    {
        var utc = end is { } e ? $"{Utc(start)}–{Utc(e)}" : Utc(start);
        if (zone == DateTimeZone.Utc)
        {
            return utc;
        }

        var local = end is { } e2 ? $"{LocalClock(start)}–{LocalClock(e2)}" : LocalClock(start);
        return $"{utc} ({local} {Label(start)})";
    }

    /// <summary>A key time in prose: <c>12:31 UTC (07:31 ET)</c>.</summary>
    public string Key(Instant instant) =>
        zone == DateTimeZone.Utc ? $"{Utc(instant)} UTC" : $"{Utc(instant)} UTC ({Local(instant)})";

    private string Utc(Instant instant) => Clock(instant.InUtc().LocalDateTime, showDate);

    private string LocalClock(Instant instant) => Clock(instant.InZone(zone).LocalDateTime, showDate);

    // "HH:mm" or "MM-dd HH:mm", written by hand: NodaTime's pattern text builds its zoned patterns (about 0.7 M instructions) at
    // the first use, a fifth of what a draft of Meridian does besides start-up and reading kinds.
    private static string Clock(LocalDateTime t, bool date)
    {
        Span<char> c = stackalloc char[11];
        var n = 0;
        if (date)
        {
            Two(c, ref n, t.Month);
            c[n++] = '-';
            Two(c, ref n, t.Day);
            c[n++] = ' ';
        }

        Two(c, ref n, t.Hour);
        c[n++] = ':';
        Two(c, ref n, t.Minute);
        return new string(c[..n]);
    }

    private static void Two(Span<char> c, ref int n, int value)
    {
        c[n++] = (char)('0' + (value / 10));
        c[n++] = (char)('0' + (value % 10));
    }

    private string Label(Instant instant) => ZoneAbbreviations.DisplayLabel(zone, instant);
}
