using System.Diagnostics;
using Postmortem.Store;

namespace Postmortem.Bench;

/// <summary>
/// <c>--reindex-probe FOLDER</c>: a re-index where nothing changed, repeated on a kept SQLite store (and PostgreSQL when
/// POSTMORTEM_BENCH_POSTGRES is set), beside the bare walk: where a re-index's time goes, without a full index per try.
/// </summary>
internal static class ReindexProbe
{
    public static void Run(string folder, string? postgres)
    {
        var locations = new List<StoreLocation> { new(StoreKind.Sqlite, Path.Combine(folder, "probe-index.db"), "probe") };
        if (postgres is { Length: > 0 })
        {
            using (var connection = new Npgsql.NpgsqlConnection(postgres))
            {
                connection.Open();
                using var command = new Npgsql.NpgsqlCommand("CREATE SCHEMA IF NOT EXISTS bench_probe", connection);
                command.ExecuteNonQuery();
            }

            locations.Add(new StoreLocation(StoreKind.Postgres, new Npgsql.NpgsqlConnectionStringBuilder(postgres) { SearchPath = "bench_probe" }.ConnectionString, "probe"));
        }

        foreach (var location in locations)
        {
            using var session = StoreSession.Open(location);
            var sw = Stopwatch.StartNew();
            var first = PostmortemIndex.Update(session, folder, ["pm"], StoreBench.Read, TimeProvider.System);
            Console.WriteLine($"{location.Kind}: first run {sw.Elapsed.TotalSeconds:F2} s ({first.Added} added, {first.Updated} updated, {first.Unchanged} unchanged)");
            var times = new List<double>();
            var cpu = new List<double>();
            for (var i = 0; i < 9; i++)
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                sw.Restart();
                var report = PostmortemIndex.Update(session, folder, ["pm"], StoreBench.Read, TimeProvider.System);
                times.Add(sw.Elapsed.TotalMilliseconds);
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);
                if (report.Unchanged == 0 || report.Updated + report.Added > 0)
                {
                    throw new InvalidOperationException("something changed");
                }
            }

            var walks = new List<double>();
            var walkCpu = new List<double>();
            for (var i = 0; i < 9; i++)
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                sw.Restart();
                _ = new System.IO.Enumeration.FileSystemEnumerable<long>(Path.Combine(folder, "pm"), static (ref System.IO.Enumeration.FileSystemEntry e) => e.Length, new EnumerationOptions { RecurseSubdirectories = true }).Count();
                walks.Add(sw.Elapsed.TotalMilliseconds);
                walkCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);
            }

            times.Sort();
            walks.Sort();
            cpu.Sort();
            walkCpu.Sort();
            Console.WriteLine($"{location.Kind}: nothing changed median {times[4]:F0} ms ({times[0]:F0}–{times[^1]:F0}, 9 runs); bare walk median {walks[4]:F0} ms ({walks[0]:F0}–{walks[^1]:F0}); CPU time (all threads) median {cpu[4]:F0} ms, bare walk {walkCpu[4]:F0} ms");
        }
    }
}
