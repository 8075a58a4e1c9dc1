using System.IO.Compression;
using NodaTime;
using NodaTime.Text;
using Postmortem.Analysis;
using Postmortem.Ingest.Exports;
using Postmortem.Model;

namespace Postmortem.Tests.Ingest.Exports;

public sealed class ExportReaderTests
{
    private const string Dir = "tests/Postmortem.Tests/Fixtures/exports/";

    internal static Instant At(string iso) => InstantPattern.ExtendedIso.Parse(iso).GetValueOrThrow();

    // Slack curation keeps the messages the lexicon recognises, as the pipeline reads them.
    internal static ExportResult Read(string path, ExportOptions? options = null) =>
        ExportReader.ReadAsync(path, (options ?? new ExportOptions()) with { Classifier = options?.Classifier ?? KindLexicon.Default }).GetAwaiter().GetResult();

    [Fact]
    public void PagerDuty_log_entries_map_to_kinds_in_time_order_with_provenance()
    {
        var r = Read(Dir + "pagerduty-log-entries.json");
        Assert.Equal("pagerduty-log-entries", r.Format);
        Assert.Empty(r.Diagnostics);
        Assert.Equal(5, r.Records);
        Assert.Equal(
            [(At("2024-03-10T09:00:00Z"), EventKind.Alert), (At("2024-03-12T14:20:05Z"), EventKind.Alert), (At("2024-03-12T14:21:30Z"), EventKind.Page),
             (At("2024-03-12T14:31:00Z"), EventKind.Escalation), (At("2024-03-12T15:02:10Z"), EventKind.Resolution)],
            r.Events.Select(e => (e.Time, e.Kind)));
        var trigger = r.Events[1];
        Assert.Equal("Triggered through the API: [#88] Checkout errors — 5xx > 5%", trigger.Text);
        Assert.Equal("PagerDuty", trigger.Source);
        Assert.Equal("export: pagerduty trigger_log_entry", trigger.KindRule);
        Assert.Equal((Dir + "pagerduty-log-entries.json", 9, 5), (trigger.Provenance.File, trigger.Provenance.Line, trigger.Provenance.Column));
        var ack = r.Events[2];
        Assert.Equal(("UTC-04:00", "2024-03-12T10:21:30-04:00", "Dana Ops"), (ack.Zone, ack.WrittenTime, ack.Actor));
        Assert.Equal("Resolved by Dana Ops (note: rollback confirmed)", r.Events[4].Text);
    }

    [Fact]
    public void The_window_leaves_out_what_is_outside_it_and_says_how_much()
    {
        var r = Read(Dir + "pagerduty-log-entries.json", new ExportOptions { From = At("2024-03-12T14:00:00Z"), To = At("2024-03-12T16:00:00Z") });
        Assert.Equal(4, r.Events.Count);
        Assert.Equal(1, r.OutsideWindow);
        var note = Assert.Single(r.Diagnostics);
        Assert.Equal("PM0405", note.Code);
        Assert.Contains("1 events outside the window 2024-03-12T14:00:00Z – 2024-03-12T16:00:00Z", note.Message);
    }

    [Fact]
    public void Opsgenie_webhook_epochs_in_strings_are_read_to_the_nanosecond_field()
    {
        var e = Assert.Single(Read(Dir + "opsgenie-webhook.json").Events);
        Assert.Equal(Instant.FromUnixTimeTicks(17102532901234567), e.Time);
        Assert.Equal((EventKind.Page, "dana@example.com", "Opsgenie alert #42 acknowledged: checkout 5xx above 5%"), (e.Kind, e.Actor, e.Text));
    }

    [Fact]
    public void Alertmanager_alerts_fire_at_startsAt_and_recover_only_when_resolved()
    {
        var events = Read(Dir + "alertmanager.json").Events.OrderBy(e => e.Time).ToList();
        Assert.Equal(
            [(At("2024-03-12T14:19:58.123456789Z"), EventKind.Alert, "UTC-04:00"), (At("2024-03-12T14:25:00Z"), EventKind.Alert, "UTC"), (At("2024-03-12T15:01:02.5Z"), EventKind.Mitigation, "UTC-04:00")],
            events.Select(e => (e.Time, e.Kind, e.Zone)));
        Assert.Equal("CheckoutErrors firing (critical): 5xx ratio above 5%", events[0].Text);
        Assert.Equal("QueueDepth firing: queue depth high", events[1].Text);
    }

    [Fact]
    public void Statuspage_updates_are_communications_at_the_time_readers_saw()
    {
        var r = Read(Dir + "statuspage.json");
        Assert.Equal([(At("2024-03-12T14:38:00Z"), "investigating"), (At("2024-03-12T15:05:00Z"), "resolved")],
            r.Events.Select(e => (e.Time, e.Text.Split(':')[0].Split(' ')[^1])));
        Assert.All(r.Events, e => Assert.Equal(EventKind.Communication, e.Kind));
        Assert.StartsWith("investigating display_at 2024-03-12T10:38:00-04:00", r.Events[0].Provenance.RawText);
    }

    [Fact]
    public void GitHub_statuses_are_changes_and_a_rollback_is_a_mitigation()
    {
        var r = Read(Dir + "github-deployment-statuses.json");
        Assert.Equal([(At("2024-03-12T14:10:00Z"), EventKind.Change), (At("2024-03-12T14:55:00Z"), EventKind.Mitigation)], r.Events.Select(e => (e.Time, e.Kind)));
        Assert.Equal("Deployment to production: success: v42", r.Events[0].Text);
        Assert.Equal("deploy-bot", r.Events[1].Actor);
    }

    [Fact]
    public void Zendesk_audits_give_the_report_and_the_public_reply()
    {
        var r = Read(Dir + "zendesk-audits.json");
        Assert.Equal(
            [(At("2024-03-12T14:18:00Z"), EventKind.CustomerReport, "Ticket #7 opened: Cannot pay"), (At("2024-03-12T14:45:00Z"), EventKind.Communication, "Ticket #7 public reply: We are on it and will update you.")],
            r.Events.Select(e => (e.Time, e.Kind, e.Text)));
    }

    [Fact]
    public void Datadog_v2_events_use_the_iso_timestamp_or_the_epoch_inside()
    {
        var r = Read(Dir + "datadog-events-v2.json");
        Assert.Equal([(At("2024-03-12T14:10:00Z"), EventKind.Other, KindRules.Unclassified), (At("2024-03-12T14:19:40Z"), EventKind.Alert, "export: datadog event error")],
            r.Events.Select(e => (e.Time, e.Kind, e.KindRule)).OrderBy(t => t.Time));
        Assert.Contains(r.Events, e => e.Text == "[Triggered] Checkout 5xx: 5xx at 7%");
    }

    [Fact]
    public void Csv_columns_are_found_by_their_usual_names_and_local_times_take_the_zone()
    {
        var r = Read(Dir + "events.csv", new ExportOptions { DefaultZone = DateTimeZoneProviders.Tzdb["America/New_York"] });
        Assert.Equal("csv", r.Format);
        Assert.Equal(
            [(At("2024-03-12T14:10:00Z"), EventKind.Change, "Spinnaker", ZoneOrigin.Written), (At("2024-03-12T14:30:00Z"), EventKind.Other, "CSV", ZoneOrigin.Configured),
             (At("2024-03-12T14:50:00Z"), EventKind.Mitigation, "CSV", ZoneOrigin.Written)],
            r.Events.Select(e => (e.Time, e.Kind, e.Source!, e.ZoneOrigin)));
        Assert.Equal("Deploy v42 rolled out to production, all regions", r.Events[0].Text);
        var warning = Assert.Single(r.Diagnostics);
        Assert.Equal(("PM0403", 4, 1), (warning.Code, warning.Line, warning.Column));
    }

    [Fact]
    public void A_csv_without_a_time_column_is_refused_naming_the_header()
    {
        var file = Temp.File("no-time.csv", "When it was,What\nx,y\n");
        var d = Assert.Single(Read(file).Diagnostics);
        Assert.Equal(("PM0408", 1), (d.Code, d.Line));
        Assert.Contains("no 'time' column in the header (When it was, What)", d.Message);
        var mapped = Read(file, new ExportOptions { Columns = new Dictionary<string, string> { ["time"] = "When it was" } });
        Assert.Equal("PM0403", Assert.Single(mapped.Diagnostics).Code);
    }

    [Fact]
    public void Broken_json_is_an_error_at_its_line_and_column_and_nothing_is_kept()
    {
        var r = Read(Dir + "broken.json");
        var d = Assert.Single(r.Diagnostics);
        var line = File.ReadAllLines(Dir + "broken.json")[3];
        Assert.Equal(("PM0402", 4, line.IndexOf(']') + 1), (d.Code, d.Line, d.Column));
        Assert.Empty(r.Events);
        Assert.True(r.HasErrors);
    }

    [Theory]
    [InlineData("notes.txt", "07:14 deploy went out", "not JSON or CSV (it starts with '07:14 deploy went out')")]
    [InlineData("jira.json", "{\"expand\": \"x\", \"issues\": []}", "JSON whose top level has keys expand, issues")]
    [InlineData("empty.json", "", "not JSON or CSV")]
    public void Unknown_files_are_refused_with_what_they_look_like(string name, string content, string expected)
    {
        var d = Assert.Single(Read(Temp.File(name, content)).Diagnostics);
        Assert.Equal("PM0401", d.Code);
        Assert.Contains(expected, d.Message);
    }

    [Fact]
    public void Progress_is_told_the_bytes_read_up_to_the_whole_file()
    {
        var seen = new List<long>();
        Read(Dir + "pagerduty-log-entries.json", new ExportOptions { Progress = seen.Add });
        Assert.NotEmpty(seen);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(new FileInfo(Dir + "pagerduty-log-entries.json").Length, seen[^1]);

        var slack = new List<long>();
        Read("tests/Postmortem.Tests/Fixtures/exports/slack", new ExportOptions { Progress = slack.Add });
        Assert.Equal(slack.Order(), slack);
        Assert.Equal(Directory.GetFiles("tests/Postmortem.Tests/Fixtures/exports/slack", "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) != "slack").Sum(f => new FileInfo(f).Length), slack[^1]);
    }

    [Fact]
    public void A_missing_file_is_unreadable() => Assert.Equal("PM0001", Assert.Single(Read(Dir + "nope.json").Diagnostics).Code);
}

/// <summary>Scratch files for one test run.</summary>
internal static class Temp
{
    private static readonly string Root = Directory.CreateTempSubdirectory("postmortem-tests-").FullName;

    public static string File(string name, string content)
    {
        var path = Path.Combine(Root, Guid.NewGuid().ToString("N")[..8] + "-" + name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public static string Zip(string folder)
    {
        var path = Path.Combine(Root, Guid.NewGuid().ToString("N")[..8] + "-export.zip");
        ZipFile.CreateFromDirectory(folder, path, CompressionLevel.Fastest, includeBaseDirectory: true);
        return path;
    }
}
