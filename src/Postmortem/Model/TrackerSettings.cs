namespace Postmortem.Model;

/// <summary>The <c>tracker:</c> section of <c>.postmortem.yml</c> (docs/config.md, docs/trackers.md): where <c>sync</c> puts action items.</summary>
/// <remarks>Read by Config, used by the Trackers stage; it holds no secret (tokens come from the environment or the credentials file it names).</remarks>
public sealed record TrackerSettings
{
    /// <summary>The tracker <c>sync</c> uses without <c>--tracker</c>: <c>github</c> or <c>jira</c>; null when only one is configured.</summary>
    public string? Kind { get; init; }

    /// <summary>The web app's base URL: issue bodies link to <c>{WebBaseUrl}/{path}#{action id}</c> instead of the file path.</summary>
    public string? WebBaseUrl { get; init; }

    /// <summary>Labels put on every created issue (besides the marker label <c>postmortem</c>).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Owner (roster name, role or handle, as written in <c>owner:</c>) → tracker user (GitHub login or Jira account id).</summary>
    public IReadOnlyDictionary<string, string> Assignees { get; init; } = new Dictionary<string, string>();

    /// <summary>A file of <c>NAME=value</c> lines holding the tokens, relative to the configuration file; null to use the environment only.</summary>
    public string? CredentialsFile { get; init; }

    /// <summary>The GitHub repository, when configured.</summary>
    public GitHubTrackerSettings? GitHub { get; init; }

    /// <summary>The Jira project, when configured.</summary>
    public JiraTrackerSettings? Jira { get; init; }

    /// <summary>The folder of the configuration file that set these (credentials and relative paths resolve against it).</summary>
    public string? ConfigFolder { get; init; }

    /// <summary>The configuration file these came from, for diagnostics.</summary>
    public string? ConfigFile { get; init; }
}

/// <summary>The <c>tracker.github</c> keys.</summary>
/// <param name="Owner">The repository's owner.</param>
/// <param name="Repository">The repository's name.</param>
/// <param name="ApiUrl">The REST API root (GitHub Enterprise: <c>https://HOST/api/v3</c>).</param>
public sealed record GitHubTrackerSettings(string Owner, string Repository, string ApiUrl)
{
    /// <summary>github.com's REST API.</summary>
    public const string DefaultApiUrl = "https://api.github.com";
}

/// <summary>The <c>tracker.jira</c> keys.</summary>
/// <param name="Site">The site, e.g. <c>https://acme.atlassian.net</c>.</param>
/// <param name="Project">The project key, e.g. <c>OPS</c>.</param>
/// <param name="IssueType">The issue type created (default <c>Task</c>).</param>
public sealed record JiraTrackerSettings(string Site, string Project, string IssueType)
{
    /// <summary>Components put on every created issue.</summary>
    public IReadOnlyList<string> Components { get; init; } = [];

    /// <summary>The workflow transition (or target status) that closes an issue as done.</summary>
    public string DoneTransition { get; init; } = "Done";

    /// <summary>The transition that closes an issue as not doing.</summary>
    public string NotDoingTransition { get; init; } = "Won't Do";

    /// <summary>The transition that reopens a closed issue.</summary>
    public string ReopenTransition { get; init; } = "Reopen";

    /// <summary>Resolutions that mean "not doing" when an issue is in a done status.</summary>
    public IReadOnlyList<string> NotDoingResolutions { get; init; } = ["Won't Do", "Won't Fix", "Declined", "Duplicate", "Cannot Reproduce"];
}
