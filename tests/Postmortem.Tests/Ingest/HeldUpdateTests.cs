using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// Twenty-eighth session (s28-status): a status word on its own line ("Postmortem", "Resolved") opens an update that holds the
/// lines below it until its "Posted …" stamp. When the update is given up (a time of its own, a day heading, a heading), what it
/// held is read in the paragraphs it was written in: a blank line between held lines ends a paragraph, a day heading below still
/// sets the date, and a header field ("Status: Resolved") does not share a sentence with the window below it.
/// </summary>
public sealed class HeldUpdateTests
{
    private static NotesResult Extract(string notes, string zone, LocalDate anchor) =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = anchor, DefaultZone = DateTimeZoneProviders.Tzdb[zone] });

    [Fact]
    public void A_status_page_postmortem_keeps_its_day_heading()
    {
        // A status history: the page's "Postmortem" label, an intro, dated lines without a clock, then a day heading.
        var result = Extract(
            "Login failures\nIncident Report for Acme Cloud\nPostmortem\n\n" +
            "We are sorry for the trouble this caused. Below is what happened and what we will change.\n\nTimeline\n\n" +
            "January 9, 2024 - A library update is merged upstream\n\nThursday, Feb 1, 2024\n\n" +
            "~10 AM ET - The deploy job ships the library update to production\n2:05 PM ET - Customers write in about failed logins\n" +
            "3:10 PM ET - The team rolls the update back and logins work again",
            "America/New_York", new LocalDate(2024, 2, 1));

        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 2, 1, 19, 5) && e.Text.Contains("failed logins", StringComparison.Ordinal));
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 2, 1, 20, 10));
        Assert.DoesNotContain(result.Events, e => e.Time < Instant.FromUtc(2024, 2, 1, 0, 0));
    }

    [Fact]
    public void A_postmortem_intro_keeps_its_header_fields_apart_from_the_window()
    {
        // The postmortem on top of a status history: "Status: Resolved" is a field of the report, not the window's word.
        var pm = Postmortem.Tests.Analysis.AnalysisTests.FromNotes(
            "Payment errors\nIncident Report for Acme Pay\nPostmortem\n\nIncident Summary\n\nIssue: Payment failures\nDate: November 24, 2023\nStatus: Resolved\n\n" +
            "On Friday, 11/24/2023 between 8:10am and 8:55am UTC, our on-call engineers were alerted to failing card payments. " +
            "We replaced a broken load balancer node and payments went through again.\n\nPosted Nov 26, 2023 - 10:00 UTC\n\n" +
            "Resolved\nPayments work normally again.\nPosted Nov 24, 2023 - 09:20 UTC");

        Assert.Equal("08:10", pm.Keys.ImpactStart?.Time.ToString("HH:mm", null));
        Assert.NotEqual("08:10", pm.Keys.Resolution?.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_notice_keeps_its_issue_date_apart_from_the_day_it_tells_of()
    {
        var result = Extract(
            "Postmortem\n\nNotice to customers of Acme Hosting\nIssued: 14 May 2024\n\nSunday 12 May 2024\n\n" +
            "Between 21:15 and 23:40 CEST websites on cluster B were unreachable. We replaced the failed switch and all sites are reachable again.",
            "Europe/Berlin", new LocalDate(2024, 5, 12));

        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 5, 12, 19, 15));
        Assert.DoesNotContain(result.Events, e => e.Time > Instant.FromUtc(2024, 5, 13, 0, 0));
    }

    [Fact]
    public void An_update_whose_stamp_comes_after_blank_lines_still_reads_its_text()
    {
        // Review: the update that is not given up is read whole, across its blank lines, at its stamp.
        var result = Extract(
            "Resolved\n\nThe queue has drained and every message has been delivered.\n\nPosted Jun 10, 2024 - 19:45 UTC",
            "UTC", new LocalDate(2024, 6, 10));

        var update = Assert.Single(result.Events);
        Assert.Equal(Instant.FromUtc(2024, 6, 10, 19, 45), update.Time);
        Assert.Contains("every message has been delivered", update.Text, StringComparison.Ordinal);
    }
}
