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

    public static void Run(int count, string? postgres)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pm-storebench-{count}");
        var files = StoreGenerator.Ensure(folder, count);
        Console.WriteLine($"store: {files.Count} incident files under {folder}/pm ({files.Sum(f => new FileInfo(f).Length) / 1048576.0:F1} MB; a third each events:, notes:, notesFiles:)");

        // Warm-up: tiered compilation and the analysis' caches, on a few files.
        foreach (var file in files.Take(200))
        {
            Read(file);
        }

        Measure(StoreKind.Sqlite, folder, files, () => new StoreLocation(StoreKind.Sqlite, Path.Combine(folder, $"index-{Guid.NewGuid():N}.db"), "bench"), static location =>
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
                Measure(StoreKind.Postgres, folder, files, () =>
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

    private static void Measure(StoreKind kind, string folder, IReadOnlyList<string> files, Func<StoreLocation> fresh, Action<StoreLocation> drop)
    {
        var name = kind == StoreKind.Sqlite ? "sqlite" : "postgres";

        // 1. Index throughput against read+analyse of the same files, alternated twice (the VM is shared: the best of each counts).
        var baselines = new List<TimeSpan>();
        var indexes = new List<TimeSpan>();
        StoreLocation location = null!;
        StoreSession session = null!;
        IndexReport? report = null;
        for (var round = 0; round < 2; round++)
        {
            baselines.Add(Time(() => files.Sum(f => Read(f).Diagnostics.Count)));
            if (round > 0)
            {
                session.Dispose();
                drop(location);
            }

            location = fresh();
            session = StoreSession.Open(location);
            indexes.Add(Time(() => (report = PostmortemIndex.Update(session, folder, ["pm"], Read, TimeProvider.System)).Added));
        }

        var baseline = baselines.Min();
        var index = indexes.Min();
        Console.WriteLine($"store ({name}): index {files.Count} files best {index.TotalSeconds:F2} s ({string.Join(" / ", indexes.Select(t => t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)))}) " +
            $"= {files.Count / index.TotalSeconds:F0} files/s ({report!.Added} added); baseline read+analyse best {baseline.TotalSeconds:F2} s " +
            $"({string.Join(" / ", baselines.Select(t => t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)))}) = {files.Count / baseline.TotalSeconds:F0} files/s; " +
            $"ratio {baseline.TotalSeconds / index.TotalSeconds:F2} (target >= 0.7)");

        // What any re-index must do at least: open, read and hash every file (the index compares SHA-256s).
        var floor = Time(() => files.Sum(f => System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)).Length));

        // 2. Re-index after one file changed, against the full index.
        var reindex = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var file = files[(i * 7919) % files.Count];
            File.WriteAllText(file, File.ReadAllText(file) + $"# touched {i} {Guid.NewGuid():N}\n");
            IndexReport? again = null;
            reindex.Add(Time(() => (again = PostmortemIndex.Update(session, folder, ["pm"], Read, TimeProvider.System)).Updated));
            if (again!.Updated != 1 || again.Unchanged != files.Count - 1)
            {
                throw new InvalidOperationException($"re-index: {again.Updated} updated, {again.Unchanged} unchanged");
            }
        }

        reindex.Sort();
        var one = reindex[reindex.Count / 2];
        Console.WriteLine($"store ({name}): re-index after one change median {one.TotalMilliseconds:F0} ms ({reindex[0].TotalMilliseconds:F0}–{reindex[^1].TotalMilliseconds:F0}, 5 runs); " +
            $"full index {index.TotalSeconds:F2} s; speed-up {index / one:F0}x (best {index / reindex[0]:F0}x; target >= 100x); bare read+SHA-256 of every file {floor.TotalMilliseconds:F0} ms");

        // 3 and 4. Stats and overdue actions from the index, against one read+analyse scan of the files that computes both.
        var stats = Median(5, () => StatsQuery.Compute(session, null, "severity", AsOf));
        var overdue = Median(5, () => ActionQuery.Find(session, new ActionFilter { AsOf = AsOf, Overdue = true }));
        var sw = Stopwatch.StartNew();
        var scanned = files.Select(f => (Path: IndexedPath(folder, f), Read(f).Postmortem)).ToList();
        var statsFromFiles = FromFiles.Stats(scanned.Select(s => s.Postmortem), "severity", AsOf);
        var statsScan = sw.Elapsed;
        sw.Restart();
        var overdueFromFiles = FromFiles.Overdue(scanned, AsOf);
        var overdueScan = statsScan + sw.Elapsed; // the same read+analyse of every file, then the filter
        scanned.Clear();

        var statsEqual = Describe(stats.Result) == Describe(statsFromFiles);
        var indexed = overdue.Result.Select(a => $"{a.Path}#{a.Id}").Order(StringComparer.Ordinal).ToList();
        var overdueEqual = indexed.SequenceEqual(overdueFromFiles.Order(StringComparer.Ordinal));
        Console.WriteLine($"store ({name}): stats --by severity median {stats.Time.TotalMilliseconds:F1} ms ({stats.Result.Groups.Sum(g => g.Incidents)} incidents, {stats.Result.Actions.Total} actions); " +
            $"from the files {statsScan.TotalSeconds:F2} s; speed-up {statsScan / stats.Time:F0}x (target >= 20x); results equal: {(statsEqual ? "yes" : "NO")}");
        Console.WriteLine($"store ({name}): actions --overdue median {overdue.Time.TotalMilliseconds:F1} ms ({overdue.Result.Count} of {stats.Result.Actions.Total} actions); " +
            $"full scan of the files {overdueScan.TotalSeconds:F2} s; speed-up {overdueScan / overdue.Time:F0}x (target >= 50x); same actions: {(overdueEqual ? "yes" : "NO")}");
        if (!statsEqual)
        {
            Console.WriteLine("index: " + Describe(stats.Result));
            Console.WriteLine("files: " + Describe(statsFromFiles));
        }

        session.Dispose();
        drop(location);
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
        text.Append($"actions {a.Total} done {a.Done} not-doing {a.NotDoing} open {a.Open} overdue {a.Overdue} by owner {string.Join(",", a.OverdueByOwner.Select(p => $"{p.Key}={p.Value}"))}");
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
        public static StatsReport Stats(IEnumerable<AnalyzedPostmortem?> postmortems, string by, LocalDate asOf)
        {
            var incidents = postmortems.OfType<AnalyzedPostmortem>().Where(p => p.Document.Type == Model.PostmortemType.Incident).ToList();
            var rows = incidents.Select(pm =>
            {
                var k = pm.Keys;
                var times = new Dictionary<string, Instant?>
                {
                    ["impact_start"] = k.ImpactStart?.Time, ["detection"] = k.Detection?.Time, ["escalation"] = k.Escalation?.Time,
                    ["mitigation"] = k.Mitigation?.Time, ["resolution"] = k.Resolution?.Time, ["communication"] = k.Communication?.Time,
                };
                var date = k.ImpactStart is { } start ? start.Time.InZone(pm.Document.TimeZone).Date : pm.Document.Date;
                var minutes = Metrics.All.Select(m => times[m.From] is { } from && times[m.To] is { } to && to >= from ? (long?)(long)(Truncate(to) - Truncate(from)).TotalMinutes : null).ToArray();
                var key = by == "severity" ? pm.Severity?.Level ?? pm.Document.Severity ?? "unknown" : date is { } d ? LocalDatePattern.Iso.Format(d)[..7] : "unknown";
                return (Key: key, Minutes: minutes);
            }).ToList();
            var groups = rows.GroupBy(r => r.Key).OrderBy(g => g.Key == "unknown" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new StatsGroup(g.Key, g.Count(), [.. Metrics.All.Select((m, i) =>
                {
                    var values = g.Select(r => r.Minutes[i]).OfType<long>().Order().ToList();
                    return values.Count < Metrics.MinimumSample
                        ? new MetricSummary(m.Name, values.Count, g.Count(), null, null)
                        : new MetricSummary(m.Name, values.Count, g.Count(), Metrics.NearestRank(values, 50), Metrics.NearestRank(values, 90));
                })])).ToList();

            int total = 0, done = 0, notDoing = 0, open = 0, overdue = 0;
            var byOwner = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var a in incidents.SelectMany(p => p.Document.Actions))
            {
                total++;
                switch (Model.ActionStatus.Of(a.Status))
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

            return new StatsReport(Metrics.Version, null, by, asOf, groups,
                new ActionHealth(total, done, notDoing, open, overdue, [.. byOwner.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)]));
        }

        // The index stores instants to the second (InstantPattern.General).
        private static Instant Truncate(Instant i) => Instant.FromUnixTimeSeconds(i.ToUnixTimeSeconds());

        public static List<string> Overdue(IEnumerable<(string Path, AnalyzedPostmortem? Postmortem)> scanned, LocalDate asOf) =>
            [.. scanned.Where(s => s.Postmortem is not null).SelectMany(s => s.Postmortem!.Document.Actions
                .Where(a => Model.ActionStatus.Of(a.Status) == Model.ActionStatus.Open && a.Due is { } due && due < asOf).Select(a => $"{s.Path}#{a.Id}"))];
    }
}

/// <summary>Generated incident files: a third with <c>events:</c>, a third with a <c>notes:</c> block, a third with a Markdown notes file; each ~50 events and 3–5 actions.</summary>
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

    public static List<string> Ensure(string folder, int count)
    {
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

        return [.. Directory.EnumerateFiles(pm, "*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
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
        switch (i % 3)
        {
            case 0:
                text.Append("events:\n");
                foreach (var (minute, line, kind) in events)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  - time: \"{Clock(minute)}\"\n    event: \"{line}\"\n    kind: {kind}\n");
                }

                break;
            case 1:
                text.Append("notes: |\n");
                foreach (var (minute, line, _) in events)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  - {Clock(minute)} {line}\n");
                }

                break;
            default:
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
        var actions = 3 + random.Next(3);
        for (var a = 0; a < actions; a++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - action: Add an alert on {service} saturation ({a})\n    type: {(a % 2 == 0 ? "detect" : "prevent")}\n    owner: {Owners[random.Next(Owners.Length)]}\n");
            if (random.Next(6) != 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"    due: {date.PlusDays(7 + random.Next(120)):yyyy-MM-dd}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"    status: {Statuses[random.Next(Statuses.Length)]}\n");
        }

        File.WriteAllText(Path.Combine(dir, name + ".yml"), text.ToString());
    }
}
