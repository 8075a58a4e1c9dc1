using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Trackers;

/// <summary>
/// Jira Cloud through REST v3 (docs/trackers.md): descriptions in Atlassian Document Format, states moved by the
/// workflow's transitions looked up by name, issues found by JQL on the marker labels (<c>postmortem</c> and
/// <c>postmortem-ACTION-ID</c>, with the action id also kept as the entity property <c>postmortem</c>).
/// </summary>
internal sealed class JiraTracker : ITracker
{
    /// <summary>The label on every issue sync creates.</summary>
    public const string MarkerLabel = "postmortem";

    private const int MaxPages = 1000;
    private static readonly string[] SearchFields = ["labels", "status", "resolution"];
    private readonly TrackerHttp http;
    private readonly JiraTrackerSettings settings;

    internal JiraTracker(JiraTrackerSettings settings, string email, string token, TrackerHttpOptions options, TimeSpan listingLag)
    {
        this.settings = settings;
        ListingLag = listingLag;
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{token}"));
        http = new TrackerHttp(Name, new Uri(settings.Site), new AuthenticationHeaderValue("Basic", basic), token, options, ("Accept", "application/json"));
    }

    /// <inheritdoc/>
    public string Name => "jira";

    /// <inheritdoc/>
    /// <remarks>Jira's search is eventually consistent: an issue created a moment ago may be missing from it.</remarks>
    public TimeSpan ListingLag { get; }

    /// <summary>The label that names one action.</summary>
    public static string ActionLabel(string actionId) => $"{MarkerLabel}-{actionId}";

    /// <inheritdoc/>
    public Task<Result<IReadOnlyList<RemoteIssue>>> ListAsync(CancellationToken cancellation) =>
        SearchAsync($"project = \"{Escape(settings.Project)}\" AND labels = \"{MarkerLabel}\" ORDER BY created ASC", cancellation);

    /// <inheritdoc/>
    public async Task<Result<RemoteIssue>> FindAsync(string actionId, CancellationToken cancellation)
    {
        var found = await SearchAsync($"project = \"{Escape(settings.Project)}\" AND labels = \"{ActionLabel(actionId)}\"", cancellation).ConfigureAwait(false);
        return found.TryGetValue(out var issues) ? new(issues.FirstOrDefault(i => i.ActionId == actionId), []) : new(null, found.Diagnostics);
    }

    /// <inheritdoc/>
    public async Task<Result<RemoteIssue>> CreateAsync(IssueDraft draft, CancellationToken cancellation)
    {
        var labels = new List<string> { MarkerLabel, ActionLabel(draft.ActionId) };
        labels.AddRange(draft.Labels.Select(l => l.Replace(' ', '-')).Where(l => !labels.Contains(l, StringComparer.OrdinalIgnoreCase)));
        var fields = new JiraNewFields(new JiraKey(settings.Project), GitHubTracker.Cut(draft.Title, 255), new JiraName(settings.IssueType), Description(draft), labels)
        {
            Components = settings.Components.Count == 0 ? null : [.. settings.Components.Select(c => new JiraName(c))],
            DueDate = draft.Due,
            Assignee = draft.Assignee is { } id ? new JiraAccount(id) : null,
        };
        var body = JsonSerializer.Serialize(new JiraNewIssue(fields, [new JiraProperty(MarkerLabel, new JiraMarker(draft.ActionId))]), JiraJson.Default.JiraNewIssue);
        const string path = "rest/api/3/issue";
        var response = await http.SendAsync(HttpMethod.Post, path, body, cancellation).ConfigureAwait(false);
        if (!response.TryGetValue(out var ok))
        {
            return new(null, response.Diagnostics);
        }

        var created = http.Parse(ok, JiraJson.Default.JiraCreated, "POST /" + path);
        if (!created.TryGetValue(out var issue))
        {
            return new(null, created.Diagnostics);
        }

        return issue.Key is { Length: > 0 } key
            ? new(new RemoteIssue(draft.ActionId, key, BrowseUrl(key), ActionStatus.Open, key), [])
            : TrackerHttp.Fail<RemoteIssue>(DiagnosticCatalog.TrackerBadResponse(Name, "POST /" + path, "the answer has no issue key"));
    }

    /// <inheritdoc/>
    public async Task<Result<RemoteIssue>> SetStateAsync(RemoteIssue issue, string state, CancellationToken cancellation)
    {
        var wanted = state switch
        {
            ActionStatus.Done => settings.DoneTransition,
            ActionStatus.NotDoing => settings.NotDoingTransition,
            _ => settings.ReopenTransition,
        };
        var path = $"rest/api/3/issue/{Uri.EscapeDataString(issue.ApiId)}/transitions";
        var response = await http.SendAsync(HttpMethod.Get, path, null, cancellation).ConfigureAwait(false);
        if (!response.TryGetValue(out var ok))
        {
            return new(null, response.Diagnostics);
        }

        var parsed = http.Parse(ok, JiraJson.Default.JiraTransitions, "GET /" + path);
        if (!parsed.TryGetValue(out var list))
        {
            return new(null, parsed.Diagnostics);
        }

        // By the transition's name, else by the name of the status it leads to: workflows name either.
        var transitions = list.Transitions ?? [];
        var match = transitions.FirstOrDefault(t => string.Equals(t.Name, wanted, StringComparison.OrdinalIgnoreCase))
            ?? transitions.FirstOrDefault(t => string.Equals(t.To?.Name, wanted, StringComparison.OrdinalIgnoreCase));
        if (match?.Id is not { } id)
        {
            var available = string.Join(", ", transitions.Select(t => $"'{t.Name}'"));
            return TrackerHttp.Fail<RemoteIssue>(DiagnosticCatalog.JiraTransitionMissing(issue.Key, wanted, available.Length == 0 ? "none" : available));
        }

        var done = await http.SendAsync(HttpMethod.Post, path, JsonSerializer.Serialize(new JiraDoTransition(new JiraId(id)), JiraJson.Default.JiraDoTransition), cancellation)
            .ConfigureAwait(false);
        return done.Success ? new(issue with { State = state }, []) : new(null, done.Diagnostics);
    }

    /// <inheritdoc/>
    public void Dispose() => http.Dispose();

    /// <summary>The issue description in Atlassian Document Format.</summary>
    internal static AdfNode Description(IssueDraft draft)
    {
        static AdfNode Text(string text, params AdfMark[] marks) => new("text") { Text = text, Marks = marks.Length == 0 ? null : marks };
        static AdfNode Paragraph(params AdfNode[] content) => new("paragraph") { Content = content };

        var link = Uri.TryCreate(draft.PostmortemLink, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? Text(draft.PostmortemLink, new AdfMark("link", new AdfLink(draft.PostmortemLink)))
            : Text(draft.PostmortemLink, new AdfMark("code"));
        var items = draft.Fields.Select(f => new AdfNode("listItem") { Content = [Paragraph(Text(f.Label + ": ", new AdfMark("strong")), Text(f.Value))] }).ToList();
        var content = new List<AdfNode>
        {
            Paragraph(Text("Action item from the postmortem "), Text(draft.PostmortemTitle, new AdfMark("strong")), Text(": "), link),
        };
        if (items.Count > 0)
        {
            content.Add(new AdfNode("bulletList") { Content = items });
        }

        content.Add(Paragraph(Text("Kept in step by postmortem sync (action "), Text(draft.ActionId, new AdfMark("code")),
            Text("): move this issue to Done, or resolve it as Won't Do, and the postmortem follows.")));
        return new AdfNode("doc") { Version = 1, Content = content };
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private string BrowseUrl(string key) => $"{settings.Site}/browse/{key}";

    private async Task<Result<IReadOnlyList<RemoteIssue>>> SearchAsync(string jql, CancellationToken cancellation)
    {
        const string path = "rest/api/3/search/jql";
        var issues = new List<RemoteIssue>();
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var body = JsonSerializer.Serialize(new JiraSearch(jql, SearchFields, 100) { NextPageToken = token }, JiraJson.Default.JiraSearch);
            var response = await http.SendAsync(HttpMethod.Post, path, body, cancellation, read: true).ConfigureAwait(false);
            if (!response.TryGetValue(out var ok))
            {
                return new(null, response.Diagnostics);
            }

            var parsed = http.Parse(ok, JiraJson.Default.JiraSearchPage, "POST /" + path);
            if (!parsed.TryGetValue(out var result) || result.Issues is null)
            {
                return new(null, parsed.Value is null ? parsed.Diagnostics : [DiagnosticCatalog.TrackerBadResponse(Name, "POST /" + path, "no 'issues' list")]);
            }

            issues.AddRange(result.Issues.Select(ToRemote).OfType<RemoteIssue>());
            token = result.NextPageToken;
            if (result.IsLast == true || token is null)
            {
                break;
            }
        }

        return new(issues, []);
    }

    private RemoteIssue? ToRemote(JiraIssue issue)
    {
        var label = issue.Fields?.Labels?.FirstOrDefault(l => l.StartsWith(MarkerLabel + "-" + ActionId.Prefix, StringComparison.Ordinal));
        var actionId = label?[(MarkerLabel.Length + 1)..];
        if (issue.Key is not { Length: > 0 } key || actionId is null || !ActionId.IsMinted(actionId))
        {
            return null;
        }

        var state = issue.Fields?.Status?.StatusCategory?.Key == "done"
            ? settings.NotDoingResolutions.Contains(issue.Fields.Resolution?.Name ?? string.Empty, StringComparer.OrdinalIgnoreCase) ? ActionStatus.NotDoing : ActionStatus.Done
            : ActionStatus.Open;
        return new RemoteIssue(actionId, key, BrowseUrl(key), state, key);
    }
}
