using NodaTime;
using Postmortem.Rendering;

namespace Postmortem.Tests.Rendering;

/// <summary>
/// Since the thirtieth session (docs/benchmarks.md) the clocks of a timeline cell are written by hand rather than by NodaTime's
/// "HH:mm" and "MM-dd HH:mm" patterns: the same text, in UTC and in zones of both hemispheres, over a day and over several.
/// </summary>
public sealed class TimeFormatClockTests
{
    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("Europe/London")]
    public void The_clocks_are_what_the_patterns_write(string id)
    {
        var zone = DateTimeZoneProviders.Tzdb[id];
        var random = new Random(30);
        for (var n = 0; n < 500; n++)
        {
            var start = Instant.FromUtc(1990, 1, 1, 0, 0) + Duration.FromMinutes(random.Next(0, 60 * 24 * 365 * 40));
            var end = start + Duration.FromMinutes(random.Next(0, 60 * 24 * 3));
            foreach (var (format, date) in new[] { (new TimeFormat(zone, [start]), "HH:mm"), (new TimeFormat(zone, [start, start + Duration.FromDays(2)]), "MM-dd HH:mm") })
            {
                var utc = $"{start.InUtc().ToString(date, null)}–{end.InUtc().ToString(date, null)}";
                var local = $"{start.InZone(zone).ToString(date, null)}–{end.InZone(zone).ToString(date, null)}";
                Assert.StartsWith($"{utc} ({local} ", format.Cell(start, end));
                Assert.StartsWith($"{start.InUtc().ToString(date, null)} UTC ({start.InZone(zone).ToString(date, null)} ", format.Key(start));
            }
        }
    }

    [Fact]
    public void A_utc_timeline_writes_the_utc_clock()
    {
        var t = Instant.FromUtc(2023, 11, 24, 7, 5);
        Assert.Equal("07:05", new TimeFormat(DateTimeZone.Utc, [t]).Cell(t, null));
        Assert.Equal("11-24 07:05 UTC", new TimeFormat(DateTimeZone.Utc, [t, t + Duration.FromDays(1)]).Key(t));
    }
}
