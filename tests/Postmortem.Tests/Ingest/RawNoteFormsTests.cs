using NodaTime;
using NodaTime.Text;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The raw-note forms of DESIGN.md "Inputs 2" as a data table: input, anchor date, zone → the UTC instant
/// and end time of the last event read. Multi-line rows test state carried across lines.
/// </summary>
public sealed class RawNoteFormsTests
{
    public static TheoryData<string, string, string, string, string?> Forms => new()
    {
        // Sentences with times inside, zone written once and carried.
        { "Deploy went out at 07:14 ET.", "2023-11-24", "UTC", "2023-11-24T12:14:00Z", null },
        { "Deploy went out at 07:14 ET. First customer complaint in Zendesk at 07:22.", "2023-11-24", "UTC", "2023-11-24T12:22:00Z", null },
        { "The alert fired at 14:05 and nobody was paged.", "2023-11-24", "UTC", "2023-11-24T14:05:00Z", null },
        // HH:MM lines and bullets, configured zone.
        { "07:14 deploy", "2023-11-24", "America/New_York", "2023-11-24T12:14:00Z", null },
        { "07:14 UTC deploy", "2023-11-24", "America/New_York", "2023-11-24T07:14:00Z", null },
        { "- 07:14 deploy", "2023-11-24", "America/New_York", "2023-11-24T12:14:00Z", null },
        { "* **07:14** deploy", "2023-11-24", "America/New_York", "2023-11-24T12:14:00Z", null },
        { "1. 07:14 - deploy", "2023-11-24", "America/New_York", "2023-11-24T12:14:00Z", null },
        { "14:00 UTC — status page updated", "2023-11-24", "UTC", "2023-11-24T14:00:00Z", null },
        { "14:00:30 UTC alert", "2023-11-24", "UTC", "2023-11-24T14:00:30Z", null },
        // Chat lines.
        { "[14:23] @sam: rolling back", "2023-11-24", "UTC", "2023-11-24T14:23:00Z", null },
        { "sam [2:23 PM]: rolling back", "2023-11-24", "UTC", "2023-11-24T14:23:00Z", null },
        { "14:23 <sam> rolling back", "2023-11-24", "UTC", "2023-11-24T14:23:00Z", null },
        // 12-hour clocks, vague times.
        { "9:37AM PST alerts fired", "2023-11-24", "UTC", "2023-11-24T17:37:00Z", null },
        { "9:37 a.m. PST alerts fired", "2023-11-24", "UTC", "2023-11-24T17:37:00Z", null },
        { "At 6pm the team met", "2023-11-24", "UTC", "2023-11-24T18:00:00Z", null },
        { "11pm-ish things calmed down", "2023-11-24", "UTC", "2023-11-24T23:00:00Z", null },
        { "~11pm errors dropped", "2023-11-24", "UTC", "2023-11-24T23:00:00Z", null },
        { "around 14:00 UTC traffic dropped", "2023-11-24", "UTC", "2023-11-24T14:00:00Z", null },
        { "At noon the fix shipped", "2023-11-24", "UTC", "2023-11-24T12:00:00Z", null },
        { "At 12am the batch job started", "2023-11-24", "UTC", "2023-11-24T00:00:00Z", null },
        { "At 12pm the batch job ended", "2023-11-24", "UTC", "2023-11-24T12:00:00Z", null },
        { "7:14pm ET rollback", "2023-11-24", "UTC", "2023-11-25T00:14:00Z", null },
        // ISO 8601 and dated forms.
        { "2023-11-24T12:14:00Z deploy", "2020-01-01", "UTC", "2023-11-24T12:14:00Z", null },
        { "2023-11-24T07:14:00-05:00 deploy", "2020-01-01", "UTC", "2023-11-24T12:14:00Z", null },
        { "2023-11-24 12:14:05+00:00 deploy", "2020-01-01", "UTC", "2023-11-24T12:14:05Z", null },
        { "2023-11-24 07:14 ET deploy", "2020-01-01", "UTC", "2023-11-24T12:14:00Z", null },
        { "2017/01/31 18:00 UTC database went down", "2020-01-01", "UTC", "2017-01-31T18:00:00Z", null },
        { "### 2018 October 21 22:52 UTC", "2020-01-01", "UTC", "2018-10-21T22:52:00Z", null },
        { "## October 21, 2018 22:52 UTC", "2020-01-01", "UTC", "2018-10-21T22:52:00Z", null },
        { "21 Oct 2018 22:52 UTC partition", "2020-01-01", "UTC", "2018-10-21T22:52:00Z", null },
        { "24 November 2023 07:14 UTC deploy", "2020-01-01", "UTC", "2023-11-24T07:14:00Z", null },
        { "Nov 24 07:14 ET deploy", "2023-01-01", "UTC", "2023-11-24T12:14:00Z", null },
        { "Friday, November 24, 2023 at 7:14 AM ET", "2020-01-01", "UTC", "2023-11-24T12:14:00Z", null },
        // Ranges.
        { "07:33–07:51 investigating alone", "2023-11-24", "America/New_York", "2023-11-24T12:33:00Z", "2023-11-24T12:51:00Z" },
        { "11:32-13:05 degraded", "2023-11-24", "UTC", "2023-11-24T11:32:00Z", "2023-11-24T13:05:00Z" },
        { "From 07:33 to 07:51 ET the on-call engineer investigated", "2023-11-24", "UTC", "2023-11-24T12:33:00Z", "2023-11-24T12:51:00Z" },
        { "23:50-00:10 UTC maintenance", "2023-11-24", "UTC", "2023-11-24T23:50:00Z", "2023-11-25T00:10:00Z" },
        { "10:00 am – 10:30 am PT checkout slow", "2023-11-24", "UTC", "2023-11-24T18:00:00Z", "2023-11-24T18:30:00Z" },
        // Zone abbreviations, DST-aware where the label is generic.
        { "At 07:14 EDT", "2023-07-14", "UTC", "2023-07-14T11:14:00Z", null },
        { "At 07:14 EST", "2023-07-14", "UTC", "2023-07-14T11:14:00Z", null }, // EST in July: the local clock (PM0211)
        { "At 07:14 EDT", "2023-01-14", "UTC", "2023-01-14T11:14:00Z", null }, // EDT in January: as written (PM0102)
        { "At 07:14 ET", "2023-07-14", "UTC", "2023-07-14T11:14:00Z", null },
        { "07:14 PT deploy", "2023-01-10", "UTC", "2023-01-10T15:14:00Z", null },
        { "07:14 PT deploy", "2023-07-10", "UTC", "2023-07-10T14:14:00Z", null },
        { "07:14 PDT deploy", "2023-07-10", "UTC", "2023-07-10T14:14:00Z", null },
        { "07:14 CT deploy", "2023-01-10", "UTC", "2023-01-10T13:14:00Z", null },
        { "07:14 CDT deploy", "2023-07-10", "UTC", "2023-07-10T12:14:00Z", null },
        { "07:14 MT deploy", "2023-01-10", "UTC", "2023-01-10T14:14:00Z", null },
        { "07:14 MST deploy", "2023-01-10", "UTC", "2023-01-10T14:14:00Z", null },
        { "07:14 CET deploy", "2023-01-10", "UTC", "2023-01-10T06:14:00Z", null },
        { "07:14 CEST deploy", "2023-07-10", "UTC", "2023-07-10T05:14:00Z", null },
        { "07:14 BST deploy", "2023-07-10", "UTC", "2023-07-10T06:14:00Z", null },
        { "07:14 GMT deploy", "2023-07-10", "America/New_York", "2023-07-10T07:14:00Z", null },
        { "07:14Z deploy", "2023-07-10", "America/New_York", "2023-07-10T07:14:00Z", null },
        { "07:14 JST deploy", "2023-01-10", "UTC", "2023-01-09T22:14:00Z", null },
        { "07:14 AEST deploy", "2023-01-10", "UTC", "2023-01-09T21:14:00Z", null },
        { "07:14 UTC+2 deploy", "2023-01-10", "UTC", "2023-01-10T05:14:00Z", null },
        { "07:14 +05:30 deploy", "2023-01-10", "UTC", "2023-01-10T01:44:00Z", null },
        // Ambiguous abbreviations take the configured zone.
        { "07:14 IST deploy", "2023-01-10", "Asia/Kolkata", "2023-01-10T01:44:00Z", null },
        { "07:14 CST deploy", "2023-01-10", "America/Chicago", "2023-01-10T13:14:00Z", null },
        { "07:14 CST deploy", "2023-01-10", "Asia/Shanghai", "2023-01-09T23:14:00Z", null },
        // DST: spring forward (skipped hour) and fall back (repeated hour), both directions, two regions.
        { "02:30 restart", "2024-03-10", "America/New_York", "2024-03-10T07:30:00Z", null },
        { "01:59 restart", "2024-03-10", "America/New_York", "2024-03-10T06:59:00Z", null },
        { "03:00 restart", "2024-03-10", "America/New_York", "2024-03-10T07:00:00Z", null },
        { "01:30 restart", "2024-11-03", "America/New_York", "2024-11-03T05:30:00Z", null },
        { "01:30 EST restart", "2024-11-03", "America/New_York", "2024-11-03T06:30:00Z", null },
        { "01:30 EDT restart", "2024-11-03", "America/New_York", "2024-11-03T05:30:00Z", null },
        { "02:30 restart", "2024-11-03", "America/New_York", "2024-11-03T07:30:00Z", null },
        { "02:30 restart", "2024-03-31", "Europe/Berlin", "2024-03-31T01:30:00Z", null },
        { "02:30 restart", "2024-10-27", "Europe/Berlin", "2024-10-27T00:30:00Z", null },
        { "At 07:14 ET", "2024-03-11", "UTC", "2024-03-11T11:14:00Z", null },
        { "At 07:14 ET", "2024-03-09", "UTC", "2024-03-09T12:14:00Z", null },
        // A zone declared once.
        { "All times are in UTC.\n07:14 deploy", "2023-11-24", "America/New_York", "2023-11-24T07:14:00Z", null },
        { "(all times PT)\n9:00 standup", "2023-11-24", "UTC", "2023-11-24T17:00:00Z", null },
        { "Times are Eastern.\n9:00 standup", "2023-11-24", "UTC", "2023-11-24T14:00:00Z", null },
        { "| Time (UTC) | Event |\n|---|---|\n| 07:14 | deploy |", "2023-11-24", "America/New_York", "2023-11-24T07:14:00Z", null },
        // Markdown tables with ranges and extra times inside cells.
        { "| Time | Event |\n|---|---|\n| 11:32-13:05 | degraded, recovered 13:05 |", "2023-11-24", "UTC", "2023-11-24T11:32:00Z", "2023-11-24T13:05:00Z" },
        { "| When | What | Who |\n|---|---|---|\n| 2023-11-24 07:14 ET | deploy at 07:14 | CI |", "2020-01-01", "UTC", "2023-11-24T12:14:00Z", null },
        // Midnight roll-over.
        { "23:50 UTC deploy\n00:10 UTC errors", "2023-11-24", "UTC", "2023-11-25T00:10:00Z", null },
        { "23:50 deploy\n00:10 errors", "2023-11-24", "UTC", "2023-11-25T00:10:00Z", null },
        { "11:45pm deploy\n12:20am errors", "2023-11-24", "UTC", "2023-11-25T00:20:00Z", null },
        // Relative times.
        { "14:00 UTC deploy. Three minutes later, errors spiked.", "2023-11-24", "UTC", "2023-11-24T14:03:00Z", null },
        { "14:00 UTC deploy. Two minutes later the alert fired.", "2023-11-24", "UTC", "2023-11-24T14:02:00Z", null },
        { "14:00 UTC deploy. 90 seconds later, errors.", "2023-11-24", "UTC", "2023-11-24T14:01:30Z", null },
        { "14:00 UTC deploy. An hour later it was stable.", "2023-11-24", "UTC", "2023-11-24T15:00:00Z", null },
        { "14:00 UTC deploy. Half an hour later errors returned.", "2023-11-24", "UTC", "2023-11-24T14:30:00Z", null },
        { "14:00 UTC deploy. Twenty-five minutes later it recovered.", "2023-11-24", "UTC", "2023-11-24T14:25:00Z", null },
        // Headings carry the date for what follows.
        { "### 2018 October 21 22:52 UTC\n\nThe network partition began. Monitoring fired at 22:54.", "2020-01-01", "UTC", "2018-10-21T22:54:00Z", null },
        { "## October 22, 2018\n00:05 UTC recovery began", "2020-01-01", "UTC", "2018-10-22T00:05:00Z", null },
        { "**November 25, 2023**\n- 01:10 ET errors back", "2023-11-24", "UTC", "2023-11-25T06:10:00Z", null },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Each_written_form_is_read_as_the_expected_UTC_instant(string notes, string anchor, string zone, string expected, string? expectedEnd)
    {
        // Given
        var options = new NotesOptions
        {
            File = "notes.md",
            AnchorDate = LocalDatePattern.Iso.Parse(anchor).Value,
            DefaultZone = DateTimeZoneProviders.Tzdb[zone],
        };

        // When
        var result = NotesExtractor.Extract(notes, options);

        // Then
        Assert.NotEmpty(result.Events);
        var last = result.Events[^1];
        Assert.Equal(expected, InstantPattern.General.Format(last.Time));
        Assert.Equal(expectedEnd, last.EndTime is { } end ? InstantPattern.General.Format(end) : null);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Postmortem.Diagnostics.DiagnosticSeverity.Error);
    }

    public static TheoryData<string> NotTimes => new()
    {
        "Joined the team 3 weeks ago.",
        "A ratio of 3:1 was observed.",
        "Version 2.10.3 was released.",
        "p99 latency reached 450ms.",
        "HTTP 503 for most requests.",
        "Step 2: restart the pods.",
        "Availability was 99.9% for the month.",
        "Build 20231124 passed.",
        "Connection pool size 10:1 ratio to workers.",
        "ETA unknown; PT team informed.",
    };

    [Theory]
    [MemberData(nameof(NotTimes))]
    public void Text_without_a_time_yields_no_event(string notes)
    {
        var result = NotesExtractor.Extract(notes, new NotesOptions { File = "n", AnchorDate = new LocalDate(2023, 11, 24), DefaultZone = DateTimeZone.Utc });
        Assert.Empty(result.Events);
    }
}
