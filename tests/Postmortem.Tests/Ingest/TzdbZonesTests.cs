using NodaTime;
using NodaTime.TimeZones;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// Since the thirtieth session (docs/benchmarks.md) a zone named by id is read from the time-zone database without the provider's
/// cache of all ids: the answers are the provider's, for every id it knows, for ids in another case, fixed offsets and unknown words.
/// </summary>
public sealed class TzdbZonesTests
{
    [Fact]
    public void Every_id_gives_the_zone_the_provider_gives()
    {
        foreach (var id in DateTimeZoneProviders.Tzdb.Ids)
        {
            var zone = TzdbZones.GetZoneOrNull(id);
            var expected = DateTimeZoneProviders.Tzdb[id];
            Assert.NotNull(zone);
            Assert.Equal(expected.Id, zone.Id);
            Assert.Equal(expected.GetZoneIntervals(Instant.FromUtc(1990, 1, 1, 0, 0), Instant.FromUtc(2030, 1, 1, 0, 0)), zone.GetZoneIntervals(Instant.FromUtc(1990, 1, 1, 0, 0), Instant.FromUtc(2030, 1, 1, 0, 0)));
            Assert.Same(zone, TzdbZones.GetZoneOrNull(id));
        }
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("UTC+05:30")]
    [InlineData("UTC-04")]
    [InlineData("UTC+5")]
    [InlineData("america/new_york")]
    [InlineData("ET")]
    [InlineData("GMT+2")]
    [InlineData("Europe/Kiev")]
    [InlineData("")]
    [InlineData("Nowhere/Land")]
    public void Other_ids_are_answered_as_the_provider_answers(string id)
    {
        var expected = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
        var zone = TzdbZones.GetZoneOrNull(id);
        Assert.Equal(expected?.Id, zone?.Id);
        Assert.Equal(expected is null, zone is null);
        Assert.Equal(expected?.MinOffset, zone?.MinOffset);
        Assert.Equal(expected == DateTimeZone.Utc, zone == DateTimeZone.Utc);
    }

    [Fact]
    public void A_zone_the_provider_does_not_know_throws_as_the_provider_does()
    {
        Assert.Throws<DateTimeZoneNotFoundException>(() => TzdbZones.Get("Nowhere/Land"));
        Assert.Equal("America/New_York", TzdbZones.Get("America/New_York").Id);
    }
}
