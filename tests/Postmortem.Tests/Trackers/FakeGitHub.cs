using System.Globalization;
using System.Text.Json.Nodes;

namespace Postmortem.Tests.Trackers;

/// <summary>GitHub's issues API as documented (REST 2022-11-28): create, update, list by label with Link pagination; pull requests in the listing.</summary>
internal sealed class FakeGitHub : LoopbackTracker
{
    public const string Token = "ghp_TESTTOKENnotarealone0123456789abcdef";

    public sealed class Issue
    {
        public int Number { get; init; }

        public required string Title { get; init; }

        public required string Body { get; set; }

        public string State { get; set; } = "open";

        public string? StateReason { get; set; }

        public List<string> Labels { get; init; } = [];

        public List<string> Assignees { get; init; } = [];

        public bool IsPullRequest { get; init; }
    }

    public List<Issue> Issues { get; } = [];

    /// <summary>Items per page whatever per_page asks (small, to make pages).</summary>
    public int PageSize { get; set; } = 100;

    public IEnumerable<Issue> RealIssues => Issues.Where(i => !i.IsPullRequest);

    public Issue Add(string title, string body, params string[] labels)
    {
        lock (this)
        {
            var issue = new Issue { Number = Issues.Count + 1, Title = title, Body = body, Labels = [.. labels] };
            Issues.Add(issue);
            return issue;
        }
    }

    public Issue AddPullRequest(string body) => AddPull(body);

    protected override (int Status, string Body, (string Name, string Value)[] Headers) Answer(Received r)
    {
        Violation(r.Headers.GetValueOrDefault("Authorization") == "Bearer " + Token, $"{r.Method} {r.Path}: Authorization is not 'Bearer <token>'");
        Violation(r.Headers.GetValueOrDefault("Accept") == "application/vnd.github+json", $"{r.Method} {r.Path}: Accept is not application/vnd.github+json");
        Violation(r.Headers.GetValueOrDefault("X-GitHub-Api-Version") == "2022-11-28", $"{r.Method} {r.Path}: no X-GitHub-Api-Version");
        Violation(r.Headers.GetValueOrDefault("User-Agent") is { Length: > 0 }, $"{r.Method} {r.Path}: no User-Agent (GitHub refuses requests without one)");
        const string root = "/repos/acme/ops/issues";
        if (r.Method == "GET" && r.Path == root)
        {
            Violation(r.Query.GetValueOrDefault("state") == "all", "listing without state=all (closed issues would be missed)");
            Violation(r.Query.GetValueOrDefault("labels") == "postmortem", "listing not filtered by the marker label");
            var page = int.Parse(r.Query.GetValueOrDefault("page") ?? "1", CultureInfo.InvariantCulture);
            var all = Issues.Where(i => i.Labels.Contains("postmortem")).ToList();
            var items = all.Skip((page - 1) * PageSize).Take(PageSize).Select(Json).ToList();
            var headers = page * PageSize < all.Count
                ? new[] { ("Link", $"<{Url}{root}?state=all&labels=postmortem&per_page=100&page={page + 1}>; rel=\"next\", <{Url}{root}?state=all&labels=postmortem&per_page=100&page={(all.Count + PageSize - 1) / PageSize}>; rel=\"last\"") }
                : [];
            return (200, new JsonArray([.. items]).ToJsonString(), headers);
        }

        if (r.Method == "POST" && r.Path == root)
        {
            var body = JsonNode.Parse(r.Body)!.AsObject();
            Violation(body["title"] is JsonValue t && t.GetValue<string>().Length is > 0 and <= 256, "create without a title of 1-256 characters");
            Violation(body["body"]?.GetValue<string>().Contains("<!-- postmortem-action: act-", StringComparison.Ordinal) == true, "create without the hidden marker");
            var labels = body["labels"]?.AsArray().Select(l => l!.GetValue<string>()).ToList() ?? [];
            Violation(labels.Contains("postmortem"), "create without the marker label");
            Violation(body.All(p => p.Key is "title" or "body" or "labels" or "assignees"), "create with a key the API does not document: " + string.Join(",", body.Select(p => p.Key)));
            if (labels.Contains("no-such-label-422"))
            {
                return (422, """{"message":"Validation Failed","errors":[{"resource":"Label","code":"invalid","field":"labels"}],"documentation_url":"https://docs.github.com/rest/issues/issues#create-an-issue"}""", []);
            }

            var issue = Add(body["title"]!.GetValue<string>(), body["body"]!.GetValue<string>(), [.. labels]);
            issue.Assignees.AddRange(body["assignees"]?.AsArray().Select(a => a!.GetValue<string>()) ?? []);
            return (201, Json(issue).ToJsonString(), [("Location", $"{Url}{root}/{issue.Number}")]);
        }

        if (r.Method == "PATCH" && r.Path.StartsWith(root + "/", StringComparison.Ordinal) && int.TryParse(r.Path[(root.Length + 1)..], out var number))
        {
            var issue = Issues.FirstOrDefault(i => i.Number == number);
            if (issue is null)
            {
                return (404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest/issues/issues#update-an-issue"}""", []);
            }

            var body = JsonNode.Parse(r.Body)!.AsObject();
            var state = body["state"]?.GetValue<string>();
            var reason = body["state_reason"]?.GetValue<string>();
            Violation(state is "open" or "closed", "PATCH without state open/closed");
            Violation((state, reason) is ("closed", "completed" or "not_planned") or ("open", "reopened"), $"PATCH with state_reason '{reason}' for state '{state}'");
            issue.State = state!;
            issue.StateReason = reason;
            return (200, Json(issue).ToJsonString(), []);
        }

        Violation(false, $"unexpected request {r.Method} {r.Path}");
        return (404, """{"message":"Not Found"}""", []);
    }

    private Issue AddPull(string body)
    {
        var issue = new Issue { Number = Issues.Count + 1, Title = "A pull request", Body = body, Labels = ["postmortem"], IsPullRequest = true };
        Issues.Add(issue);
        return issue;
    }

    // The shape of the documented example response (trimmed of fields sync does not read, but with their neighbours).
    private JsonObject Json(Issue i)
    {
        var o = new JsonObject
        {
            ["id"] = 1_000_000 + i.Number,
            ["node_id"] = "MDU6SXNzdWUx",
            ["url"] = $"{Url}/repos/acme/ops/issues/{i.Number}",
            ["repository_url"] = $"{Url}/repos/acme/ops",
            ["html_url"] = $"https://github.com/acme/ops/{(i.IsPullRequest ? "pull" : "issues")}/{i.Number}",
            ["number"] = i.Number,
            ["state"] = i.State,
            ["state_reason"] = i.StateReason,
            ["title"] = i.Title,
            ["body"] = i.Body,
            ["user"] = new JsonObject { ["login"] = "octocat", ["id"] = 1, ["type"] = "User" },
            ["labels"] = new JsonArray([.. i.Labels.Select(l => (JsonNode)new JsonObject { ["id"] = 208045946, ["name"] = l, ["color"] = "f29513", ["default"] = false })]),
            ["assignees"] = new JsonArray([.. i.Assignees.Select(a => (JsonNode)new JsonObject { ["login"] = a })]),
            ["locked"] = false,
            ["comments"] = 0,
            ["created_at"] = "2024-01-15T10:00:00Z",
            ["updated_at"] = "2024-01-15T10:00:00Z",
            ["closed_at"] = i.State == "closed" ? "2024-01-20T10:00:00Z" : null,
            ["author_association"] = "COLLABORATOR",
        };
        if (i.IsPullRequest)
        {
            o["pull_request"] = new JsonObject { ["url"] = $"{Url}/repos/acme/ops/pulls/{i.Number}", ["html_url"] = $"https://github.com/acme/ops/pull/{i.Number}" };
        }

        return o;
    }
}
