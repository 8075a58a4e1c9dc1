using Postmortem.Cli.Commands;
using Postmortem.Config;
using Postmortem.Tests.Store;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Trackers;

/// <summary><c>postmortem sync</c> from a user's seat: configuration, secrets, dry run, exit codes.</summary>
[Collection(nameof(CurrentDirectory))]
public sealed class SyncCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pm-sync-cli-").FullName;
    private readonly string before = Directory.GetCurrentDirectory();
    private readonly FakeGitHub github = new();

    public SyncCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(folder, ".git"));
        Directory.SetCurrentDirectory(folder);
        SyncCommand.HttpOptions = SyncBed.FastHttp;
        File.WriteAllText(Path.Combine(folder, "incident.yml"), Incidents.Yaml("Checkout outage", "2024-01-15", 5, actions: Incidents.Actions(
            ("Add a pool-saturation alert", "SRE", "2024-02-01", "open"), ("Write the runbook", "SRE", "2024-02-01", "open"))));
    }

    public void Dispose()
    {
        SyncCommand.HttpOptions = new();
        Environment.SetEnvironmentVariable("GITHUB_TOKEN", null);
        Directory.SetCurrentDirectory(before);
        github.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Dry_run_changes_no_byte_then_sync_links_both_actions_and_never_prints_the_token()
    {
        Config(github.Url);
        Environment.SetEnvironmentVariable("GITHUB_TOKEN", FakeGitHub.Token);
        Assert.Equal(0, CliRunner.Run("jit", ["index", "."]).ExitCode);
        var incident = File.ReadAllBytes("incident.yml");
        var index = File.ReadAllBytes(Path.Combine(".postmortem", "index.db"));

        var dry = CliRunner.Run("jit", ["sync", "--dry-run", "--verbose"]);

        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("create", dry.Stdout, StringComparison.Ordinal);
        Assert.Contains("(new id)  incident.yml:", dry.Stdout, StringComparison.Ordinal);
        Assert.Contains("Dry run (nothing changed), would", dry.Stderr, StringComparison.Ordinal);
        Assert.Equal(incident, File.ReadAllBytes("incident.yml"));
        Assert.Equal(index, File.ReadAllBytes(Path.Combine(".postmortem", "index.db")));
        Assert.Empty(github.RealIssues);

        var sync = CliRunner.Run("jit", ["sync", "--verbose", "--as-of", "2024-02-10"]);
        var again = CliRunner.Run("jit", ["sync", "--verbose"]);

        Assert.Equal(0, sync.ExitCode);
        Assert.Contains("github: POST /repos/acme/ops/issues -> 201", sync.Stderr, StringComparison.Ordinal);
        Assert.Contains("2 created", sync.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, github.RealIssues.Count());
        Assert.Equal(2, File.ReadAllLines("incident.yml").Count(l => l.StartsWith("    tracker: https://github.com/acme/ops/issues/", StringComparison.Ordinal)));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 created, 0 linked", again.Stderr, StringComparison.Ordinal);
        foreach (var output in new[] { dry.Stdout, dry.Stderr, sync.Stdout, sync.Stderr, again.Stdout, again.Stderr })
        {
            Assert.DoesNotContain(FakeGitHub.Token, output, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer", output, StringComparison.Ordinal);
        }

        Assert.Empty(github.Violations);
    }

    [Fact]
    public void A_401_is_exit_2_with_its_code_and_no_token_even_verbose()
    {
        Config(github.Url);
        Environment.SetEnvironmentVariable("GITHUB_TOKEN", FakeGitHub.Token);
        CliRunner.Run("jit", ["index", "."]);
        var incident = File.ReadAllBytes("incident.yml");
        github.Faults.Add(new Fault(_ => true, 401, """{"message":"Bad credentials"}"""));

        var run = CliRunner.Run("jit", ["sync", "--verbose"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("PM0704", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeGitHub.Token, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(incident, File.ReadAllBytes("incident.yml")); // ids were minted before the listing failed: one added line each, nothing else
        Assert.DoesNotContain("tracker:", File.ReadAllText("incident.yml"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://tracker.example.com", "GITHUB_TOKEN", "PM0703")]
    [InlineData("LOOPBACK", null, "PM0702")]
    public void Plain_http_to_a_remote_host_and_a_missing_token_are_refused_before_any_request(string url, string? variable, string code)
    {
        Config(url == "LOOPBACK" ? github.Url : url);
        if (variable is not null)
        {
            Environment.SetEnvironmentVariable(variable, FakeGitHub.Token);
        }

        var run = CliRunner.Run("jit", ["sync"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(code, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(github.Requests);
        Assert.DoesNotContain(FakeGitHub.Token, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_token_comes_from_the_credentials_file_the_config_names_and_never_from_the_incident_file()
    {
        Config(github.Url, credentials: "secrets.env");
        File.WriteAllText("secrets.env", $"# tracker tokens\nGITHUB_TOKEN={FakeGitHub.Token}\n");
        CliRunner.Run("jit", ["index", "."]);

        var run = CliRunner.Run("jit", ["sync"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, github.RealIssues.Count());
    }

    [Fact]
    public void Tracker_keys_are_read_with_their_defaults_and_a_bad_repo_is_named()
    {
        var good = ConfigFile.Read("""
            tracker:
              kind: jira
              labels: [reliability]
              assignees: { Priya: 5b10ac8d82e05b22cc7d4ef5 }
              jira: { site: https://acme.atlassian.net/, project: OPS, transitions: { notDoing: Declined } }
            """, ".postmortem.yml");
        var bad = ConfigFile.Read("tracker:\n  github: { repo: acme }\n", ".postmortem.yml");

        Assert.Empty(good.Diagnostics);
        var tracker = good.Value!.Tracker!;
        Assert.Equal("jira", tracker.Kind);
        Assert.Equal("https://acme.atlassian.net", tracker.Jira!.Site);
        Assert.Equal(("Task", "Done", "Declined"), (tracker.Jira.IssueType, tracker.Jira.DoneTransition, tracker.Jira.NotDoingTransition));
        Assert.Equal("5b10ac8d82e05b22cc7d4ef5", tracker.Assignees["priya"]);
        var error = Assert.Single(bad.Diagnostics);
        Assert.Equal(("PM0006", 2), (error.Code, error.Line));
    }

    private static void Config(string apiUrl, string? credentials = null) =>
        File.WriteAllText(ConfigFile.FileName, $"""
            tracker:
              labels: [reliability]
              {(credentials is null ? string.Empty : "credentials: " + credentials)}
              github:
                repo: acme/ops
                apiUrl: {apiUrl}
            """);
}
