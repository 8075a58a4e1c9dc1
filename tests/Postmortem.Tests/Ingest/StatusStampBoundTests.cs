using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// An update written after the fact (Resolved, Postmortem, Completed) tells of what has happened: a clock in it that the text
/// dates by the day in force (the update above it, another day) cannot be later than the "Posted …" stamp below it. It is on the
/// stamp's day in its zone, or the day before, with PM0152 naming the line. A date the update writes itself stays as written.
/// </summary>
public sealed class StatusStampBoundTests
{
    private static NotesResult Extract(string notes, string zone, LocalDate anchor) =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = anchor, DefaultZone = DateTimeZoneProviders.Tzdb[zone] });

    [Fact]
    public void A_resolved_update_stamped_in_utc_tells_of_its_own_local_day()
    {
        // Newest first: the postmortem of 3 March (UTC) above the resolved update stamped just after midnight UTC, which is still
        // the evening of 2 March in Pacific time.
        var result = Extract(
            "Postmortem\nWe will add a replica check on Monday 3 March.\nPosted Mar 03, 2025 - 18:10 UTC\n\n" +
            "Resolved\nFrom 3:40 PM to 4:15 PM Pacific, checkout requests failed for some shoppers.\nPosted Mar 03, 2025 - 00:20 UTC",
            "America/Los_Angeles", new LocalDate(2025, 3, 2));

        var window = result.Events.Single(e => e.EndTime is not null);
        Assert.Equal(Instant.FromUtc(2025, 3, 2, 23, 40), window.Time);
        Assert.Equal(Instant.FromUtc(2025, 3, 3, 0, 15), window.EndTime);
        Assert.Contains(result.Diagnostics, d => d.Code == "PM0152" && d.Message.Contains("2025-03-02", StringComparison.Ordinal));
    }

    [Fact]
    public void A_completed_maintenance_note_with_a_blank_line_before_its_stamp_is_bounded_too()
    {
        var result = Extract(
            "Completed\nOn 10 June the storage upgrade finished at 21:30 CEST and every volume is online.\n\nPosted Jun 10, 2024 - 19:45 UTC\n\n" +
            "Completed\nThe network work finished at 23:50 CEST.\n\nPosted Jun 09, 2024 - 22:00 UTC",
            "Europe/Berlin", new LocalDate(2024, 6, 10));

        // 23:50 CEST on 10 June (the day in force) would be after the 22:00 UTC stamp of the 9th: the work finished on the 9th.
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 6, 9, 21, 50) && e.Text.Contains("network work", StringComparison.Ordinal));
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 6, 10, 19, 30) && e.Text.Contains("storage upgrade", StringComparison.Ordinal));
        Assert.Single(result.Diagnostics, d => d.Code == "PM0152");
    }

    [Fact]
    public void A_date_the_update_writes_itself_is_kept_even_past_a_wrong_stamp()
    {
        // Status pages do show stamps earlier than the story (an edited post, a stamp in another zone): the written date wins.
        var result = Extract(
            "Resolved\nFrom November 22nd at 10:30 CET until 12:08 CET, deliveries were late. The backlog was worked off by 12:25 CET.\nPosted Nov 22, 2025 - 09:30 UTC",
            "Europe/Paris", new LocalDate(2025, 11, 22));

        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2025, 11, 22, 11, 25));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "PM0152");
    }

    [Fact]
    public void An_update_still_under_way_may_tell_of_a_later_time()
    {
        // "Identified" and "Monitoring" updates may name what comes next; only an update written after the fact is bounded.
        var result = Extract(
            "Identified\nA fix will roll out at 16:00 UTC, and we will post again then.\nPosted Jul 01, 2024 - 15:10 UTC",
            "UTC", new LocalDate(2024, 7, 1));

        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 7, 1, 16, 0));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "PM0152");
    }
}
