using System.Text.RegularExpressions;
using Postmortem.Ingest.Exports;
using Postmortem.Model;
using Postmortem.Tests.Support;
using YamlDotNet.RepresentationModel;
using static Postmortem.Tests.Ingest.Exports.ExportReaderTests;

namespace Postmortem.Tests.Ingest.Exports;

/// <summary>
/// Conformance against the real exports in <c>../shared/samples</c>: every file is read into events with
/// the UTC instants the file says (values checked by hand against the files), or refused with a
/// diagnostic; none may crash a reader. Samples that wrap an export (recorded HTTP traffic, a curl
/// script, a JS file, a README) are unwrapped here and their bodies read too.
/// </summary>
public sealed class SamplesConformanceTests
{
    private static readonly ExportOptions Everything = new() { All = true };

    /// <summary>What each sample must give: format, number of events and the earliest instant; or the code it is refused with.</summary>
    private static readonly Dictionary<string, (string? Format, int Events, string? First, string? Code)> Expected = new()
    {
        ["alertmanager/alertmanager-bot_firing.sh"] = (null, 0, null, "PM0401"),
        ["alertmanager/alertmanager-bot_resolved.sh"] = (null, 0, null, "PM0401"),
        ["alertmanager/prometheus-msteams_card-grafana-inspired-payload.json"] = ("alertmanager-webhook", 3, "2020-10-11T14:34:11.279383004Z", null),
        ["alertmanager/prometheus-msteams_prom_post_request.json"] = ("alertmanager-webhook", 1, "2018-03-07T11:33:21.873077559Z", null),
        ["datadog/ovora_test_datadog_webhook_payload_excerpt.json"] = ("datadog-webhook", 1, "2025-04-30T11:45:50Z", null),
        ["datadog/port-docs_datadog_webhook_payload_excerpt.json"] = ("datadog-webhook", 1, "2023-05-19T10:29:55Z", null),
        ["discord/dce_export_excerpt_embedded_in_js_NONSTRICT.json5"] = (null, 0, null, "PM0402"),
        ["github/octokit-webhooks_deployment_payload.json"] = ("github-deployments", 1, "2019-05-15T15:20:53Z", null),
        ["github/octokit-webhooks_deployment_gh-pages.payload.json"] = ("github-deployments", 1, "2022-01-03T01:28:30Z", null),
        ["github/octokit-webhooks_deployment_status_payload.json"] = ("github-deployments", 1, "2019-05-15T15:20:55Z", null),
        ["github/octokit-webhooks_deployment_status_gh-pages.payload.json"] = ("github-deployments", 1, "2022-01-03T01:28:40Z", null),
        ["opsgenie/airbyte_source-opsgenie_test_stream_alert_logs_excerpt.json"] = ("opsgenie-alert-logs", 2, "2017-04-12T12:27:46.379Z", null),
        ["opsgenie/opsgenie_outgoing_webhook_create_zabbix_body.json"] = ("opsgenie-webhook", 1, "2017-11-16T09:47:21.455Z", null),
        ["pagerduty/go-test-fixture_incident_log_entries_full_lifecycle.json"] = ("pagerduty-log-entries", 12, "2013-03-06T20:28:46Z", null),
        ["pagerduty/openapi_example_GET_incidents.json"] = ("pagerduty-incidents", 2, "2015-10-06T21:30:42Z", null),
        ["pagerduty/openapi_example_GET_incidents_id.json"] = ("pagerduty-incidents", 2, "2015-10-06T21:30:42Z", null),
        ["pagerduty/openapi_example_GET_incidents_id_log_entries.json"] = ("pagerduty-log-entries", 1, "2015-11-07T00:14:20Z", null),
        ["slack/slack-export-viewer_testarchive.zip"] = ("slack-export", 147, "2016-01-15T05:55:52.000006Z", null),
        ["slack/slackdump_bot_message_edited.json"] = ("slack-messages", 1, "2023-02-22T01:33:51.029259Z", null),
        ["slack/slackdump_chan1_thread.json"] = ("slack-messages", 2, "2025-01-11T00:19:06.482349Z", null),
        ["zendesk/derived_decoded/zenpy_betamax_TestTicketAudits.test_values_interaction0.json"] = ("zendesk-audits", 90, "2023-09-09T23:52:05Z", null),
        ["zendesk/derived_decoded/zenpy_betamax_TestTicketAudits.test_values_interaction2.json"] = ("zendesk-audits", 1, "2023-09-09T23:52:05Z", null),
        ["zendesk/derived_decoded/zenpy_betamax_TestTicketsPagination.test_values_interaction2.json"] = ("zendesk-tickets", 91, "2023-09-09T23:52:05Z", null),
        ["zendesk/derived_decoded/zenpy_betamax_TestTicketsPagination.test_values_interaction4.json"] = ("zendesk-tickets", 1, "2023-09-09T23:52:05Z", null),
        ["zendesk/derived_decoded/zenpy_betamax_TestTicketsPagination.test_values_interaction5.json"] = ("zendesk-tickets", 91, "2023-09-09T23:52:05Z", null),
        ["zendesk/zenpy_spec_ticket.json"] = ("zendesk-tickets", 1, "2015-07-25T02:21:13Z", null),
        ["zendesk/zenpy_spec_audit.json"] = ("zendesk-audits", 1, "2015-08-29T03:45:36Z", null),
        ["teams/msgraph-docs_chat-list-messages_example1_response.json"] = ("teams-messages", 1, "2021-03-28T20:48:29.832Z", null),
    };

    /// <summary>The samples folder; the test is Skipped (not Passed) without it, and fails in CI.</summary>
    private static string SamplesRoot => TestEnvironment.Required(Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "samples")), Directory.Exists,
        "../shared/samples is not beside the repository: conformance not checked on this machine");

    [Fact]
    public void Every_sample_is_read_with_its_real_instants_or_refused_with_a_diagnostic()
    {
        var root = SamplesRoot;

        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 80, $"only {files.Count} sample files found");
        foreach (var file in files)
        {
            var result = Read(Path.Combine(root, file), Everything); // a crash fails the test here
            if (Expected.TryGetValue(file, out var expected))
            {
                if (expected.Code is { } code)
                {
                    Assert.True(result.Diagnostics.Any(d => d.Code == code && d.Severity == Postmortem.Diagnostics.DiagnosticSeverity.Error), $"{file}: expected {code}, got {Describe(result)}");
                    Assert.Empty(result.Events);
                }
                else
                {
                    Assert.False(result.HasErrors, $"{file}: {Describe(result)}");
                    Assert.Equal((file, expected.Format, expected.Events), (file, result.Format, result.Events.Count));
                    Assert.Equal((file, At(expected.First!)), (file, result.Events.Min(e => e.Time)));
                    Assert.All(result.Events, e => Assert.False(string.IsNullOrWhiteSpace(e.Text), $"{file}: an event without text"));
                }
            }
            else if (Regex.IsMatch(file, @"^slack/[^/]+/[^/]+/\d{4}-\d{2}-\d{2}\.json$"))
            {
                // A channel day file read on its own: messages timed by ts, whatever the file's date.
                Assert.Equal((file, "slack-messages"), (file, result.Format));
                Assert.False(result.HasErrors, $"{file}: {Describe(result)}");
            }
            else
            {
                // Documentation, source code, specs, recorded traffic and formats we do not read: refused, with a reason.
                var d = Assert.Single(result.Diagnostics);
                Assert.True(d.Code == "PM0401", $"{file}: expected PM0401, got {d}");
                Assert.Empty(result.Events);
            }
        }
    }

    [Fact]
    public void Slack_exports_take_time_from_ts_not_from_the_day_file_name()
    {
        var root = SamplesRoot;

        // 94 of the 158 messages sit in a day file whose name is not their UTC date (the workspace's local date).
        var folder = Read(Path.Combine(root, "slack/slack-export-viewer_testarchive"), Everything);
        var zip = Read(Path.Combine(root, "slack/slack-export-viewer_testarchive.zip"), Everything);
        Assert.Equal(147, folder.Events.Count);
        Assert.Equal(folder.Events.Select(e => (e.Time, e.Text)), zip.Events.Select(e => (e.Time, e.Text)));
        var late = Assert.Single(folder.Events, e => e.WrittenTime == "1452845865.000008");
        Assert.Equal(At("2016-01-15T08:17:45.000008Z"), late.Time);
        Assert.EndsWith("enrique/2016-01-15.json", late.Provenance.File.Replace('\\', '/'));
        var evening = folder.Events.First(e => e.Provenance.File.EndsWith("2016-03-26.json", StringComparison.Ordinal) && e.Time.InUtc().Date.Day == 27);
        Assert.NotNull(evening); // filed under the 26th in Los Angeles, the 27th in UTC

        // Thread replies of slackdump's export sit in another day file than their parent; a deleted parent is dropped.
        var dump = Read(Path.Combine(root, "slack/slackdump_source_export_dir"), Everything);
        Assert.Equal("slack-export", dump.Format);
        Assert.Equal(13, dump.Events.Count); // 16 messages: 1 join and 1 tombstone dropped, 1 without text
        Assert.Contains(dump.Events, e => e.WrittenTime == "1736554838.911679");
        Assert.DoesNotContain(dump.Events, e => e.WrittenTime == "1736554828.343759");

        // users.json resolves authors and mentions.
        Assert.Contains(folder.Events, e => e.Actor is { Length: > 0 } a && !a.StartsWith('U'));
    }

    [Fact]
    public void Wrapped_samples_are_read_once_unwrapped()
    {
        var root = SamplesRoot;

        // Alertmanager webhooks posted by curl: a firing alert's future endsAt is not an event; a resolved one's is.
        var firing = Body(root, "alertmanager/alertmanager-bot_firing.sh", s => Regex.Match(s, "--data '(.*)'").Groups[1].Value);
        Assert.Equal([(At("2018-11-04T21:43:58.283995108Z"), EventKind.Alert)], firing.Events.Select(e => (e.Time, e.Kind)));
        var resolved = Body(root, "alertmanager/alertmanager-bot_resolved.sh", s => Regex.Match(s, "--data '(.*)'").Groups[1].Value);
        Assert.Equal([(At("2018-11-04T21:43:58.283995108Z"), EventKind.Alert), (At("2018-11-04T21:48:13.283995108Z"), EventKind.Mitigation)],
            resolved.Events.Select(e => (e.Time, e.Kind)).OrderBy(t => t.Time));

        // Statuspage incidents wrapped in a JS variable: 105 updates; display_at wins over created_at.
        var status = Body(root, "statuspage/ZSharpe-ManagerDashboard_status.js", s => s[s.IndexOf('{')..(s.IndexOf("var statusWindow", StringComparison.Ordinal))]);
        Assert.Equal("statuspage-incidents", status.Format);
        Assert.Equal(105, status.Events.Count);
        Assert.All(status.Events, e => Assert.Equal(EventKind.Communication, e.Kind));
        var first = status.Events.MinBy(e => e.Time)!;
        Assert.Equal((At("2017-06-11T11:55:00Z"), "UTC-05:00"), (first.Time, first.Zone));
        Assert.Contains(status.Events, e => e.Zone == "UTC-06:00");

        // Opsgenie: the alert list behind a wrapper key, and the README's raw webhook (epochs as numbers).
        var alerts = Body(root, "opsgenie/airbyte_source-opsgenie_test_stream_alert_and_recipients_excerpt.json",
            s => System.Text.Json.Nodes.JsonNode.Parse(s)!["GET https://api.opsgenie.com/v2/alerts"]!.ToJsonString());
        Assert.Equal([(At("2017-03-21T20:32:52.353Z"), EventKind.Alert), (At("2017-03-21T20:33:08.055Z"), EventKind.Page), (At("2017-03-21T20:33:52.856Z"), EventKind.Resolution)],
            alerts.Events.Select(e => (e.Time, e.Kind)));
        var relay = Body(root, "opsgenie/relay-opsgenie_README_webhook_create_example.md", s => Regex.Match(s, @"## Example Raw Data\s*```\s*(\{.*?\})\s*```", RegexOptions.Singleline).Groups[1].Value);
        Assert.Equal([(At("2020-06-30T00:06:04.295Z"), EventKind.Alert)], relay.Events.Select(e => (e.Time, e.Kind)));

        // GitHub REST lists, from the OpenAPI operation examples.
        var deployments = Body(root, "github/octokit-routes_repos_list-deployments.json", s => Example(s));
        Assert.Equal([(At("2012-07-20T01:19:13Z"), EventKind.Change)], deployments.Events.Select(e => (e.Time, e.Kind)));
        var statuses = Body(root, "github/octokit-routes_repos_list-deployment-statuses.json", s => Example(s));
        Assert.Equal([(At("2012-07-20T01:19:13Z"), EventKind.Change)], statuses.Events.Select(e => (e.Time, e.Kind)));

        // Datadog: recorded API responses (go-vcr cassettes).
        var v1 = Cassette(root, "datadog/cassette_v1_Events__Post_an_event_returns_OK_response.yaml").Single(r => r.Events.Count > 0);
        Assert.Equal(("datadog-events-v1", At("2022-01-06T00:50:51Z")), (v1.Format, v1.Events.Single().Time));
        Assert.Contains("6327818702635911562", v1.Events.Single().Provenance.RawText); // id_str, not the rounded number
        var v2 = Cassette(root, "datadog/cassette_v2_Events__Search_events_returns_OK_response_with_pagination.yaml").SelectMany(r => r.Events).Select(e => e.Time).Order();
        Assert.Equal([At("2022-06-20T17:07:17Z"), At("2022-06-20T17:07:30Z"), At("2022-06-20T17:07:32Z")], v2);
    }

    [Fact]
    public void Teams_and_Discord_chats_keep_messages_and_drop_system_events()
    {
        var root = SamplesRoot;

        // Graph's example: one text message kept; an image-only HTML body has no text; the system event (its createdDateTime
        // lacks the 'T') is noise, not a record without a time.
        var teams = Read(Path.Combine(root, "teams/msgraph-docs_chat-list-messages_example1_response.json"), Everything);
        var hello = Assert.Single(teams.Events);
        Assert.Equal(("Hello world", "Robin Kline", "Teams"), (hello.Text, hello.Actor, hello.Source));
        Assert.Equal(2, teams.Noise);
        Assert.DoesNotContain(teams.Diagnostics, d => d.Code == "PM0403");

        // DiscordChatExporter's JSON pasted into a script keeps trailing commas: refused where the first one ends its object (PM0402, line 42);
        // the same export without them gives its three messages with the offsets written.
        var strict = Body(root, "discord/dce_export_excerpt_embedded_in_js_NONSTRICT.json5", s => Regex.Replace(s, @",(\s*[}\]])", "$1"));
        Assert.Equal("discord-messages", strict.Format);
        Assert.Equal([At("2021-11-24T16:16:57.001Z"), At("2021-11-24T16:24:34.738Z"), At("2021-11-24T19:31:15.682Z")], strict.Events.Select(e => e.Time));
        Assert.Equal(["DXXL", "Dukemz", "BloodLust"], strict.Events.Select(e => e.Actor));
        var refused = Read(Path.Combine(root, "discord/dce_export_excerpt_embedded_in_js_NONSTRICT.json5"), Everything);
        var error = Assert.Single(refused.Diagnostics, d => d.Code == "PM0402");
        Assert.Equal(42, error.Line);
    }

    private static ExportResult Body(string root, string file, Func<string, string> extract) =>
        Read(Temp.File(Path.GetFileNameWithoutExtension(file) + ".json", extract(File.ReadAllText(Path.Combine(root, file)))), Everything);

    private static string Example(string operation) =>
        System.Text.Json.Nodes.JsonNode.Parse(operation)!["responses"]!["200"]!["content"]!["application/json"]!["example"]!.ToJsonString();

    private static List<ExportResult> Cassette(string root, string file)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(root, file))));
        var interactions = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["interactions"];
        return interactions.Cast<YamlMappingNode>()
            .Select(i => ((YamlMappingNode)i["response"])["body"])
            .Select(b => b is YamlMappingNode m ? ((YamlScalarNode)m["string"]).Value! : ((YamlScalarNode)b).Value!)
            .Where(body => body.TrimStart().StartsWith('{'))
            .Select(body => Read(Temp.File("body.json", body), Everything))
            .Where(r => !r.HasErrors)
            .ToList();
    }

    private static string Describe(ExportResult r) =>
        $"format {r.Format ?? "none"}, {r.Events.Count} events, diagnostics: {string.Join("; ", r.Diagnostics)}";
}
