using System.Text;
using Postmortem.Analysis;
using Postmortem.Ingest.Documents;
using Postmortem.Model;
using Postmortem.Tests.Ingest.Exports;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Ingest;

/// <summary>The Markdown document is the record: a draft reads back into the same model, hand edits are picked up, hand-written postmortems map.</summary>
public sealed class MarkdownRecordTests
{
    public static TheoryData<string> Examples() => ["examples/meridian/incident.yml", "examples/exports/incident.yml", "examples/project/engagement.yml"];

    internal static AnalyzedPostmortem Analyze(string file)
    {
        var result = Postmortems.AnalyzeFileAsync(file).GetAwaiter().GetResult();
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        return result.Value!;
    }

    internal static string Markdown(AnalyzedPostmortem pm)
    {
        using var stream = new MemoryStream();
        Postmortems.Render(pm, "markdown", stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The example drafted to Markdown, as a file next to nothing.</summary>
    internal static string Drafted(string example) => Temp.File("record.md", Markdown(Analyze(Repo.PathOf(example))));

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_draft_read_back_renders_the_same_bytes_and_the_same_record(string example)
    {
        var original = Analyze(Repo.PathOf(example));
        var drafted = Markdown(original);
        var file = Temp.File("record.md", drafted);

        var reread = Analyze(file);
        var again = Markdown(reread);

        Assert.Equal(drafted, again);
        Assert.Equal(Record(original.Document), Record(reread.Document));
        Assert.Equal(original.Timeline.Select(e => (e.Time, e.EndTime, e.Text, e.Actor)), reread.Timeline.Select(e => (e.Time, e.EndTime, e.Text, e.Actor)));
        Assert.Equal(original.Keys.Resolution?.Time, reread.Keys.Resolution?.Time);
        Assert.Equal(original.Severity?.Level, reread.Severity?.Level);
        Assert.Equal(original.DurationMinutes, reread.DurationMinutes);
    }

    [Fact]
    public void The_front_matter_holds_the_facts_and_is_read_with_the_incident_files_own_keys()
    {
        var text = Markdown(Analyze(Repo.PathOf("examples/meridian/incident.yml")));

        Assert.StartsWith("---\ntype: incident\ndate: 2023-11-24\ntimeZone: America/New_York\n", text, StringComparison.Ordinal);
        Assert.Contains("  resolution: 2023-11-24T13:47:00Z\n", text, StringComparison.Ordinal);
        Assert.Contains("  communication: none\n", text, StringComparison.Ordinal);
        Assert.Contains("- The promo banner deploy was executed on Black Friday morning with no deployment freeze or elevated review process in place for peak trading periods <!-- factor: no-freeze -->\n", text, StringComparison.Ordinal);
        Assert.Contains("| ID | Action | Type | Owner | Due date | Status | Tracker | Note |\n", text, StringComparison.Ordinal);

        var read = MarkdownRecordReader.Read(text.Replace("timeZone: America/New_York", "timeZone: Mars/Olympus", StringComparison.Ordinal), "pm.md");
        var zone = Assert.Single(read.Diagnostics, d => d.Code == "PM0008");
        Assert.Equal((4, 11), (zone.Line, zone.Column));
    }

    [Fact]
    public void A_hand_edit_of_the_timeline_factors_and_actions_is_picked_up_on_the_next_read()
    {
        var text = File.ReadAllText(Drafted("examples/meridian/incident.yml"));
        var edited = text
            .Replace("| 13:19 (08:19 ET) | Rolled back deploy | Notes | — |\n",
                "| 13:19 (08:19 ET) | Rolled back deploy | Notes | — |\n| 13:30 | Status page updated: monitoring the fix | Status page | Comms lead |\n", StringComparison.Ordinal)
            .Replace("**Human factors:**\n", "**Human factors:**\n- Nobody had rehearsed a rollback under load <!-- factor: no-rehearsal -->\n", StringComparison.Ordinal)
            .Replace("| Dec 1, 2023 | Open | — | — |\n", "| Dec 1, 2023 | Done | OPS-42 | shipped in v2 |\n| 3 | Rehearse rollbacks monthly | Process | Platform Team | Jan 15, 2024 | Open | — | — |\n", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);

        var result = MarkdownRecordReader.Read(edited, "pm.md");

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        var d = result.Value!;
        var row = Assert.Single(d.Events, e => e.Text == "Status page updated: monitoring the fix");
        Assert.Equal(NodaTime.Instant.FromUtc(2023, 11, 24, 13, 30), row.Time);
        Assert.Equal(("Status page", "Comms lead"), (row.Source, row.Actor));
        Assert.Contains(d.Factors, f => f is { Id: "no-rehearsal", Category: "human" });
        Assert.Equal(["1", "2", "3"], d.Actions.Select(a => a.Id));
        Assert.Equal(("Done", "OPS-42", "shipped in v2"), (d.Actions[1].Status, d.Actions[1].Tracker, d.Actions[1].Note));
        Assert.Equal(["no-pool-alert"], d.Actions[1].Factors);
        Assert.Equal((ActionType.Process, new NodaTime.LocalDate(2024, 1, 15)), (d.Actions[2].Type, d.Actions[2].Due));

        // The added row is in the analysed timeline; the recorded keys stay as drafted.
        var analyzed = Analyzer.Analyze(d, []);
        Assert.Contains(analyzed.Timeline, e => e.Text == "Status page updated: monitoring the fix");
        Assert.Equal(NodaTime.Instant.FromUtc(2023, 11, 24, 13, 47), analyzed.Keys.Resolution!.Time);
        Assert.Null(analyzed.Keys.Communication);
    }

    [Fact]
    public void A_record_fingerprinted_by_an_older_version_still_tells_the_tools_cells_from_a_persons()
    {
        // Records written before the fingerprint moved from SHA-256 to XxHash3 hold SHA-256's first 8 hex digits.
        var text = File.ReadAllText(Drafted("examples/meridian/incident.yml"));
        const string Cell = "07:31 ET: Datadog alert for elevated 5xx rate fired";
        Assert.Contains($"| Detection | {Cell} |", text, StringComparison.Ordinal);
        var now = RecordHash.Of(Cell);
        var legacy = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Cell)))[..8];
        Assert.NotEqual(legacy, now);
        Assert.Contains($"  detection: {now}\n", text, StringComparison.Ordinal);

        var older = MarkdownRecordReader.Read(text.Replace($"  detection: {now}\n", $"  detection: {legacy}\n", StringComparison.Ordinal), "pm.md");
        var edited = MarkdownRecordReader.Read(text.Replace($"| Detection | {Cell} |", "| Detection | The alert fired, and nobody looked for twenty minutes |", StringComparison.Ordinal), "pm.md");
        var wrong = MarkdownRecordReader.Read(text.Replace($"  detection: {now}\n", "  detection: 0badf00d\n", StringComparison.Ordinal), "pm.md");

        Assert.Null(older.Value!.Assessment.SingleOrDefault(r => r.Phase == "detection")?.WhatHappened);
        Assert.Equal("The alert fired, and nobody looked for twenty minutes", edited.Value!.Assessment.SingleOrDefault(r => r.Phase == "detection")?.WhatHappened);
        Assert.Equal(Cell, wrong.Value!.Assessment.SingleOrDefault(r => r.Phase == "detection")?.WhatHappened);
    }

    [Fact]
    public void What_the_reader_cannot_understand_is_a_warning_at_its_line_and_column()
    {
        var text = File.ReadAllText(Drafted("examples/meridian/incident.yml"));
        var lines = text.Split('\n').ToList();
        var timeline = lines.FindIndex(l => l.StartsWith("| 12:14 ", StringComparison.Ordinal));
        lines[timeline] = "| after lunch | Deploy went out | Notes | — |";
        var action = lines.FindIndex(l => l.StartsWith("| 2 |", StringComparison.Ordinal));
        lines[action] = lines[action].Replace("Dec 1, 2023", "someday", StringComparison.Ordinal).Replace("| Detect |", "| Blame |", StringComparison.Ordinal);

        var result = MarkdownRecordReader.Read(string.Join('\n', lines), "pm.md");

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        var unread = result.Diagnostics.Where(d => d.Code is "PM0603" or "PM0103" or "PM0101").ToList();
        Assert.True(unread.Any(d => d.Line == timeline + 1 && d.Column == 3), string.Join('\n', result.Diagnostics));
        Assert.Contains(result.Diagnostics, d => d.Code == "PM0603" && d.Line == action + 1 && d.Message.Contains("'someday'", StringComparison.Ordinal) && d.Column == lines[action].IndexOf("someday", StringComparison.Ordinal) + 1);
        Assert.Contains(result.Diagnostics, d => d.Code == "PM0603" && d.Line == action + 1 && d.Message.Contains("'Blame'", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Value!.Events, e => e.Text == "Deploy went out");
        Assert.Null(result.Value.Actions[1].Due);
    }

    [Fact]
    public void A_recorded_key_whose_row_was_removed_is_reported_and_computed_again()
    {
        var text = File.ReadAllText(Drafted("examples/meridian/incident.yml"));
        var edited = text.Replace("| 13:47 (08:47 ET) | Checkout confirmed stable | Notes | — |\n", "| 13:50 (08:50 ET) | Checkout confirmed stable | Notes | — |\n", StringComparison.Ordinal);

        var read = MarkdownRecordReader.Read(edited, "pm.md");
        var analyzed = Analyzer.Analyze(read.Value!, read.Diagnostics);

        var moved = Assert.Single(analyzed.Diagnostics, d => d.Code == "PM0601");
        Assert.Equal(edited.Split('\n').ToList().FindIndex(l => l.StartsWith("  resolution:", StringComparison.Ordinal)) + 1, moved.Line);
        Assert.Equal(NodaTime.Instant.FromUtc(2023, 11, 24, 13, 50), analyzed.Keys.Resolution!.Time);
    }

    [Fact]
    public void The_seed_incident_template_written_by_hand_reads_into_the_model()
    {
        var result = MarkdownRecordReader.ReadFile(Repo.PathOf("examples/lint/needs-work.md"));

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        var d = result.Value!;
        Assert.Equal("Search index outage", d.Title);
        Assert.Equal(new NodaTime.LocalDate(2024, 3, 3), d.Date);
        Assert.Equal("SEV-2", d.Severity);
        Assert.NotEmpty(d.Factors);
        Assert.Equal(["Open", "Open"], d.Actions.Select(a => a.Status));
        Assert.All(d.Actions, a => Assert.True(a.Line > 0));
    }

    [Fact]
    public void The_Google_SRE_layout_maps_into_the_model_and_lists_what_did_not_map()
    {
        var file = Repo.PathOf("tests/Postmortem.Tests/Fixtures/sre-layout.md");
        var result = MarkdownRecordReader.ReadFile(file);

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        var d = result.Value!;
        var lines = File.ReadAllLines(file).ToList();
        int Line(string start) => lines.FindIndex(l => l.StartsWith(start, StringComparison.Ordinal)) + 1;
        Assert.Equal("Shopping cart outage of 2024-05-02", d.Title);
        Assert.StartsWith("Cart service unavailable for 42 minutes", d.Summary, StringComparison.Ordinal);
        Assert.StartsWith("Rolled back the cart service", d.Resolution, StringComparison.Ordinal);
        Assert.Equal(["technical", "technical"], d.Factors.Select(f => f.Category));
        Assert.Contains(d.Factors, f => f.Text.StartsWith("A config push", StringComparison.Ordinal));
        var detection = Assert.Single(d.Assessment);
        Assert.Equal("detection", detection.Phase);
        Assert.Equal(["Canary checks caught the error rate within two minutes"], d.WentWell);
        Assert.Equal(3, d.Actions.Count);
        Assert.Equal(("Add a schema check to the config push", ActionType.Prevent, "OPS-101"), (d.Actions[0].Action, d.Actions[0].Type, d.Actions[0].Tracker));
        Assert.Equal(4, d.Events.Count);
        Assert.Equal(NodaTime.Instant.FromUtc(2024, 5, 2, 14, 51), d.Events[0].Time);

        var notMapped = result.Diagnostics.Where(x => x.Code == "PM0604").ToList();
        Assert.Contains(notMapped, x => x.Line == Line("## Impact") + 2);
        Assert.Contains(notMapped, x => x.Line == Line("### What went wrong") && x.Message.Contains("'What went wrong'", StringComparison.Ordinal));
        Assert.Contains(notMapped, x => x.Line == Line("### Where we got lucky"));
        Assert.Contains(notMapped, x => x.Line == Line("## Root causes") + 2 && x.Message.Contains("technical", StringComparison.Ordinal));
        Assert.All(notMapped, x => Assert.Equal(Postmortem.Diagnostics.DiagnosticSeverity.Info, x.Severity));
    }

    [Fact]
    public void Unclosed_front_matter_is_an_error_at_its_first_line()
    {
        var result = MarkdownRecordReader.Read("---\ntype: incident\n\n## Postmortem: x\n", "pm.md");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("PM0602", 1), (error.Code, error.Line));
        Assert.Null(result.Value);
    }

    /// <summary>What a record holds, beyond positions: the parts a person reads and edits.</summary>
    internal static string Record(PostmortemDocument d) => string.Join('\n',
    [
        $"{d.Id}|{d.Type}|{d.Title}|{d.Date}|{d.TimeZone.Id}|{d.Author}|{d.PostmortemDate}|{d.Severity}|{d.Summary}|{d.Resolution}|{d.SilenceThresholdMinutes}",
        d.Impact.ToString(),
        $"{d.Team.Context}|{d.Team.Experience}|{d.Team.OnCall}|{string.Join(';', d.Team.Roster.Select(m => $"{m.Name}/{m.Role}/{string.Join(',', m.Handles)}"))}|{d.Team.RetroCadenceDays}|{d.Team.RetroAnchor}",
        .. d.Factors.Select(f => $"factor {f.Id}|{f.Category}|{f.Text}|{f.AcceptedRisk}"),
        .. d.Assessment.Where(r => (r.WhatHappened ?? r.WhatWorked ?? r.WhatDidNot) is not null).Select(r => r.ToString()),
        .. d.WentWell.Select(w => "well " + w),
        .. d.Actions.Select(a => $"action {a.Id}|{a.Action}|{a.Type}|{a.Owner}|{a.Due}|{a.Status}|{a.Tracker}|{a.Note}|{a.Effort}|{string.Join(',', a.Factors)}"),
        d.Project is null ? "no project" : $"{d.Project.Start}|{d.Project.End}|{d.Project.Goals.Count}|{d.Project.Milestones.Count}|{string.Join(';', d.Project.DoDifferently)}|{string.Join(';', d.Project.Recommendations)}",
    ]);
}
