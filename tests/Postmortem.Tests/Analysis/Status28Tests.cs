using NodaTime;
using Postmortem.Analysis;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Twenty-eighth session (s28-status): header fields of a notice or a reason-for-outage report as evidence of a moment's kind,
/// and "yesterday", "last night" and "this morning" counted from the post's own day (docs/accuracy.md, s28-status).
/// Sentences of our own: an RFO notice, a postmortem template's bold fields, a maintenance notice, a blog post.
/// </summary>
public sealed class Status28Tests
{
    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    [Fact]
    public void A_notices_clear_time_field_is_the_end()
    {
        var rfo = AnalysisTests.FromNotes(
            "Broadband incident\nIncident Reference: ACME-4411\nStart Time: 03:05\nActual Clear Time: 19:40\n" +
            "Incident Summary: Broadband sessions dropped for customers on two nodes.\n\nTimeline\n" +
            "03:05 – Monitoring shows lost sessions on both nodes.\n03:30 – Engineers engaged.\n" +
            "06:10 – Sessions start to come back; about a third of subscribers reconnected.");
        Assert.Equal("19:40", Hm(rfo.Keys.Resolution));
        Assert.Equal("03:05", Hm(rfo.Keys.ImpactStart));
    }

    [Fact]
    public void Start_and_end_time_fields_are_the_window()
    {
        var notice = AnalysisTests.FromNotes(
            "Service announcement\nDate: 11/24/2023\nStart Time: 12:23 PM UTC\nEnd Time: 12:31 PM UTC\nDescription: New calls could not be placed; calls in progress kept working.");
        Assert.Equal("12:23", Hm(notice.Keys.ImpactStart));
        Assert.Equal("12:31", Hm(notice.Keys.Resolution));
    }

    [Fact]
    public void A_templates_bold_fields_name_detection_mitigation_and_end()
    {
        var pm = AnalysisTests.FromNotes(
            "- **Severity:** S2\n- **Detected:** 2023-11-24 09:12 UTC\n- **Mitigated:** 2023-11-24 09:40 UTC\n- **Resolved:** 2023-11-24 10:05 UTC\n\n" +
            "Checkout failed for every shopper after a bad configuration push.");
        Assert.Equal("09:12", Hm(pm.Keys.Detection));
        Assert.Equal("09:40", Hm(pm.Keys.Mitigation));
        Assert.Equal("10:05", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void An_estimated_end_field_is_a_forecast()
    {
        // Review: a field that names a moment to come is no end.
        var notice = AnalysisTests.FromNotes("Start Time: 17:00\nEstimated End Time: 21:00\n\nThe mail service is down for an upgrade of the storage cluster.");
        Assert.Null(notice.Keys.Resolution);
        Assert.Null(ExtractionRun.FieldStatus("Next update: 18:30"));
        Assert.Null(ExtractionRun.FieldStatus("Resolved: we rolled back at 10:40"));
        // Review F7: a count before the time is progress, not the moment the field names.
        Assert.Null(ExtractionRun.FieldStatus("- Restored: 3 of 5 substations at 10:30"));
        Assert.Null(ExtractionRun.FieldStatus("Cleared: 1,200 of 9,000 queued orders by 10:45"));
        Assert.Null(ExtractionRun.FieldStatus("Started: 2 of 4 nodes at 10:05"));
        Assert.Equal("resolved", ExtractionRun.FieldStatus("End Time: 12:31 PM UTC"));
        Assert.Equal("investigating", ExtractionRun.FieldStatus("- **Detected:** 2023-11-24 09:12 UTC"));
        Assert.Equal("incident started", ExtractionRun.FieldStatus("Start Time: 24 Nov 2023 12:23"));
        Assert.Equal("resolved", ExtractionRun.FieldStatus("**Resolved at:** 10:40 UTC"));
    }

    [Fact]
    public void A_field_label_pattern_is_linear_on_a_long_label()
    {
        // Hostile input: the label is cut at 48 characters before any pattern reads it.
        var label = new string('a', 100_000) + ": 10:40";
        Assert.Null(ExtractionRun.FieldStatus(label));
        Assert.Null(ExtractionRun.FieldStatus(string.Concat(Enumerable.Repeat("end ", 25_000)) + ": 10:40"));
    }

    private static NotesResult Extract(string notes, string zone, LocalDate anchor) =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = anchor, DefaultZone = DateTimeZoneProviders.Tzdb[zone] });

    [Fact]
    public void Yesterday_counts_from_the_posts_dated_header()
    {
        // A blog post dated the day after, whose text names the day it tells of before its "yesterday".
        var result = Extract(
            "Monday, March 4, 2024\n\nOutage at the city data centre yesterday\n\n" +
            "The outage of yesterday (3 March) took every council website down. The council said the storage failed at 9.15am yesterday.\n\n" +
            "Power was back by around 11am, and the websites were online again at about 1pm.",
            "Europe/London", new LocalDate(2024, 3, 3));

        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 3, 3, 9, 15));
        Assert.DoesNotContain(result.Events, e => e.Time < Instant.FromUtc(2024, 3, 3, 0, 0));
    }

    [Fact]
    public void Last_night_and_this_morning_count_from_a_posted_on_byline()
    {
        var result = Extract(
            "Posted on March 4, 2024 by Dana\n\nA note on Sunday's (3 March) mail outage. The storage failed at 10:40pm last night. " +
            "Mail was flowing again by 8:30 this morning.",
            "UTC", new LocalDate(2024, 3, 3));

        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 3, 3, 22, 40));
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 3, 4, 8, 30));
    }

    [Fact]
    public void A_narrative_that_names_an_earlier_day_counts_yesterday_from_that_day()
    {
        // Review F9: the post is dated a week after the day it tells of, and names that day before its "yesterday".
        var result = Extract(
            "Tuesday, July 17, 2007\n\nLast week's payment outage, in short. On Tuesday, July 10, 2007 at 09:00 our support desk learned " +
            "that payments had failed since 5pm yesterday. We rolled back the release at 10:30 and payments worked again at 10:45.",
            "UTC", new LocalDate(2007, 7, 17));

        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2007, 7, 9, 17, 0));
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2007, 7, 10, 10, 45));
        Assert.DoesNotContain(result.Events, e => e.Time > Instant.FromUtc(2007, 7, 11, 0, 0));
    }

    [Fact]
    public void A_planned_maintenance_notices_fields_are_no_incident_window()
    {
        // Review F10: the head names planned work; its start and end fields are the work's window.
        var notice = AnalysisTests.FromNotes("Scheduled maintenance notice\n\nStart Time: 2024-05-02 22:00 UTC\nEnd Time: 2024-05-03 02:00 UTC\n\nCustomers may see brief interruptions.");
        Assert.Null(notice.Keys.ImpactStart);
        Assert.Null(notice.Keys.Resolution);
    }

    [Fact]
    public void In_a_log_by_day_yesterday_counts_from_the_day_heading_in_force()
    {
        // Review: two day headings make a log; "yesterday" under the second is the first day.
        var result = Extract(
            "March 3, 2024\n\n09:00 Deploy went out\n\nMarch 4, 2024\n\n10:00 We found the errors began yesterday at 21:10.",
            "UTC", new LocalDate(2024, 3, 3));

        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 3, 3, 21, 10));
    }
}
