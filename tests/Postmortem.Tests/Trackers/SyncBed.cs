using System.Globalization;
using Postmortem.Model;
using Postmortem.Store;
using Postmortem.Tests.Store;
using Postmortem.Trackers;
using Postmortem.Editing;

namespace Postmortem.Tests.Trackers;

/// <summary>A folder of postmortems, its index, and a tracker on loopback: what one sync test needs.</summary>
internal sealed class SyncBed : IDisposable
{
    private readonly StoreFixture store;

    public SyncBed(string kind = "sqlite")
    {
        store = new StoreFixture(kind);
        Session = store.Open();
    }

    public string Folder => store.Folder;

    public StoreSession Session { get; private set; }

    public static TrackerHttpOptions FastHttp { get; } = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(3),
        MaxRetries = 2,
        BaseDelay = TimeSpan.FromMilliseconds(20),
        MaxWait = TimeSpan.FromSeconds(5),
        WritePace = TimeSpan.Zero,
        SearchLag = TimeSpan.Zero,
    };

    /// <summary>Writes <paramref name="files"/> postmortems with <paramref name="actionsEach"/> open actions each (without ids), and indexes them.</summary>
    public void Postmortems(int files, int actionsEach, string status = "open")
    {
        for (var f = 0; f < files; f++)
        {
            var actions = Enumerable.Range(1, actionsEach)
                .Select(a => ($"Add an alert for case {f}-{a}", "SRE", "2024-02-01", status)).ToArray();
            Write($"incidents/pm-{f:000}.yml", Incidents.Yaml($"Checkout outage {f}", "2024-01-15", 5, "SEV-2", Incidents.Actions(actions)));
        }

        Index();
    }

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Index() => PostmortemIndex.Update(Session, Folder, [Folder], global::Postmortem.Postmortems.IndexRead, TimeProvider.System);

    public string[] Files() => [.. Directory.GetFiles(Path.Combine(Folder, "incidents"), "*.yml").Order(StringComparer.Ordinal)];

    /// <summary>Every file's bytes and the index's action rows and sync rows, to compare before and after.</summary>
    public string Snapshot()
    {
        var files = string.Join("\n", Files().Select(f => f + "\n" + File.ReadAllText(f)));
        var actions = string.Join("\n", SyncStates.Actions(Session).Select(a => a.ToString()));
        var sync = string.Join("\n", TrackerNames.SelectMany(t => SyncStates.Load(Session, t).Values).OrderBy(s => s.ActionId, StringComparer.Ordinal).Select(s => s.ToString()));
        return files + "\n--\n" + actions + "\n--\n" + sync;
    }

    public int Links() => Files().Sum(f => File.ReadAllLines(f).Count(l => l.StartsWith("    tracker: ", StringComparison.Ordinal)));

    public IReadOnlyList<SyncAction> Actions() => SyncStates.Actions(Session);

    public static TrackerSettings GitHubSettings(string url) => new()
    {
        Labels = ["reliability"],
        Assignees = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["SRE"] = "octocat" },
        GitHub = new GitHubTrackerSettings("acme", "ops", url),
        ConfigFile = ".postmortem.yml",
    };

    public static TrackerSettings JiraSettings(string url) => new()
    {
        Labels = ["reliability"],
        Assignees = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["SRE"] = "5b10ac8d82e05b22cc7d4ef5" },
        Jira = new JiraTrackerSettings(url, "OPS", "Task") { Components = ["Platform"] },
        ConfigFile = ".postmortem.yml",
    };

    public ITracker GitHub(FakeGitHub server, TrackerHttpOptions? http = null) =>
        TrackerFactory.Create(GitHubSettings(server.Url), null, v => v == "GITHUB_TOKEN" ? FakeGitHub.Token : null, http ?? FastHttp).Value!;

    public ITracker Jira(FakeJira server, TrackerHttpOptions? http = null) =>
        TrackerFactory.Create(JiraSettings(server.Url), null, v => v switch { "JIRA_EMAIL" => FakeJira.Email, "JIRA_API_TOKEN" => FakeJira.Token, _ => null }, http ?? FastHttp).Value!;

    public Task<SyncReport> SyncAsync(ITracker tracker, bool dryRun = false, Action<SyncItem>? onStep = null, CancellationTokenSource? kill = null) =>
        SyncEngine.RunAsync(new SyncRequest
        {
            Session = Session,
            BaseDirectory = Folder,
            Tracker = tracker,
            Settings = tracker.Name == "github" ? GitHubSettings("https://unused.example") : JiraSettings("https://unused.example"),
            FindEditor = SourceEditors.For,
            Reindex = files =>
            {
                PostmortemIndex.Update(Session, Folder, files, global::Postmortem.Postmortems.IndexRead, TimeProvider.System);
                return [];
            },
            DryRun = dryRun,
            AsOf = new NodaTime.LocalDate(2024, 2, 10),
            OnStep = onStep,
        }, kill?.Token ?? TestContext.Current.CancellationToken);

    /// <summary>Sets an action's status in its file by hand (what a person, or 'actions set', does) and re-indexes.</summary>
    /// <summary>Runs a sync that is killed between two steps at a random one of the first <paramref name="steps"/> (the cancellation stops the run where it is, as a kill would), then a full rerun; returns the rerun's report.</summary>
    public async Task<SyncReport> KillAtRandomStepAndRerunAsync(ITracker tracker, int steps)
    {
        var killAt = Random.Shared.Next(1, steps);
        using var kill = new CancellationTokenSource();
        var done = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SyncAsync(tracker, onStep: _ =>
        {
            if (++done == killAt)
            {
                kill.Cancel();
            }
        }, kill: kill));
        return await SyncAsync(tracker);
    }

    public void SetStatus(string actionId, string status)
    {
        var action = Actions().Single(a => a.Action.Id == actionId).Action;
        var path = Path.Combine(Folder, action.Path);
        var edited = new YamlSourceEditor().SetActionField(File.ReadAllText(path), path, actionId, Postmortem.Editing.ActionField.Status, status);
        File.WriteAllText(path, edited.Value!.Text);
        Index();
    }

    public void Dispose()
    {
        Session.Dispose();
        store.Dispose();
    }

    private static readonly string[] TrackerNames = ["github", "jira"];

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
