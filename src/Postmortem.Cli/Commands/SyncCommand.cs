using System.CommandLine;
using NodaTime;
using Postmortem.Config;
using Postmortem.Diagnostics;
using Postmortem.Editing;
using Postmortem.Store;
using Postmortem.Trackers;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem sync</c>: action items to and from GitHub Issues or Jira, over the index (docs/trackers.md).</summary>
internal static class SyncCommand
{
    /// <summary>The editor of a postmortem file by path and text: the library's, one per source format.</summary>
    internal static Func<string, string, ISourceEditor?> FindEditor { get; set; } = SourceEditors.For;

    /// <summary>Retries, time-outs and pacing (tests shorten them).</summary>
    internal static TrackerHttpOptions HttpOptions { get; set; } = new();

    public static Command Create(CliConsole console, IClock clock)
    {
        var tracker = new Option<string?>("--tracker") { Description = "github or jira (default: tracker.kind in .postmortem.yml, or the one configured)" }.AcceptingOnly([.. TrackerFactory.Names]);
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan (create / link / update / pull / conflict per action) and change nothing: no file, no index, no issue" };
        var asOf = OptionValues.Date("--as-of", "The day the sync counts as (overdue marks in new issues); default today", "2024-01-15");
        var verbose = new Option<bool>("--verbose") { Description = "Print each request (method, path, status, time) and retry; never a header or token" };
        var store = StoreOptions.Store();
        var command = new Command("sync", "Create a tracker issue for every open action without one, link it back into the postmortem, and carry status both ways (run 'postmortem index' first; exit 1 on conflicts)")
        {
            tracker, dryRun, asOf, verbose, store,
        };
        command.SetAction(p => Run(console, clock, p.GetValue(tracker), p.GetValue(dryRun), p.GetValue(asOf), p.GetValue(verbose), p.GetValue(store)));
        return command;
    }

    private static int Run(CliConsole console, IClock clock, string? trackerName, bool dryRun, LocalDate? asOf, bool verbose, string? storeValue)
    {
        var configFile = ConfigFile.Find(Directory.GetCurrentDirectory());
        var config = configFile is null ? null : ConfigFile.ReadFile(configFile);
        if (config is { HasErrors: true })
        {
            DiagnosticPrinter.Print(config.Diagnostics, console);
            return ExitCodes.InputError;
        }

        var options = HttpOptions with { Log = verbose ? line => console.Error.WriteLine(line) : null };
        var made = TrackerFactory.Create(config?.Value?.Tracker, trackerName, Environment.GetEnvironmentVariable, options);
        if (!made.TryGetValue(out var chosen))
        {
            DiagnosticPrinter.Print(made.Diagnostics, console);
            return ExitCodes.InputError;
        }

        using var disposeTracker = chosen;
        var baseDirectory = StoreOptions.BaseDirectory();
        using var session = StoreOptions.Open(console, storeValue, baseDirectory);
        if (session is null)
        {
            return ExitCodes.InputError;
        }

        var request = new SyncRequest
        {
            Session = session,
            BaseDirectory = baseDirectory,
            Tracker = chosen,
            Settings = config!.Value!.Tracker!,
            FindEditor = FindEditor,
            Reindex = files => Reindex(session, baseDirectory, files),
            DryRun = dryRun,
            AsOf = asOf ?? clock.GetCurrentInstant().InUtc().Date,
            Clock = clock,
            OnStep = verbose ? item => console.Error.WriteLine("done: " + item) : null,
        };

        SyncReport report;
        try
        {
            report = SyncEngine.RunAsync(request).GetAwaiter().GetResult();
        }
        catch (Exception e) when (StoreOptions.IsStoreFailure(e))
        {
            DiagnosticPrinter.Print([DiagnosticCatalog.StoreUnavailable(storeValue ?? StoreLocation.DefaultFile, e.Message)], console);
            return ExitCodes.InputError;
        }

        foreach (var item in dryRun ? report.Plan : report.Done)
        {
            console.Out.WriteLine(item.ToString());
        }

        DiagnosticPrinter.Print(report.Diagnostics, console);
        var counts = (dryRun ? report.Plan : report.Done).Concat(report.Plan.Where(i => i.Step is SyncStep.Conflict or SyncStep.Missing)).Distinct().GroupBy(i => i.Step).ToDictionary(g => g.Key, g => g.Count());
        int Count(SyncStep step) => counts.GetValueOrDefault(step);
        console.Error.WriteLine(
            $"{(dryRun ? "Dry run (nothing changed), would" : "Synced with")} {chosen.Name}: {Count(SyncStep.Create)} created, {Count(SyncStep.Link)} linked, {Count(SyncStep.Push)} updated, "
            + $"{Count(SyncStep.Pull)} pulled, {Count(SyncStep.Conflict)} conflicts, {Count(SyncStep.Missing)} missing."
            + (report.Stopped ? " Stopped early: what was done is kept, and a rerun continues." : string.Empty));
        return report.Stopped || DiagnosticPrinter.HasErrors(report.Diagnostics) ? ExitCodes.InputError
            : report.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning) ? ExitCodes.Findings
            : ExitCodes.Ok;
    }

    // The changed files re-read through the same pipeline as 'index' (the facade), so the index shows the new status and link.
    private static IReadOnlyList<Diagnostic> Reindex(StoreSession session, string baseDirectory, IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            return [];
        }

        var report = PostmortemIndex.Update(session, baseDirectory, files, Postmortems.IndexRead, TimeProvider.System);
        return [.. report.Diagnostics.SelectMany(f => f.Value).Where(d => d.Severity == DiagnosticSeverity.Error)];
    }
}
