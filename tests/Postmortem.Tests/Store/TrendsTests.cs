using System.Security.Cryptography;
using System.Text.Json;
using NodaTime;
using Postmortem.Store;
using Postmortem.Store.Reports;

namespace Postmortem.Tests.Store;

/// <summary>Recurring contributing factors, repeat incidents and the service and team groupings of <c>stats</c>, from the index, the same on both stores.</summary>
public sealed class TrendsTests
{
    private static readonly LocalDate AsOf = new(2024, 6, 1);

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void Factors_of_one_cause_are_grouped_across_incidents_with_counts_and_the_incidents_in_each(string kind)
    {
        using var indexed = new IndexedRepository(kind);
        var session = indexed.Session;

        var report = StatsQuery.Compute(session, null, null, AsOf);

        Assert.Equal(2, report.RecurringFactors.Count);
        var pool = report.RecurringFactors[0];
        Assert.Equal((1, 3, 3), (pool.Number, pool.Incidents, pool.Occurrences.Count));
        Assert.Equal(["pm/a.yml", "pm/c.yml", "pm/e.yml"], pool.Occurrences.Select(o => o.Incident.Path));
        Assert.Contains("pool", pool.Terms);
        var certificate = report.RecurringFactors[1];
        Assert.Equal((2, 2), (certificate.Number, certificate.Incidents));
        Assert.Equal(["pm/b.yml", "pm/d.yml"], certificate.Occurrences.Select(o => o.Incident.Path));

        // The factor about the on-call rotation is like no other and is in no group.
        Assert.DoesNotContain(report.RecurringFactors, g => g.Occurrences.Any(o => o.Text.Contains("rotation", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void A_repeat_is_a_later_incident_matching_the_latest_earlier_one_whose_actions_were_all_closed(string kind)
    {
        using var indexed = new IndexedRepository(kind);
        var session = indexed.Session;

        var report = StatsQuery.Compute(session, null, null, AsOf);

        // c came back after a (service and factor); e after c (factor only: e names no service). d matches b, whose action is open: no repeat.
        Assert.Equal([("pm/c.yml", "pm/e.yml"), ("pm/a.yml", "pm/c.yml")], report.Repeats.Select(r => (r.Earlier.Path, r.Later.Path)));
        var first = report.Repeats[1];
        Assert.Equal(["checkout"], first.Services);
        Assert.Equal([1], first.FactorGroups);
        Assert.Equal((2, 1), (first.EarlierActions, first.EarlierDone));
        Assert.Empty(report.Repeats[0].Services);

        // --since drops a: its group and its repeat go with it.
        var since = StatsQuery.Compute(session, new LocalDate(2024, 3, 1), null, AsOf);
        Assert.Equal([("pm/c.yml", "pm/e.yml")], since.Repeats.Select(r => (r.Earlier.Path, r.Later.Path)));
        Assert.Equal(["pm/c.yml", "pm/e.yml"], since.RecurringFactors[0].Occurrences.Select(o => o.Incident.Path));
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void By_service_counts_an_incident_in_each_of_its_services_and_by_team_uses_team_name(string kind)
    {
        using var indexed = new IndexedRepository(kind);
        var session = indexed.Session;

        var byService = StatsQuery.Compute(session, null, "service", AsOf);
        var byTeam = StatsQuery.Compute(session, null, "team", AsOf);

        Assert.Equal([("checkout", 2), ("payments", 1), ("search", 2), ("unknown", 1)], byService.Groups.Select(g => (g.Key, g.Incidents)));
        Assert.Equal([("Platform", 2), ("Search", 2), ("unknown", 1)], byTeam.Groups.Select(g => (g.Key, g.Incidents)));
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void A_store_of_schema_2_is_migrated_and_every_file_read_again_for_its_services(string kind)
    {
        // Given a store as schema 2 wrote it, its row marked current (same hash and stamp) but without services
        using var store = new StoreFixture(kind);
        PostmortemIndexTests.Write(store, "pm/a.yml", Incident("A", "2024-01-10", ["checkout"], "Platform", ["The database connection pool was exhausted under peak load"], ("Done", "2024-01-20")));
        var full = Path.Combine(store.Folder, "pm", "a.yml");
        var stamp = FileStamp.Of(full);
        using (var old = StoreSession.OpenAt(store.Location, schemaVersion: 2))
        {
            using var insert = old.Connection.CreateCommand();
            insert.CommandText = "INSERT INTO pm_documents (path, content_hash, inputs, kind, title, incident_date, errors, indexed_at, file_length, file_ticks) " +
                $"VALUES ('pm/a.yml', '{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(full)))}', '', 'incident', 'A', '2024-01-10', 0, '2024-01-01T00:00:00Z', {stamp.Length}, {stamp.Ticks})";
            insert.ExecuteNonQuery();
        }

        // When this version opens it and indexes
        using var session = store.Open();
        var version = StoreSchema.Version(session, null);
        var report = PostmortemIndexTests.Index(store, session, []);

        // Then the file was read again, and its services and team are in the index
        Assert.Equal(StoreSchema.Current, version);
        Assert.Equal((0, 1), (report.Added, report.Updated));
        var byService = StatsQuery.Compute(session, null, "service", AsOf);
        Assert.Equal(["checkout"], byService.Groups.Select(g => g.Key));
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void The_json_carries_the_groups_and_the_repeats_with_the_method_version(string kind)
    {
        using var indexed = new IndexedRepository(kind);
        var session = indexed.Session;
        using var stream = new MemoryStream();

        StatsReportWriter.Write(StatsQuery.Compute(session, null, null, AsOf), "json", stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var recurring = json.RootElement.GetProperty("recurringFactors");
        Assert.Equal("1", recurring.GetProperty("methodVersion").GetString());
        var group = recurring.GetProperty("groups")[0];
        Assert.Equal(3, group.GetProperty("incidents").GetInt32());
        Assert.Equal("pm/a.yml", group.GetProperty("factors")[0].GetProperty("incident").GetProperty("path").GetString());
        Assert.Equal("technical", group.GetProperty("factors")[0].GetProperty("category").GetString());
        var repeat = json.RootElement.GetProperty("repeats")[1];
        Assert.Equal(("pm/a.yml", "pm/c.yml"), (repeat.GetProperty("earlier").GetProperty("path").GetString(), repeat.GetProperty("later").GetProperty("path").GetString()));
        Assert.Equal("2024-01-10", repeat.GetProperty("earlier").GetProperty("date").GetString());
        Assert.Equal(1, repeat.GetProperty("factorGroups")[0].GetInt32());
        Assert.Equal(2, repeat.GetProperty("earlierActions").GetInt32());
    }

    /// <summary>The repository below, indexed.</summary>
    private sealed class IndexedRepository : IDisposable
    {
        private readonly StoreFixture store;

        public IndexedRepository(string kind)
        {
            store = Repository(kind);
            Session = store.Open();
            PostmortemIndexTests.Index(store, Session, []);
        }

        public StoreSession Session { get; }

        public void Dispose()
        {
            Session.Dispose();
            store.Dispose();
        }
    }

    /// <summary>
    /// Five incidents: a (checkout, pool; fixed), b (search, certificate; open), c (checkout and payments, pool; fixed),
    /// d (search, certificate; open), e (no service, pool; open). Team Platform for a and c; Search for b and d; none for e.
    /// </summary>
    internal static StoreFixture Repository(string kind)
    {
        var store = new StoreFixture(kind);
        PostmortemIndexTests.Write(store, "pm/a.yml", Incident("Checkout slow", "2024-01-10", ["checkout"], "Platform",
            ["The database connection pool was exhausted under peak load", "New engineers joined the on-call rotation without shadowing"], ("Done", "2024-01-20"), ("won't do", "2024-01-30")));
        PostmortemIndexTests.Write(store, "pm/b.yml", Incident("Search down", "2024-02-10", ["search"], "Search",
            ["The TLS certificate on the search API expired and was not monitored"], ("Open", "2024-07-01")));
        PostmortemIndexTests.Write(store, "pm/c.yml", Incident("Checkout errors", "2024-03-10", ["checkout", "payments"], "Platform",
            ["Connection pool exhaustion on the primary database"], ("Done", "2024-03-20")));
        PostmortemIndexTests.Write(store, "pm/d.yml", Incident("Search errors", "2024-03-20", ["search"], "Search",
            ["Certificate expiry dates were not monitored for internal endpoints"], ("Open", "2024-07-01")));
        PostmortemIndexTests.Write(store, "pm/e.yml", Incident("Orders slow", "2024-04-01", [], null,
            ["All connections in the database pool were in use, so new requests queued and the pool was exhausted"], ("Open", "2024-07-01")));
        return store;
    }

    internal static string Incident(string title, string date, string[] services, string? team, string[] factors, params (string Status, string Due)[] actions) =>
        Incidents.Yaml(title, date, 5, actions:
            (services.Length == 0 ? string.Empty : $"services: [{string.Join(", ", services)}]\n")
            + (team is null ? string.Empty : $"team:\n  name: {team}\n")
            + "factors:\n  technical:\n" + string.Concat(factors.Select(f => $"    - {f}\n"))
            + Incidents.Actions([.. actions.Select((a, i) => ($"Action {i + 1} of {title}", "Platform", a.Due, a.Status))]));
}
