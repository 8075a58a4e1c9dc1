using System.Diagnostics;
using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using Postmortem.Analysis;
using Postmortem.Store;

namespace Postmortem.Bench;

/// <summary>
/// Issue 10's store targets, each against a baseline in the same process: index vs read+analyse, re-index after one
/// change vs the full index, stats and actions --overdue from the index vs the same answer computed from the files.
/// </summary>
internal static class StoreBench
{
    private static readonly LocalDate AsOf = new(2025, 1, 1);

    private static bool QueriesOnly { get; set; }

    /// <summary>
    /// Runs every case on <paramref name="count"/> generated files; <paramref name="rounds"/> full indexes and baselines are
    /// alternated (2 by default; 1 for the 100,000-file run, where one pass takes minutes).
    /// </summary>
    /// <remarks>
    /// With <paramref name="queriesOnly"/> (<c>--store-queries</c>), one index and no read+analyse pass beside it, no
    /// re-index: only stats and <c>actions --overdue</c> against the scan of the files (the issue's 100,000-postmortem size
    /// in a third fewer passes).
    /// </remarks>
    public static void Run(string root, int count, int rounds, string? postgres, bool queriesOnly = false)
    {
        QueriesOnly = queriesOnly;
        var folder = Path.Combine(Path.GetTempPath(), $"pm-storebench-v2-{count}");
        var files = StoreGenerator.Ensure(root, folder, count);
        Console.WriteLine($"store: {files.Count} postmortems under {folder}/pm ({files.Sum(f => new FileInfo(f).Length) / 1048576.0:F1} MB; YAML with events:, notes:, notesFiles:, and Markdown records)");

        // Warm-up: tiered compilation and the analysis' caches, on a few files.
        foreach (var file in files.Take(200))
        {
            Read(file);
        }

        Measure(StoreKind.Sqlite, folder, files, rounds, () => new StoreLocation(StoreKind.Sqlite, Path.Combine(folder, $"index-{Guid.NewGuid():N}.db"), "bench"), static location =>
        {
            foreach (var file in new[] { location.Target, location.Target + "-wal", location.Target + "-shm" }.Where(File.Exists))
            {
                File.Delete(file);
            }
        });
        if (postgres is { Length: > 0 })
        {
            var schema = $"bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
            Sql(postgres, $"CREATE SCHEMA {schema}");
            try
            {
                var fresh = 0;
                Measure(StoreKind.Postgres, folder, files, rounds, () =>
                {
                    var name = $"{schema}_{fresh++}";
                    Sql(postgres, $"CREATE SCHEMA {name}");
                    return new StoreLocation(StoreKind.Postgres, new NpgsqlConnectionStringBuilder(postgres) { SearchPath = name }.ConnectionString, "bench");
                }, location => Sql(postgres, $"DROP SCHEMA {new NpgsqlConnectionStringBuilder(location.Target).SearchPath} CASCADE"));
            }
            finally
            {
                Sql(postgres, $"DROP SCHEMA {schema} CASCADE");
            }
        }
        else
        {
            Console.WriteLine("store (postgres): skipped (set POSTMORTEM_BENCH_POSTGRES to a connection string)");
        }

        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"store: process peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MB (whole bench run)");
    }

    /// <summary>
    /// <c>--store-stats KIND TARGET</c>: what <c>postmortem stats --by severity</c> computes (recurring factors and repeats
    /// included), in a process of its own, so the parent can read its peak resident set.
    /// </summary>
    public static void StatsChild(string kind, string target)
    {
        using var session = StoreSession.Open(new StoreLocation(kind == "postgres" ? StoreKind.Postgres : StoreKind.Sqlite, target, "bench"));
        var report = StatsQuery.Compute(session, null, "severity", AsOf);
        Console.WriteLine($"{report.Groups.Sum(g => g.Incidents)} incidents, {report.RecurringFactors.Count} recurring factor groups, {report.Repeats.Count} repeats");
    }

    public static void OverdueChild(string kind, string target)
    {
        using var session = StoreSession.Open(new StoreLocation(kind == "postgres" ? StoreKind.Postgres : StoreKind.Sqlite, target, "bench"));
        ActionQuery.Find(session, new ActionFilter { AsOf = AsOf, Overdue = true });
        var overdue = Median(5, () => ActionQuery.Find(session, new ActionFilter { AsOf = AsOf, Overdue = true }));
        Console.WriteLine($"actions --overdue ({kind}): median of 5 {overdue.Time.TotalMilliseconds:F0} ms, {overdue.Result.Count} actions");
    }

    private static void Measure(StoreKind kind, string folder, IReadOnlyList<string> files, int rounds, Func<StoreLocation> fresh, Action<StoreLocation> drop)
    {
        var name = kind == StoreKind.Sqlite ? "sqlite" : "postgres";

        // 1. Index throughput against read+analyse of the same files, alternated (the VM is shared: the best of each counts).
        var baselines = new List<TimeSpan>();
        var indexes = new List<TimeSpan>();
        StoreLocation location = null!;
        StoreSession session = null!;
        IndexReport? report = null;
        for (var round = 0; round < rounds; round++)
        {
            if (!QueriesOnly)
            {
                baselines.Add(Time(() => files.Sum(f => Read(f).Diagnostics.Count)));
            }

            if (round > 0)
            {
                session.Dispose();
                drop(location);
            }

            location = fresh();
            session = StoreSession.Open(location);
            indexes.Add(Time(() => (report = PostmortemIndex.Update(session, folder, ["pm"], Read, TimeProvider.System)).Added));
        }

        var index = indexes.Min();
        if (QueriesOnly)
        {
            Console.WriteLine($"store ({name}): index {files.Count} files {index.TotalSeconds:F2} s ({report!.Added} added); no baseline pass, no re-index (--store-queries)");
        }
        else
        {
            ReindexCases(name, folder, files, session, baselines, indexes, report!);
        }

        Queries(name, folder, files, session, location);
        session.Dispose();
        drop(location);
    }

    private static void ReindexCases(string name, string folder, IReadOnlyList<string> files, StoreSession session, List<TimeSpan> baselines, List<TimeSpan> indexes, IndexReport report)
    {
        var (baseline, index) = (baselines.Min(), indexes.Min());
        Console.WriteLine($"store ({name}): index {files.Count} files best {index.TotalSeconds:F2} s ({string.Join(" / ", indexes.Select(t => t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)))}) " +
            $"= {files.Count / index.TotalSeconds:F0} files/s ({report.Added} added); baseline read+analyse best {baseline.TotalSeconds:F2} s " +
            $"({string.Join(" / ", baselines.Select(t => t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)))}) = {files.Count / baseline.TotalSeconds:F0} files/s; " +
            $"ratio {baseline.TotalSeconds / index.TotalSeconds:F2} (target >= 0.7)");

        // What a hash-based re-index would do at least: open, read and hash every file.
        var floor = Time(() => files.Sum(f => System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)).Length));

        // 2. Re-index after one file changed, against the full index; then one with nothing changed.
        var reindex = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var file = files[(i * 7919) % files.Count];
            File.WriteAllText(file, File.ReadAllText(file) + (file.EndsWith(".md", StringComparison.Ordinal) ? $"\n<!-- touched {i} {Guid.NewGuid():N} -->\n" : $"# touched {i} {Guid.NewGuid():N}\n"));
            IndexReport? again = null;
            reindex.Add(Time(() => (again = PostmortemIndex.Update(session, folder, ["pm"], Read, TimeProvider.System)).Updated));
            if (again!.Updated != 1 || again.Unchanged != files.Count - 1)
            {
                throw new InvalidOperationException($"re-index: {again.Updated} updated, {again.Unchanged} unchanged");
            }
        }

        var nothing = Time(() => PostmortemIndex.Update(session, folder, ["pm"], Read, TimeProvider.System).Unchanged);

        // The floor of any stamp-based re-index: the folder walk with one stat per file, nothing else.
        var walk = Time(() => new System.IO.Enumeration.FileSystemEnumerable<long>(Path.Combine(folder, "pm"), static (ref System.IO.Enumeration.FileSystemEntry e) => e.Length, new EnumerationOptions { RecurseSubdirectories = true }).Count());
        reindex.Sort();
        var one = reindex[reindex.Count / 2];
        Console.WriteLine($"store ({name}): re-index after one change median {one.TotalMilliseconds:F0} ms ({reindex[0].TotalMilliseconds:F0}–{reindex[^1].TotalMilliseconds:F0}, 5 runs); " +
            $"full index {index.TotalSeconds:F2} s; speed-up {index / one:F0}x (best {index / reindex[0]:F0}x; target >= 100x); nothing changed {nothing.TotalMilliseconds:F0} ms; bare walk with a stat per file {walk.TotalMilliseconds:F0} ms; bare read+SHA-256 of every file {floor.TotalMilliseconds:F0} ms");
    }

    private static void Queries(string name, string folder, IReadOnlyList<string> files, StoreSession session, StoreLocation location)
    {

        // 3 and 4. Stats and overdue actions from the index, against one read+analyse scan of the files that computes both.
        var runs = files.Count > 20_000 ? 3 : 5;

        // The first stats after the index groups the factors and saves the groups (schema 7); the median is of the later ones, which read them.
        var first = Stopwatch.StartNew();
        StatsQuery.Compute(session, null, "severity", AsOf);
        first.Stop();
        var stats = Median(runs, () => StatsQuery.Compute(session, null, "severity", AsOf));
        var overdue = Median(runs, () => ActionQuery.Find(session, new ActionFilter { AsOf = AsOf, Overdue = true }));
        var sw = Stopwatch.StartNew();
        var scanned = files.Select(f => FromFiles.Reduce(IndexedPath(folder, f), Read(f).Postmortem)).ToList();
        var readTime = sw.Elapsed;
        var statsFromFiles = FromFiles.Stats(scanned, "severity", AsOf);
        var statsScan = sw.Elapsed;
        sw.Restart();
        var overdueFromFiles = FromFiles.Overdue(scanned, AsOf);
        var overdueScan = readTime + sw.Elapsed; // the same read+analyse of every file, then the filter
        scanned.Clear();

        var statsEqual = Describe(stats.Result) == Describe(statsFromFiles);
        var indexed = overdue.Result.Select(a => $"{a.Path}#{a.Id}").Order(StringComparer.Ordinal).ToList();
        var overdueEqual = indexed.SequenceEqual(overdueFromFiles.Order(StringComparer.Ordinal));
        Console.WriteLine($"store ({name}): stats --by severity (recurring factors included: {stats.Result.RecurringFactors.Count} groups) median {stats.Time.TotalMilliseconds:F1} ms ({stats.Result.Groups.Sum(g => g.Incidents)} incidents, {stats.Result.Actions.Total} actions); " +
            $"from the files {statsScan.TotalSeconds:F2} s; speed-up {statsScan / stats.Time:F0}x (target >= 20x); results equal: {(statsEqual ? "yes" : "NO")}; " +
            $"the first stats after the index (grouping the factors and saving the groups) {first.Elapsed.TotalMilliseconds:F0} ms: {statsScan / first.Elapsed:F0}x; grouping the factors from the files {FromFiles.GroupingTime.TotalMilliseconds:F0} ms");
        Console.WriteLine($"store ({name}): actions --overdue median {overdue.Time.TotalMilliseconds:F1} ms ({overdue.Result.Count} of {stats.Result.Actions.Total} actions); " +
            $"full scan of the files {overdueScan.TotalSeconds:F2} s; speed-up {overdueScan / overdue.Time:F0}x (target >= 50x); same actions: {(overdueEqual ? "yes" : "NO")}");
        if (!statsEqual)
        {
            Console.WriteLine("index: " + Describe(stats.Result));
            Console.WriteLine("files: " + Describe(statsFromFiles));
        }

        // 5. The peak of stats alone: a child process (this bench, --store-stats) on the same store.
        var assembly = typeof(StoreBench).Assembly.Location;
        var child = ExportBench.Process(Environment.ProcessPath!, [.. assembly.Length == 0 ? Array.Empty<string>() : [assembly], "--store-stats", name, location.Target]);
        Console.WriteLine($"store ({name}): stats in its own process {child.Time.TotalSeconds:F2} s (start-up included), peak resident set {child.Peak / 1048576.0:F0} MB (target <= 256 MB{(child.Peak <= 256L * 1048576 ? ", met" : ", NOT MET")}), exit {child.Exit}");
    }

    internal static IndexedRead Read(string file)
    {
        var result = Postmortems.AnalyzeFileAsync(file).GetAwaiter().GetResult();
        return new IndexedRead(result.HasErrors ? null : result.Value, result.Diagnostics);
    }

    private static string IndexedPath(string folder, string file) => Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');

    private static string Describe(StatsReport report)
    {
        var text = new StringBuilder();
        foreach (var g in report.Groups)
        {
            text.Append(g.Key).Append(' ').Append(g.Incidents).Append(": ");
            foreach (var m in g.Metrics)
            {
                text.Append($"{m.Name} {m.Known}/{m.Total} p50 {m.MedianMinutes} p90 {m.P90Minutes}; ");
            }

            text.Append('\n');
        }

        var a = report.Actions;
        text.Append($"actions {a.Total} done {a.Done} not-doing {a.NotDoing} open {a.Open} overdue {a.Overdue} by owner {string.Join(",", a.OverdueByOwner.Select(p => $"{p.Key}={p.Value}"))}\n");
        foreach (var f in report.RecurringFactors)
        {
            text.Append($"factors {f.Number} \"{f.Label}\" [{string.Join(' ', f.Terms)}] {f.Incidents} incidents: {string.Join(',', f.Occurrences.Select(o => o.Incident.Path))}\n");
        }

        return text.ToString();
    }

    private static TimeSpan Time(Func<int> action)
    {
        var sw = Stopwatch.StartNew();
        action();
        return sw.Elapsed;
    }

    private static (TimeSpan Time, T Result) Median<T>(int runs, Func<T> action)
    {
        var times = new List<TimeSpan>();
        T result = default!;
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            result = action();
            times.Add(sw.Elapsed);
        }

        times.Sort();
        return (times[runs / 2], result);
    }

    private static void Sql(string connection, string sql)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }

    /// <summary>The same figures as <see cref="StatsQuery"/> and <see cref="ActionQuery"/>, computed from analysed files (docs/metrics.md).</summary>
    private static class FromFiles
    {
        /// <summary>How long the last <see cref="Stats"/> took to group the factors (the same work <see cref="StatsQuery"/> does).</summary>
        public static TimeSpan GroupingTime { get; private set; }

        /// <summary>What the figures need of one analysed file (the scan keeps this, not 100,000 analysed postmortems).</summary>
        public sealed record Reduced(string Path, string? Date, string Severity, long?[] Minutes, List<(string Id, string State, LocalDate? Due, string? Owner)> Actions, List<(string Category, string Text)> Factors)
        {
            public bool IsIncident { get; init; } = true;
        }

        public static Reduced? Reduce(string path, AnalyzedPostmortem? pm)
        {
            if (pm is null || pm.Document.Type != Model.PostmortemType.Incident)
            {
                return pm is null ? null : new Reduced(path, null, string.Empty, [], [.. pm.Document.Actions.Select(a => (a.Id, Model.ActionStatus.Of(a.Status), a.Due, a.Owner))], []) { IsIncident = false };
            }

            var k = pm.Keys;
            var times = new Dictionary<string, Instant?>
            {
                ["impact_start"] = k.ImpactStart?.Time, ["detection"] = k.Detection?.Time, ["escalation"] = k.Escalation?.Time,
                ["mitigation"] = k.Mitigation?.Time, ["resolution"] = k.Resolution?.Time, ["communication"] = k.Communication?.Time,
            };
            var minutes = Metrics.All.Select(m => times[m.From] is { } from && times[m.To] is { } to && to >= from ? (long?)(long)(Truncate(to) - Truncate(from)).TotalMinutes : null).ToArray();
            return new Reduced(
                path,
                pm.IncidentDate is { } date ? LocalDatePattern.Iso.Format(date) : null,
                pm.Severity?.Level ?? pm.Document.Severity ?? "unknown",
                minutes,
                [.. pm.Document.Actions.Select(a => (a.Id, Model.ActionStatus.Of(a.Status), a.Due, a.Owner))],
                [.. pm.Document.Factors.Select(f => (f.Category, f.Text))]);
        }

        public static StatsReport Stats(IReadOnlyList<Reduced?> scanned, string by, LocalDate asOf)
        {
            var incidents = scanned.OfType<Reduced>().Where(r => r.IsIncident).ToList();
            var groups = incidents.GroupBy(r => r.Severity).OrderBy(g => g.Key == "unknown" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new StatsGroup(g.Key, g.Count(), [.. Metrics.All.Select((m, i) =>
                {
                    var values = g.Select(r => r.Minutes[i]).OfType<long>().Order().ToList();
                    return values.Count < Metrics.MinimumSample
                        ? new MetricSummary(m.Name, values.Count, g.Count(), null, null)
                        : new MetricSummary(m.Name, values.Count, g.Count(), Metrics.NearestRank(values, 50), Metrics.NearestRank(values, 90));
                })])).ToList();

            int total = 0, done = 0, notDoing = 0, open = 0, overdue = 0;
            var byOwner = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var a in incidents.SelectMany(p => p.Actions))
            {
                total++;
                switch (a.State)
                {
                    case Model.ActionStatus.Done: done++; break;
                    case Model.ActionStatus.NotDoing: notDoing++; break;
                    default:
                        open++;
                        if (a.Due is { } due && due < asOf)
                        {
                            overdue++;
                            byOwner[a.Owner ?? "no owner"] = byOwner.GetValueOrDefault(a.Owner ?? "no owner") + 1;
                        }

                        break;
                }
            }

            // Recurring factors as the index orders them (incident date, path, position), grouped by the same method.
            var ordered = incidents.OrderBy(r => r.Date ?? string.Empty, StringComparer.Ordinal).ThenBy(r => r.Path, StringComparer.Ordinal).ToList();
            var factors = ordered.SelectMany(r => r.Factors.Select(f => (Incident: new IncidentRef(r.Path, null, null, r.Date), f.Category, f.Text))).ToList();
            var grouping = Stopwatch.StartNew();
            var clusters = Postmortem.Analysis.Factors.FactorGrouping.Group([.. factors.Select(f => f.Text)], Postmortem.Analysis.Factors.FactorMethod.Current);
            GroupingTime = grouping.Elapsed;
            var recurring = clusters
                .Select(g => (Cluster: g, Occurrences: g.Members.Select(m => new FactorOccurrence(factors[m].Incident, factors[m].Category, factors[m].Text)).ToList()))
                .Select(g => (g.Cluster, g.Occurrences, Incidents: g.Occurrences.Select(o => o.Incident.Path).Distinct(StringComparer.Ordinal).Count()))
                .Where(g => g.Incidents > 1)
                .OrderByDescending(g => g.Incidents).ThenBy(g => g.Cluster.Members[0])
                .Select((g, i) => new RecurringFactor(i + 1, factors[g.Cluster.Medoid].Text, g.Cluster.Terms, g.Occurrences))
                .ToList();

            return new StatsReport(Metrics.Version, null, by, asOf, groups,
                new ActionHealth(total, done, notDoing, open, overdue, [.. byOwner.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)]))
            {
                RecurringFactors = recurring,
            };
        }

        // The index stores instants to the second (InstantPattern.General).
        private static Instant Truncate(Instant i) => Instant.FromUnixTimeSeconds(i.ToUnixTimeSeconds());

        public static List<string> Overdue(IEnumerable<Reduced?> scanned, LocalDate asOf) =>
            [.. scanned.OfType<Reduced>().SelectMany(s => s.Actions
                .Where(a => a.State == Model.ActionStatus.Open && a.Due is { } due && due < asOf).Select(a => $"{s.Path}#{a.Id}"))];
    }
}

/// <summary>
/// Generated postmortems, each ~50 events, 4–6 actions and 1–2 contributing factors (wordings of the labelled factor
/// pairs): by four, an incident file with <c>events:</c>, one with a <c>notes:</c> block, one with a Markdown notes
/// file, and a Markdown record (the incident file drafted as Markdown by the library's renderer, then the file removed).
/// </summary>
internal static class StoreGenerator
{
    private static readonly string[] Filler =
    [
        "Checked the dashboards for the {0} service", "Looked at recent deploys to {0}", "Watched the {0} pods for a while", "Asked the {0} team about the queue depth",
        "Read the {0} logs around the first errors", "Compared {0} latency with last week", "Opened a ticket with the {0} vendor", "Noted {0} connection counts in the channel",
    ];

    private static readonly string[] Services = ["checkout", "search", "payments", "auth", "inventory", "email", "billing", "catalog"];
    private static readonly string[] Owners = ["Priya", "Sam", "Dana", "Marco", "Lee", "Ana"];
    private static readonly string[] Statuses = ["Open", "Done", "In progress", "Done", "Not doing", "Open"];

    private static string[] wordings = [];

    public static List<string> Ensure(string root, string folder, int count)
    {
        wordings = [.. File.ReadAllLines(Path.Combine(root, "tests", "Postmortem.Tests", "Corpus", "factor-pairs", "factors.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[3])];
        var pm = Path.Combine(folder, "pm");
        var marker = Path.Combine(folder, "complete");
        if (!File.Exists(marker))
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            for (var i = 0; i < count; i++)
            {
                var dir = Path.Combine(pm, (i / 1000).ToString("D3", CultureInfo.InvariantCulture));
                Directory.CreateDirectory(dir);
                Write(dir, i);
            }

            File.WriteAllText(marker, string.Empty);
        }

        return [.. Directory.EnumerateFiles(pm, "*.yml", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(pm, "record-*.md", SearchOption.AllDirectories)).Order(StringComparer.Ordinal)];
    }

    private static void Write(string dir, int i)
    {
        var random = new Random(i);
        var date = new LocalDate(2023, 1, 1).PlusDays(random.Next(730));
        var service = Services[random.Next(Services.Length)];
        var severity = $"SEV-{1 + random.Next(4)}";
        var zone = random.Next(3) == 0 ? "America/New_York" : "UTC";
        var detect = 2 + random.Next(40);
        var escalate = detect + 3 + random.Next(30);
        var mitigate = escalate + 10 + random.Next(90);
        var resolve = mitigate + 5 + random.Next(60);
        var communicate = detect + 5 + random.Next(60);

        // (minute after 08:00, text, kind): the key moments, then filler spread between them.
        var events = new List<(int Minute, string Text, string Kind)>
        {
            (0, $"Customers began seeing errors on {service}", "impact"),
            (detect, $"Error-rate alert fired for {service}", "alert"),
            (escalate, $"Escalated to the {service} owners, incident declared", "escalation"),
            (communicate, $"Status page updated: investigating {service} errors", "communication"),
            (mitigate, $"Rolled back the last {service} deploy", "mitigation"),
            (resolve, $"Error rate back to normal; {service} incident resolved", "resolution"),
        };
        for (var e = 0; e < 44; e++)
        {
            events.Add((detect + 1 + random.Next(Math.Max(1, resolve - detect - 1)), string.Format(CultureInfo.InvariantCulture, Filler[random.Next(Filler.Length)], service), "diagnosis"));
        }

        events.Sort((a, b) => a.Minute.CompareTo(b.Minute));
        string Clock(int minute) => new LocalTime(8, 0).PlusMinutes(minute).ToString("HH:mm", CultureInfo.InvariantCulture);

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"type: incident\ntitle: {char.ToUpperInvariant(service[0])}{service[1..]} errors, incident {i}\ndate: {date:yyyy-MM-dd}\ntimeZone: {zone}\nseverity: {severity}\n");
        text.Append(CultureInfo.InvariantCulture, $"summary: The {service} service returned errors for about {resolve} minutes after a deploy.\n");
        var name = $"incident-{i:D6}";
        switch (i % 4)
        {
            case 0:
                text.Append("events:\n");
                foreach (var (minute, line, kind) in events)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  - time: \"{Clock(minute)}\"\n    event: \"{line}\"\n    kind: {kind}\n");
                }

                break;
            case 1:
            case 3:
                text.Append("notes: |\n");
                foreach (var (minute, line, _) in events)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  - {Clock(minute)} {line}\n");
                }

                break;
            case 2:
                var notes = new StringBuilder($"# {service} incident {i}: raw notes\n\n");
                foreach (var (minute, line, _) in events)
                {
                    notes.Append(CultureInfo.InvariantCulture, $"- {Clock(minute)} {line}\n");
                }

                File.WriteAllText(Path.Combine(dir, name + ".md"), notes.ToString());
                text.Append(CultureInfo.InvariantCulture, $"notesFiles:\n  - {name}.md\n");
                break;
        }

        text.Append("actions:\n");
        var actions = 4 + random.Next(3);
        for (var a = 0; a < actions; a++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - action: Add an alert on {service} saturation ({a})\n    type: {(a % 2 == 0 ? "detect" : "prevent")}\n    owner: {Owners[random.Next(Owners.Length)]}\n");
            if (random.Next(6) != 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"    due: {date.PlusDays(7 + random.Next(120)):yyyy-MM-dd}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"    status: {Statuses[random.Next(Statuses.Length)]}\n");
        }

        text.Append("factors:\n  technical:\n");
        for (var f = 0; f < 1 + (i % 2); f++)
        {
            text.Append(CultureInfo.InvariantCulture, $"    - \"{wordings[random.Next(wordings.Length)].Replace("\"", "'", StringComparison.Ordinal)}\"\n");
        }

        var yml = Path.Combine(dir, name + ".yml");
        File.WriteAllText(yml, text.ToString());
        if (i % 4 == 3)
        {
            // A Markdown record: what `postmortem draft` writes for the same incident, which the index reads back.
            var drafted = Postmortems.AnalyzeFileAsync(yml).GetAwaiter().GetResult();
            if (drafted.HasErrors)
            {
                throw new InvalidOperationException(string.Join("\n", drafted.Diagnostics));
            }

            using (var output = File.Create(Path.Combine(dir, $"record-{i:D6}.md")))
            {
                new Postmortem.Rendering.Markdown.MarkdownPostmortemRenderer().Write(drafted.Value!, output);
            }

            File.Delete(yml);
        }
    }
}
