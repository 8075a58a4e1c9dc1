using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Trackers;

/// <summary>
/// GitHub Issues through the REST API (docs/trackers.md). GitHub has no idempotency key, so every issue carries a hidden
/// marker with the action id in its body and the <c>postmortem</c> label; the listing by that label is what a rerun
/// reconciles against.
/// </summary>
internal sealed partial class GitHubTracker : ITracker
{
    /// <summary>The label every issue sync creates carries, and the listing filters by.</summary>
    public const string MarkerLabel = "postmortem";

    private const int MaxPages = 1000;
    private readonly TrackerHttp http;
    private readonly string repoPath;

    internal GitHubTracker(GitHubTrackerSettings settings, string token, TrackerHttpOptions options)
    {
        http = new TrackerHttp(Name, new Uri(settings.ApiUrl), new AuthenticationHeaderValue("Bearer", token), token, options,
            ("Accept", "application/vnd.github+json"), ("X-GitHub-Api-Version", "2022-11-28"));
        repoPath = $"repos/{Uri.EscapeDataString(settings.Owner)}/{Uri.EscapeDataString(settings.Repository)}/issues";
    }

    /// <inheritdoc/>
    public string Name => "github";

    /// <inheritdoc/>
    public TimeSpan ListingLag => TimeSpan.Zero;

    /// <summary>The hidden marker in an issue body that names its action.</summary>
    public static string Marker(string actionId) => $"<!-- postmortem-action: {actionId} -->";

    /// <inheritdoc/>
    public async Task<Result<IReadOnlyList<RemoteIssue>>> ListAsync(CancellationToken cancellation)
    {
        var issues = new List<RemoteIssue>();
        string? next = $"{repoPath}?state=all&labels={MarkerLabel}&per_page=100";
        for (var page = 0; next is not null && page < MaxPages; page++)
        {
            var response = await http.SendAsync(HttpMethod.Get, next, null, cancellation).ConfigureAwait(false);
            if (!response.TryGetValue(out var ok))
            {
                return new(null, response.Diagnostics);
            }

            var parsed = http.Parse(ok, GitHubJson.Default.GitHubIssueArray, $"GET /{repoPath}");
            if (!parsed.TryGetValue(out var items))
            {
                return new(null, parsed.Diagnostics);
            }

            // The issues listing includes pull requests; a pull request is never an action's issue.
            issues.AddRange(items.Where(i => i.PullRequest is null or { ValueKind: JsonValueKind.Null }).Select(ToRemote).OfType<RemoteIssue>());
            next = ok.NextLink;
        }

        return new(issues, []);
    }

    /// <inheritdoc/>
    /// <remarks>The listing is consistent right after a create, so there is nothing more to ask.</remarks>
    public Task<Result<RemoteIssue>> FindAsync(string actionId, CancellationToken cancellation) => Task.FromResult(new Result<RemoteIssue>(null, []));

    /// <inheritdoc/>
    public async Task<Result<RemoteIssue>> CreateAsync(IssueDraft draft, CancellationToken cancellation)
    {
        var labels = new List<string> { MarkerLabel };
        labels.AddRange(draft.Labels.Where(l => !labels.Contains(l, StringComparer.OrdinalIgnoreCase)));
        var body = new GitHubNewIssue(Cut(draft.Title, 256), Body(draft), labels, draft.Assignee is { } login ? [login] : null);
        return await SendIssueAsync(HttpMethod.Post, repoPath, JsonSerializer.Serialize(body, GitHubJson.Default.GitHubNewIssue), draft.ActionId, cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<Result<RemoteIssue>> SetStateAsync(RemoteIssue issue, string state, CancellationToken cancellation)
    {
        var change = state switch
        {
            ActionStatus.Done => new GitHubStateChange("closed", "completed"),
            ActionStatus.NotDoing => new GitHubStateChange("closed", "not_planned"),
            _ => new GitHubStateChange("open", "reopened"),
        };
        return await SendIssueAsync(HttpMethod.Patch, $"{repoPath}/{issue.ApiId}", JsonSerializer.Serialize(change, GitHubJson.Default.GitHubStateChange), issue.ActionId, cancellation)
            .ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose() => http.Dispose();

    /// <summary>The issue body: where the action comes from, its fields, and the marker (Markdown).</summary>
    internal static string Body(IssueDraft draft)
    {
        var text = new StringBuilder();
        text.Append("Action item from the postmortem **").Append(draft.PostmortemTitle).Append("**: ").Append(draft.PostmortemLink).Append("\n\n");
        text.Append("| | |\n|---|---|\n");
        foreach (var (label, value) in draft.Fields)
        {
            text.Append("| ").Append(label).Append(" | ").Append(value.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }

        text.Append("\nKept in step by `postmortem sync`: close this issue as completed or as not planned and the postmortem follows.\n\n");
        text.Append(Marker(draft.ActionId)).Append('\n');
        return text.ToString();
    }

    internal static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private async Task<Result<RemoteIssue>> SendIssueAsync(HttpMethod method, string path, string json, string actionId, CancellationToken cancellation)
    {
        var response = await http.SendAsync(method, path, json, cancellation).ConfigureAwait(false);
        if (!response.TryGetValue(out var ok))
        {
            return new(null, response.Diagnostics);
        }

        var parsed = http.Parse(ok, GitHubJson.Default.GitHubIssue, $"{method} /{path}");
        if (!parsed.TryGetValue(out var issue))
        {
            return new(null, parsed.Diagnostics);
        }

        return ToRemote(issue) is { } remote && remote.ActionId == actionId
            ? new(remote, [])
            : TrackerHttp.Fail<RemoteIssue>(DiagnosticCatalog.TrackerBadResponse(Name, $"{method} /{path}", "the issue returned lacks its number, URL or this action's marker"));
    }

    private static RemoteIssue? ToRemote(GitHubIssue issue)
    {
        if (issue.Number <= 0 || issue.HtmlUrl is null || issue.Body is null || MarkerPattern().Match(issue.Body) is not { Success: true } marker)
        {
            return null;
        }

        var state = issue.State == "closed"
            ? issue.StateReason is "not_planned" or "duplicate" ? ActionStatus.NotDoing : ActionStatus.Done
            : ActionStatus.Open;
        var number = issue.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new RemoteIssue(marker.Groups[1].Value, "#" + number, issue.HtmlUrl, state, number);
    }

    [GeneratedRegex(@"<!-- postmortem-action: (act-[0-9a-z]{8}) -->")]
    private static partial Regex MarkerPattern();
}
