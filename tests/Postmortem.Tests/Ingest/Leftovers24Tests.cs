using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>Reading forms of the twenty-fourth session's leftovers (branch s24-left), each with sentences of our own.</summary>
public sealed class Leftovers24Tests
{
    private static NotesResult Extract(string notes, string zone = "UTC") =>
        NotesExtractor.Extract(notes, new NotesOptions
        {
            File = "notes.md",
            AnchorDate = new LocalDate(2024, 6, 3),
            DefaultZone = DateTimeZoneProviders.Tzdb[zone],
        });

    private static string[] Clocks(NotesResult result) =>
        result.Events.Select(e => e.Time.ToString("uuuu-MM-dd HH:mm", null) + (e.EndTime is { } end ? "-" + end.ToString("HH:mm", null) : string.Empty)).ToArray();

    [Fact]
    public void A_run_of_bare_clocks_that_passes_noon_and_drops_back_goes_on_into_the_afternoon()
    {
        var result = Extract("11:40 The ferry desk printer jammed.\n12:15 The ticket screens froze.\n12:50 We called the vendor.\n1:10(ish) The vendor sent a patch.\n2:00-3:15 We reinstalled the kiosks one by one.\n4:05 Every kiosk sells tickets again.");
        Assert.Equal(["2024-06-03 11:40", "2024-06-03 12:15", "2024-06-03 12:50", "2024-06-03 13:10", "2024-06-03 14:00-15:15", "2024-06-03 16:05"], Clocks(result));
    }

    [Theory]
    [InlineData("11:40 The ferry desk printer jammed.\n12:15 The ticket screens froze.\n1:10 pm The vendor sent a patch.\n2:00 We reinstalled the kiosks.")]
    [InlineData("Overnight work on the kiosks.\n11:40 The ferry desk printer jammed.\n12:15 The ticket screens froze.\n2:00 We reinstalled the kiosks.")]
    [InlineData("11:40 The ferry desk printer jammed.\n13:05 The ticket screens froze.\n12:15 We called the vendor.\n2:00 We reinstalled the kiosks.")]
    public void A_run_whose_text_writes_the_half_of_the_day_is_read_as_written(string notes)
    {
        var result = Extract(notes);
        Assert.Contains(result.Events, e => e.WrittenTime.StartsWith("2:00", StringComparison.Ordinal) && e.Time.ToString("HH:mm", null) == "02:00");
    }

    [Fact]
    public void Bare_clocks_without_a_noon_among_them_stay_in_the_morning()
    {
        var result = Extract("9:10 The ferry desk printer jammed.\n10:15 The ticket screens froze.\n11:30 We called the vendor.");
        Assert.Equal(["2024-06-03 09:10", "2024-06-03 10:15", "2024-06-03 11:30"], Clocks(result));
    }

    [Fact]
    public void The_end_of_the_day_after_a_noon_clock_is_no_part_of_a_run()
    {
        var result = Extract("12:10 The ticket screens froze.\n24:00 The nightly export ran.\n1:30 The vendor called back.");
        Assert.Equal(3, result.Events.Count); // read without a fault; "24:00" (hour 0) neither starts nor shifts a run
        Assert.Contains("2024-06-03 12:10", Clocks(result));
    }

    [Theory]
    [InlineData("Time (PDT): 9:20 AM - 10:05 AM", "America/New_York", "16:20", "17:05")]
    [InlineData("Start time (CET): 09:10", "UTC", "08:10", null)]
    [InlineData("Window (UTC): 14:00–15:30", "Europe/Berlin", "14:00", "15:30")]
    public void A_zone_in_a_fields_label_is_the_zone_of_its_clocks(string line, string zone, string start, string? end)
    {
        var result = Extract("Harbour kiosks outage\n" + line + "\n", zone);
        var first = result.Events.OrderBy(e => e.Time).First();
        Assert.Equal(start, first.Time.InUtc().ToString("HH:mm", null));
        Assert.Equal(end, first.EndTime?.InUtc().ToString("HH:mm", null));
    }

    [Fact]
    public void A_zone_written_beside_the_clock_wins_over_the_label()
    {
        var result = Extract("Time (PDT): 12:08 PM - 1:30 PM (19:08 - 20:30 UTC)", "Asia/Tokyo");
        Assert.All(result.Events, e => Assert.Equal("19:08", e.Time.InUtc().ToString("HH:mm", null)));
    }
}
