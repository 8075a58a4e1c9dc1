using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Postmortem.Tests.Trackers;

/// <summary>Jira Cloud REST v3 as documented: create (ADF description), search/jql with nextPageToken, transitions; a search that lags creates.</summary>
internal sealed partial class FakeJira : LoopbackTracker
{
    public const string Email = "sre@example.com";
    public const string Token = "ATATT3xFfGF0TESTjiratokenNOTREAL42";

    public sealed class Issue
    {
        public required string Key { get; init; }

        public required string Summary { get; init; }

        public required List<string> Labels { get; init; }

        public string Category { get; set; } = "new";

        public string Status { get; set; } = "To Do";

        public string? Resolution { get; set; }

        public required JsonObject Fields { get; init; }

        /// <summary>Searches still to answer before this issue shows (eventual consistency).</summary>
        public int HiddenFor { get; set; }
    }

    public List<Issue> Issues { get; } = [];

    public int PageSize { get; set; } = 100;

    /// <summary>How many searches a new issue stays out of.</summary>
    public int SearchLag { get; set; }

    protected override (int Status, string Body, (string Name, string Value)[] Headers) Answer(Received r)
    {
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Email}:{Token}"));
        Violation(r.Headers.GetValueOrDefault("Authorization") == basic, $"{r.Method} {r.Path}: Authorization is not Basic email:token");
        Violation(r.Headers.GetValueOrDefault("Accept") == "application/json", $"{r.Method} {r.Path}: Accept is not application/json");
        if (r.Method == "POST" && r.Path == "/rest/api/3/search/jql")
        {
            var body = JsonNode.Parse(r.Body)!.AsObject();
            var jql = body["jql"]!.GetValue<string>();
            Violation(jql.Contains("project = \"OPS\"", StringComparison.Ordinal), "search not limited to the project");
            Violation(body["fields"]?.AsArray().Select(f => f!.GetValue<string>()).ToHashSet() is { } f && f.SetEquals(["labels", "status", "resolution"]), "search without the fields it reads");
            var label = LabelPattern().Match(jql).Groups[1].Value;
            var start = body["nextPageToken"] is { } token ? int.Parse(token.GetValue<string>(), CultureInfo.InvariantCulture) : 0;
            var matching = Issues.Where(i => i.Labels.Contains(label)).ToList();
            var visible = matching.Where(i => i.HiddenFor == 0).ToList();
            foreach (var issue in matching.Where(i => i.HiddenFor > 0 && start == 0))
            {
                issue.HiddenFor--;
            }

            var page = visible.Skip(start).Take(PageSize).ToList();
            var result = new JsonObject { ["issues"] = new JsonArray([.. page.Select(Json)]) };
            if (start + PageSize < visible.Count)
            {
                result["nextPageToken"] = (start + PageSize).ToString(CultureInfo.InvariantCulture);
                result["isLast"] = false;
            }
            else
            {
                result["isLast"] = true;
            }

            return (200, result.ToJsonString(), []);
        }

        if (r.Method == "POST" && r.Path == "/rest/api/3/issue")
        {
            var body = JsonNode.Parse(r.Body)!.AsObject();
            var fields = body["fields"]!.AsObject();
            Violation(fields["project"]?["key"]?.GetValue<string>() == "OPS", "create without project.key");
            Violation(fields["issuetype"]?["name"]?.GetValue<string>() == "Task", "create without issuetype.name");
            Violation(fields["summary"]?.GetValue<string>() is { Length: > 0 and <= 255 }, "create without a summary of 1-255 characters");
            Violation(fields["description"]?["type"]?.GetValue<string>() == "doc" && fields["description"]?["version"]?.GetValue<int>() == 1, "description is not an ADF doc of version 1");
            Violation(fields["description"]?["content"]?.AsArray().All(n => n!["type"]?.GetValue<string>() is "paragraph" or "bulletList") == true, "description holds a node ADF does not allow at the top");
            var labels = fields["labels"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
            Violation(labels.Contains("postmortem") && labels.Any(l => l.StartsWith("postmortem-act-", StringComparison.Ordinal)), "create without the marker labels");
            Violation(labels.All(l => !l.Contains(' ', StringComparison.Ordinal)), "a label with a space (Jira refuses it)");
            Violation(body["properties"]?[0]?["key"]?.GetValue<string>() == "postmortem", "create without the entity property");
            if (fields["assignee"] is { } assignee)
            {
                Violation(assignee["accountId"] is not null, "assignee without accountId");
            }

            var key = $"OPS-{Issues.Count + 1}";
            Issues.Add(new Issue { Key = key, Summary = fields["summary"]!.GetValue<string>(), Labels = labels, Fields = fields, HiddenFor = SearchLag });
            return (201, new JsonObject { ["id"] = (10000 + Issues.Count).ToString(CultureInfo.InvariantCulture), ["key"] = key, ["self"] = $"{Url}/rest/api/3/issue/{10000 + Issues.Count}" }.ToJsonString(), []);
        }

        var transitions = TransitionsPattern().Match(r.Path);
        if (transitions.Success && Issues.FirstOrDefault(i => i.Key == transitions.Groups[1].Value) is { } target)
        {
            var available = target.Category == "done"
                ? new[] { ("11", "Reopen", "To Do", "new") }
                : [("21", "Start Progress", "In Progress", "indeterminate"), ("31", "Done", "Done", "done"), ("41", "Won't Do", "Won't Do", "done")];
            if (r.Method == "GET")
            {
                return (200, new JsonObject
                {
                    ["expand"] = "transitions",
                    ["transitions"] = new JsonArray([.. available.Select(t => (JsonNode)new JsonObject
                    {
                        ["id"] = t.Item1, ["name"] = t.Item2, ["hasScreen"] = false, ["isGlobal"] = false, ["isInitial"] = false, ["isConditional"] = false,
                        ["to"] = new JsonObject { ["name"] = t.Item3, ["id"] = "1000" + t.Item1, ["statusCategory"] = new JsonObject { ["id"] = 3, ["key"] = t.Item4, ["name"] = t.Item3 } },
                    })]),
                }.ToJsonString(), []);
            }

            var id = JsonNode.Parse(r.Body)?["transition"]?["id"]?.GetValue<string>();
            var chosen = available.FirstOrDefault(t => t.Item1 == id);
            Violation(chosen.Item1 is not null, $"transition {id} is not available from {target.Status}");
            if (chosen.Item1 is not null)
            {
                target.Category = chosen.Item4;
                target.Status = chosen.Item3;
                target.Resolution = chosen.Item2 switch { "Done" => "Done", "Won't Do" => "Won't Do", _ => null };
            }

            return (204, string.Empty, []);
        }

        Violation(false, $"unexpected request {r.Method} {r.Path}");
        return (404, """{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}""", []);
    }

    private static JsonNode Json(Issue i) => new JsonObject
    {
        ["expand"] = "renderedFields,names,schema",
        ["id"] = i.Key.Replace("OPS-", "100", StringComparison.Ordinal),
        ["self"] = $"https://acme.atlassian.net/rest/api/3/issue/{i.Key}",
        ["key"] = i.Key,
        ["fields"] = new JsonObject
        {
            ["labels"] = new JsonArray([.. i.Labels.Select(l => (JsonNode)JsonValue.Create(l)!)]),
            ["status"] = new JsonObject { ["self"] = "https://acme.atlassian.net/rest/api/3/status/1", ["name"] = i.Status, ["id"] = "1", ["statusCategory"] = new JsonObject { ["id"] = 2, ["key"] = i.Category, ["colorName"] = "blue-gray", ["name"] = i.Status } },
            ["resolution"] = i.Resolution is null ? null : new JsonObject { ["id"] = "10000", ["name"] = i.Resolution, ["description"] = "Work has been completed on this issue." },
        },
    };

    [GeneratedRegex("labels = \"([^\"]+)\"")]
    private static partial Regex LabelPattern();

    [GeneratedRegex("^/rest/api/3/issue/([A-Z]+-[0-9]+)/transitions$")]
    private static partial Regex TransitionsPattern();
}
