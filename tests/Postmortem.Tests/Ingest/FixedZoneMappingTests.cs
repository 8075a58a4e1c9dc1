using NodaTime;
using NodaTime.Text;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// Since the twenty-fourth session (docs/benchmarks.md) a local time in a zone of one offset is mapped by that offset, without the
/// mapping object: the same instant MapLocal gives, for every such zone of the time-zone database and fixed offsets, at random
/// local times from year 1 to 9999.
/// </summary>
public sealed class FixedZoneMappingTests
{
    [Fact]
    public void A_zone_of_one_offset_maps_as_MapLocal_does()
    {
        var zones = DateTimeZoneProviders.Tzdb.Ids.Select(id => DateTimeZoneProviders.Tzdb[id])
            .Concat(Enumerable.Range(-17, 35).Select(h => DateTimeZone.ForOffset(Offset.FromHoursAndMinutes(h, h % 3 == 0 ? 30 : 0))))
            .Append(DateTimeZone.Utc)
            .Where(z => z.MinOffset == z.MaxOffset)
            .ToList();
        Assert.Contains(zones, z => z.Id == "UTC");
        Assert.True(zones.Count > 30);
        var random = new Random(2408);
        foreach (var zone in zones)
        {
            for (var n = 0; n < 200; n++)
            {
                var local = new LocalDate(random.Next(1, 10_000), random.Next(1, 13), random.Next(1, 29)).At(new LocalTime(random.Next(24), random.Next(60)));
                var mapping = zone.MapLocal(local);
                Assert.Equal(1, mapping.Count);
                Assert.Equal(mapping.Single().ToInstant(), local.WithOffset(zone.MinOffset).ToInstant());
            }
        }
    }

    [Theory]
    [InlineData("- 09:14 UTC we rolled the deploy back", "2024-03-10T09:14:00Z")]
    [InlineData("- 09:40 the queue drained", "2024-03-10T07:40:00Z")]
    public void Notes_in_UTC_and_in_a_fixed_offset_keep_their_instants(string notes, string instant)
    {
        var options = new NotesOptions { File = "n.md", AnchorDate = new LocalDate(2024, 3, 10), DefaultZone = DateTimeZone.ForOffset(Offset.FromHours(2)) };
        Assert.Equal(instant, InstantPattern.General.Format(Assert.Single(NotesExtractor.Extract(notes, options).Events).Time));
    }
}
