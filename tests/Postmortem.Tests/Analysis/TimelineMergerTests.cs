using NodaTime;
using Postmortem.Analysis;
using Postmortem.Ingest.Exports;
using Postmortem.Ingest.Yaml;
using Postmortem.Model;
using static Postmortem.Tests.Ingest.Exports.ExportReaderTests;

namespace Postmortem.Tests.Analysis;

public sealed class TimelineMergerTests
{
    private static TimelineEvent E(string time, EventKind kind, string file, string source, int line = 1, string? input = null) => new()
    {
        Time = At(time), WrittenTime = time, Zone = "UTC", ZoneOrigin = ZoneOrigin.Written, Text = $"{kind} from {file}", Kind = kind,
        KindRule = KindRules.Explicit, Source = source, Confidence = 1, Provenance = new Provenance(file, line, 1, time) { Input = input ?? file },
    };

    private static (IReadOnlyList<TimelineEvent> Timeline, IReadOnlyList<Postmortem.Diagnostics.Diagnostic> Diagnostics) Merge(params TimelineEvent[] events) =>
        TimelineMerger.Merge(events.OrderBy(e => e.Time).ToList(), TimelineMerger.DefaultTolerance, DateTimeZone.Utc);

    [Fact]
    public void The_same_moment_in_two_inputs_is_one_event_citing_both()
    {
        var (timeline, diagnostics) = Merge(E("2024-03-12T14:19:00Z", EventKind.Alert, "notes.md", "Datadog"), E("2024-03-12T14:20:05Z", EventKind.Alert, "pd.json", "PagerDuty", 9));
        var merged = Assert.Single(timeline);
        Assert.Equal(("notes.md", At("2024-03-12T14:19:00Z")), (merged.Provenance.File, merged.Time));
        Assert.Equal([("pd.json", 9)], merged.AlsoSeenIn.Select(p => (p.File, p.Line)));
        Assert.Equal(["PagerDuty"], merged.AlsoSeenBy);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("2024-03-12T14:22:01Z", EventKind.Alert, "pd.json")] // beyond the tolerance
    [InlineData("2024-03-12T14:19:30Z", EventKind.Page, "pd.json")] // another kind
    [InlineData("2024-03-12T14:19:30Z", EventKind.Alert, "notes.md")] // the same input
    public void Other_kinds_other_times_and_the_same_input_do_not_merge(string time, EventKind kind, string file) =>
        Assert.Equal(2, Merge(E("2024-03-12T14:19:00Z", EventKind.Alert, "notes.md", "Datadog"), E(time, kind, file, "PagerDuty")).Timeline.Count);

    [Fact]
    public void Unclassified_events_never_merge() =>
        Assert.Equal(2, Merge(E("2024-03-12T14:19:00Z", EventKind.Other, "a.md", "Slack"), E("2024-03-12T14:19:10Z", EventKind.Other, "b.json", "Slack")).Timeline.Count);

    [Fact]
    public void The_same_tools_event_at_clearly_different_times_is_a_conflict()
    {
        var (timeline, diagnostics) = Merge(E("2024-03-12T14:31:00Z", EventKind.Escalation, "notes.md", "PagerDuty", 4), E("2024-03-12T14:38:00Z", EventKind.Escalation, "pd.json", "PagerDuty", 7));
        Assert.Equal(2, timeline.Count);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("PM0407", "pd.json", 7), (d.Code, d.File, d.Line));
        Assert.Contains("2024-03-12T14:38:00Z here, 2024-03-12T14:31:00Z in notes.md(4,1)", d.Message);
        Assert.Empty(Merge(E("2024-03-12T14:31:00Z", EventKind.Escalation, "notes.md", "Slack"), E("2024-03-12T14:38:00Z", EventKind.Escalation, "pd.json", "PagerDuty")).Diagnostics);
    }

    [Fact]
    public void Two_day_files_of_one_export_are_one_input_so_their_messages_neither_merge_nor_conflict()
    {
        // Given two alerts of one Slack export, 40 s apart across local midnight, and two escalations ten minutes apart
        var (timeline, diagnostics) = Merge(
            E("2024-03-12T07:59:40Z", EventKind.Alert, "slack/incident/2024-03-11.json", "Slack", 3, "slack"),
            E("2024-03-12T08:00:20Z", EventKind.Alert, "slack/incident/2024-03-12.json", "Slack", 2, "slack"),
            E("2024-03-12T08:01:00Z", EventKind.Escalation, "slack/incident/2024-03-11.json", "Slack", 9, "slack"),
            E("2024-03-12T08:11:00Z", EventKind.Escalation, "slack/incident/2024-03-12.json", "Slack", 7, "slack"));

        // Then every message stays a row of its own and nothing is reported as a conflict
        Assert.Equal(4, timeline.Count);
        Assert.All(timeline, e => Assert.Empty(e.AlsoSeenIn));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_day_file_and_another_input_still_merge_and_are_cited_by_file()
    {
        var (timeline, _) = Merge(
            E("2024-03-12T07:59:40Z", EventKind.Alert, "slack/incident/2024-03-11.json", "Slack", 3, "slack"),
            E("2024-03-12T08:00:20Z", EventKind.Alert, "slack/incident/2024-03-12.json", "Slack", 2, "slack"),
            E("2024-03-12T08:00:30Z", EventKind.Alert, "pd.json", "PagerDuty", 5));
        Assert.Equal(2, timeline.Count);
        Assert.Empty(timeline[0].AlsoSeenIn);
        Assert.Equal([("pd.json", "pd.json")], timeline[1].AlsoSeenIn.Select(p => (p.File, p.Input))); // the nearest record of the export
    }

    [Fact]
    public void The_window_comes_from_the_notes_with_the_margin_unless_given()
    {
        var notes = new[] { E("2024-03-12T14:10:00Z", EventKind.Change, "n", "Notes"), E("2024-03-12T15:02:00Z", EventKind.Resolution, "n", "Notes") };
        Assert.Equal((At("2024-03-12T13:10:00Z"), At("2024-03-12T16:02:00Z")), ExportAssembler.Window(null, notes));
        Assert.Equal((At("2024-03-12T14:00:00Z"), At("2024-03-12T15:17:00Z")), ExportAssembler.Window(new IncidentWindow(At("2024-03-12T14:00:00Z"), null, 15), notes));
        Assert.Equal((null, null), ExportAssembler.Window(null, []));
    }

    [Fact]
    public void The_incident_file_names_sources_and_a_window_with_positions_and_checks_them()
    {
        var read = IncidentFileReader.Read("""
            title: t
            sources:
              - exports/pd.json
              - path: slack.zip
                channels: [incident]
                all: true
                markers: [":eyes:"]
              - path: deploys.csv
                columns: { time: Finished }
            window: { from: "2024-03-12T14:00:00Z", marginMinutes: 30 }
            """, "i.yml");
        Assert.Empty(read.Diagnostics);
        var d = read.Value!;
        Assert.Equal(["exports/pd.json", "slack.zip", "deploys.csv"], d.Sources.Select(s => s.Path));
        Assert.Equal(["incident"], d.Sources[1].Channels);
        Assert.Equal((true, "eyes", 4), (d.Sources[1].All, d.Sources[1].Markers![0], d.Sources[1].Line));
        Assert.Equal("Finished", d.Sources[2].Columns["time"]);
        Assert.Equal(new IncidentWindow(At("2024-03-12T14:00:00Z"), null, 30), d.Window);

        var bad = IncidentFileReader.Read("title: t\nsources:\n  - chanels: [x]\nwindow: { from: yesterday }\n", "b.yml");
        Assert.Equal(["PM0003", "PM0005", "PM0007"], bad.Diagnostics.Select(x => x.Code).Order());
    }
}
