using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Trackers;

/// <summary>Makes the tracker <c>.postmortem.yml</c> and <c>--tracker</c> name, with its token from the environment or the credentials file.</summary>
public static class TrackerFactory
{
    /// <summary>The trackers <c>--tracker</c> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["github", "jira"];

    /// <summary>Environment variables (and credentials-file names) of the GitHub token.</summary>
    public const string GitHubTokenVariable = "GITHUB_TOKEN";

    /// <summary>The Jira API token's variable.</summary>
    public const string JiraTokenVariable = "JIRA_API_TOKEN";

    /// <summary>The Jira account's e-mail's variable.</summary>
    public const string JiraEmailVariable = "JIRA_EMAIL";

    /// <summary>The tracker, or PM0701 (not configured), PM0702 (no token), PM0703 (not HTTPS).</summary>
    /// <param name="settings">The <c>tracker:</c> section; null when the configuration has none.</param>
    /// <param name="requested"><c>--tracker</c>, when given.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="options">Time-outs, retries, pacing.</param>
    public static Result<ITracker> Create(TrackerSettings? settings, string? requested, Func<string, string?> environment, TrackerHttpOptions options)
    {
        var where = settings?.ConfigFile ?? ".postmortem.yml";
        if (settings is null)
        {
            return Fail(DiagnosticCatalog.TrackerNotConfigured(where, "the configuration has no 'tracker:' section"));
        }

        var kind = requested ?? settings.Kind ?? (settings.GitHub is null ? settings.Jira is null ? null : "jira" : settings.Jira is null ? "github" : null);
        switch (kind)
        {
            case "github" when settings.GitHub is { } github:
            {
                if (Insecure(github.ApiUrl) is { } bad)
                {
                    return Fail(DiagnosticCatalog.TrackerInsecureUrl(where, bad));
                }

                var secrets = Credentials(settings, environment, GitHubTokenVariable);
                return secrets.Value is { } values && values.TryGetValue(GitHubTokenVariable, out var token)
                    ? new(new GitHubTracker(github, token, options), [])
                    : Fail(secrets.Diagnostics.FirstOrDefault() ?? DiagnosticCatalog.TrackerCredentialsMissing("github", GitHubTokenVariable));
            }

            case "jira" when settings.Jira is { } jira:
            {
                if (Insecure(jira.Site) is { } bad)
                {
                    return Fail(DiagnosticCatalog.TrackerInsecureUrl(where, bad));
                }

                var secrets = Credentials(settings, environment, JiraEmailVariable, JiraTokenVariable);
                return secrets.Value is { } values && values.TryGetValue(JiraEmailVariable, out var email) && values.TryGetValue(JiraTokenVariable, out var token)
                    ? new(new JiraTracker(jira, email, token, options, options.SearchLag), [])
                    : Fail(secrets.Diagnostics.FirstOrDefault() ?? DiagnosticCatalog.TrackerCredentialsMissing("jira", $"{JiraEmailVariable} and {JiraTokenVariable}"));
            }

            case null:
                return Fail(DiagnosticCatalog.TrackerNotConfigured(where, "both github and jira are configured: choose one with 'tracker.kind' or --tracker"));

            default:
                return Fail(DiagnosticCatalog.TrackerNotConfigured(where, $"'tracker.{kind}' is not configured"));
        }
    }

    /// <summary>Null when <paramref name="url"/> is an absolute https URL, or http to loopback; else the URL.</summary>
    public static string? Insecure(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)) ? null : url;

    private static Result<ITracker> Fail(Diagnostic diagnostic) => new(null, [diagnostic]);

    // The environment first, then the credentials file; values are never put into a diagnostic.
    private static Result<Dictionary<string, string>> Credentials(TrackerSettings settings, Func<string, string?> environment, params string[] names)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (environment(name) is { Length: > 0 } value)
            {
                values[name] = value.Trim();
            }
        }

        if (values.Count == names.Length || settings.CredentialsFile is null)
        {
            return new(values, []);
        }

        var path = Path.GetFullPath(settings.CredentialsFile, settings.ConfigFolder ?? Directory.GetCurrentDirectory());
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new(null, [DiagnosticCatalog.TrackerNotConfigured(settings.ConfigFile ?? path, $"the credentials file '{path}' cannot be read ({(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.GetType().Name)})")]);
        }

        foreach (var line in lines)
        {
            var equals = line.IndexOf('=');
            if (equals > 0 && !line.TrimStart().StartsWith('#') && names.Contains(line[..equals].Trim()) && !values.ContainsKey(line[..equals].Trim()))
            {
                var value = line[(equals + 1)..].Trim().Trim('"');
                if (value.Length > 0)
                {
                    values[line[..equals].Trim()] = value;
                }
            }
        }

        return new(values, []);
    }
}
