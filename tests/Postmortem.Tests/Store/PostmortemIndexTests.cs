using Microsoft.Data.Sqlite;
using Postmortem.Store;

namespace Postmortem.Tests.Store;

/// <summary><c>postmortem index</c> on both stores: only what changed is re-read, deleted files are dropped, a failed run changes nothing.</summary>
public sealed class PostmortemIndexTests
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void A_second_run_rereads_only_the_changed_file_and_drops_the_deleted_one(string kind)
    {
        using var store = new StoreFixture(kind);
        Write(store, "pm/a.yml", Incidents.Yaml("Checkout errors", "2024-03-01", 5));
        Write(store, "pm/b.yml", Incidents.Yaml("Login errors", "2024-03-02", 7));
        Write(store, "pm/c.yml", Incidents.Yaml("Search errors", "2024-03-03", 9));
        Write(store, "pm/ci.yml", "name: build\non: push\n");
        using var session = store.Open();
        var reads = new List<string>();

        var first = Index(store, session, reads);
        File.AppendAllText(Path.Combine(store.Folder, "pm/b.yml"), "author: Platform team\n");
        File.Delete(Path.Combine(store.Folder, "pm/c.yml"));
        reads.Clear();
        var second = Index(store, session, reads);

        Assert.Equal((3, 0, 0, 0), (first.Added, first.Updated, first.Unchanged, first.Removed));
        Assert.Equal((0, 1, 1, 1), (second.Added, second.Updated, second.Unchanged, second.Removed));
        Assert.Equal([Path.Combine(store.Folder, "pm", "b.yml")], reads);
        Assert.Equal(["pm/a.yml", "pm/b.yml"], Paths(session));
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void The_index_keeps_the_postmortems_id(string kind)
    {
        using var store = new StoreFixture(kind);
        Write(store, "pm/a.yml", "id: pm-20240301-abcd2345\n" + Incidents.Yaml("Checkout errors", "2024-03-01", 5));
        using var session = store.Open();

        Index(store, session, []);

        using var command = session.Connection.CreateCommand();
        command.CommandText = "SELECT postmortem_id FROM pm_documents";
        Assert.Equal("pm-20240301-abcd2345", command.ExecuteScalar());
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void A_changed_notes_file_rereads_the_incident_that_names_it(string kind)
    {
        using var store = new StoreFixture(kind);
        Write(store, "pm/notes.txt", "10:00 customers began seeing errors\n10:06 alert fired\n11:00 resolved\n");
        Write(store, "pm/a.yml", "title: Checkout errors\ndate: 2024-03-01\ntimeZone: UTC\nnotesFiles: [notes.txt]\n");
        using var session = store.Open();
        Index(store, session, []);

        File.AppendAllText(Path.Combine(store.Folder, "pm/notes.txt"), "11:30 status page updated: resolved\n");
        var second = Index(store, session, []);

        Assert.Equal(1, second.Updated);
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void A_run_that_fails_half_way_leaves_the_previous_index_whole(string kind)
    {
        using var store = new StoreFixture(kind);
        Write(store, "pm/a.yml", Incidents.Yaml("Checkout errors", "2024-03-01", 5));
        Write(store, "pm/b.yml", Incidents.Yaml("Login errors", "2024-03-02", 7));
        using var session = store.Open();
        Index(store, session, []);
        Write(store, "pm/a.yml", Incidents.Yaml("Checkout errors, renamed", "2024-03-01", 5));
        Write(store, "pm/c.yml", Incidents.Yaml("Search errors", "2024-03-03", 9));

        // The reader dies on the second changed file, as a killed process would.
        var calls = 0;
        Assert.Throws<IOException>(() => PostmortemIndex.Update(session, store.Folder, ["pm"], file => ++calls == 2 ? throw new IOException("killed") : Read(file), Clock));

        Assert.Equal(["pm/a.yml", "pm/b.yml"], Paths(session));
        Assert.Equal("Checkout errors", Title(session, "pm/a.yml"));
    }

    [Fact]
    public void A_killed_index_process_leaves_a_whole_index()
    {
        using var store = new StoreFixture("sqlite");
        for (var i = 0; i < 300; i++)
        {
            Write(store, $"pm/{i:000}.yml", Incidents.Yaml($"Incident {i}", "2024-03-01", 5));
        }

        var cli = typeof(Postmortem.Cli.CliApp).Assembly.Location;
        var random = new Random(7);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var info = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = store.Folder, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { cli, "index", "pm" })
            {
                info.ArgumentList.Add(arg);
            }

            using var process = System.Diagnostics.Process.Start(info)!;
            Thread.Sleep(random.Next(300, 3000));
            process.Kill(entireProcessTree: true);
            process.WaitForExit();

            using var session = store.Open();
            var count = Paths(session).Count;
            Assert.True(count is 0 or 300, $"attempt {attempt}: {count} documents: a killed run wrote part of its work");
            using var check = new SqliteConnection($"Data Source={store.Location.Target}");
            check.Open();
            using var command = check.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", command.ExecuteScalar());
        }
    }

    [Fact]
    public async Task Two_runs_at_once_take_turns_and_both_finish()
    {
        using var store = new StoreFixture("sqlite");
        for (var i = 0; i < 40; i++)
        {
            Write(store, $"pm/{i:00}.yml", Incidents.Yaml($"Incident {i}", "2024-03-01", 5));
        }

        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            using var session = store.Open();
            return PostmortemIndex.Update(session, store.Folder, ["pm"], Read, Clock);
        })).ToArray();
        var reports = await Task.WhenAll(runs);

        using var after = store.Open();
        Assert.Equal(40, Paths(after).Count);
        Assert.All(reports, r => Assert.Equal(40, r.Added + r.Updated + r.Unchanged));
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void A_store_from_a_newer_version_is_refused_not_rewritten(string kind)
    {
        using var store = new StoreFixture(kind);
        using (var session = store.Open())
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText = "UPDATE pm_schema SET version = 99";
            command.ExecuteNonQuery();
        }

        var refused = Assert.Throws<StoreException>(store.Open);
        Assert.Contains("newer version", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void A_store_written_by_schema_1_is_migrated_in_place_and_its_rows_kept(string kind)
    {
        // Given a store as the first version wrote it, with one indexed file
        using var store = new StoreFixture(kind);
        Write(store, "pm/a.yml", Incidents.Yaml("Checkout errors", "2024-03-01", 5));
        using (var old = StoreSession.OpenAt(store.Location, schemaVersion: 1))
        {
            using var insert = old.Connection.CreateCommand();
            insert.CommandText = "INSERT INTO pm_documents (path, content_hash, inputs, kind, title, errors, indexed_at) VALUES ('pm/a.yml', 'stale', '', 'incident', 'Old title', 0, '2024-01-01T00:00:00Z')";
            insert.ExecuteNonQuery();
        }

        // When this version opens it and indexes
        using var session = store.Open();
        var version = StoreSchema.Version(session, null);
        var report = Index(store, session, []);

        // Then the schema is current, the old row was there to update, and the file now has its stamp
        Assert.Equal(StoreSchema.Current, version);
        Assert.Equal((0, 1), (report.Added, report.Updated));
        using var command = session.Connection.CreateCommand();
        command.CommandText = "SELECT title, file_length FROM pm_documents";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("Checkout errors", reader.GetString(0));
        Assert.False(reader.IsDBNull(1));
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void A_touched_but_unchanged_file_is_not_read_again(string kind)
    {
        using var store = new StoreFixture(kind);
        Write(store, "pm/a.yml", Incidents.Yaml("Checkout errors", "2024-03-01", 5));
        using var session = store.Open();
        Index(store, session, []);

        File.SetLastWriteTimeUtc(Path.Combine(store.Folder, "pm/a.yml"), DateTime.UtcNow.AddMinutes(5));
        var reads = new List<string>();
        var second = Index(store, session, reads);
        var third = Index(store, session, reads);

        Assert.Empty(reads);
        Assert.Equal((1, 1), (second.Unchanged, third.Unchanged));
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void More_documents_than_one_batch_are_written_whole_and_rewritten_in_place(string kind)
    {
        // PostgreSQL sends deletes and COPYs every 1,000 documents: 1,005 files cross a batch, and every row must land once.
        using var store = new StoreFixture(kind);
        var actions = Incidents.Actions(("Add an alert", "Priya", "2024-04-01", "Open"), ("Fix the pool", "Sam", "2024-04-02", "Done"));
        for (var i = 0; i < 1005; i++)
        {
            Write(store, $"pm/{i / 500}/i{i:D4}.yml", Incidents.Yaml($"Errors {i}", "2024-03-01", 5 + (i % 40), actions: actions));
        }

        using var session = store.Open();
        var first = Index(store, session, []);
        File.AppendAllText(Path.Combine(store.Folder, "pm/1/i0700.yml"), "  - action: Write the runbook\n    owner: Dana\n    status: Open\n");
        File.Delete(Path.Combine(store.Folder, "pm/2/i1004.yml"));
        var second = Index(store, session, []);

        Assert.Equal((1005, 0), (first.Added, first.Diagnostics.Sum(d => d.Value.Count(x => x.Severity == Postmortem.Diagnostics.DiagnosticSeverity.Error))));
        Assert.Equal((0, 1, 1003, 1), (second.Added, second.Updated, second.Unchanged, second.Removed));
        Assert.Equal(1004L, Scalar(session, "SELECT COUNT(*) FROM pm_documents"));
        Assert.Equal((1004L * 2) + 1, Scalar(session, "SELECT COUNT(*) FROM pm_actions"));
        Assert.Equal(3L, Scalar(session, "SELECT COUNT(*) FROM pm_actions WHERE path = 'pm/1/i0700.yml'"));
        Assert.Equal(1004L, Scalar(session, "SELECT COUNT(*) FROM pm_documents WHERE file_length IS NOT NULL AND file_ticks IS NOT NULL AND errors = 0"));
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void Reopening_a_store_keeps_its_data_and_version(string kind)
    {
        using var store = new StoreFixture(kind);
        Write(store, "pm/a.yml", Incidents.Yaml("Checkout errors", "2024-03-01", 5));
        using (var session = store.Open())
        {
            Index(store, session, []);
        }

        using var again = store.Open();
        Assert.Equal(["pm/a.yml"], Paths(again));
        Assert.Equal(StoreSchema.Current, StoreSchema.Version(again, null));
    }

    internal static IndexReport Index(StoreFixture store, StoreSession session, List<string> reads) =>
        PostmortemIndex.Update(session, store.Folder, ["pm"], file =>
        {
            reads.Add(file);
            return Read(file);
        }, Clock);

    internal static IndexedRead Read(string file)
    {
        var result = Postmortems.AnalyzeFileAsync(file).GetAwaiter().GetResult();
        return new IndexedRead(result.HasErrors ? null : result.Value, result.Diagnostics);
    }

    internal static void Write(StoreFixture store, string path, string text)
    {
        var full = Path.Combine(store.Folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private static long Scalar(StoreSession session, string sql)
    {
        using var command = session.Connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Paths(StoreSession session)
    {
        using var command = session.Connection.CreateCommand();
        command.CommandText = "SELECT path FROM pm_documents ORDER BY path";
        using var reader = command.ExecuteReader();
        var paths = new List<string>();
        while (reader.Read())
        {
            paths.Add(reader.GetString(0));
        }

        return paths;
    }

    private static string Title(StoreSession session, string path)
    {
        using var command = session.Connection.CreateCommand();
        command.CommandText = $"SELECT title FROM pm_documents WHERE path = '{path}'";
        return (string)command.ExecuteScalar()!;
    }
}
