using NodaTime;
using Postmortem.Analysis.Factors;
using Postmortem.Store;

namespace Postmortem.Tests.Store;

/// <summary>The factor groups stats keeps in the store (schema 7): read back while the factors are unchanged, never when any changed.</summary>
public sealed class FactorGroupCacheTests
{
    private static readonly LocalDate AsOf = new(2024, 6, 1);

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void Stats_saves_the_groups_and_reads_them_back_while_the_factors_are_unchanged(string kind)
    {
        // Given the five incidents of TrendsTests, indexed, and stats run once
        using var store = TrendsTests.Repository(kind);
        using var session = store.Open();
        PostmortemIndexTests.Index(store, session, []);
        var first = Groups(StatsQuery.Compute(session, null, null, AsOf));
        var saved = Scalar(session, "SELECT COUNT(*) FROM pm_factor_groupings");

        // When the saved grouping is replaced by one of no groups (same fingerprint), and a file is touched and re-indexed with the same factors
        Execute(session, "UPDATE pm_factor_groupings SET clusters = ''");
        var touched = Path.Combine(store.Folder, "pm", "a.yml");
        File.AppendAllText(touched, "# touched\n");
        var report = PostmortemIndexTests.Index(store, session, []);
        var second = Groups(StatsQuery.Compute(session, null, null, AsOf));

        // Then stats saved one grouping, and the second stats read it instead of grouping (so it shows the replaced one's no groups)
        Assert.Equal(1, saved);
        Assert.Equal(["pm/a.yml pm/c.yml pm/e.yml", "pm/b.yml pm/d.yml"], first);
        Assert.Equal(1, report.Updated);
        Assert.Empty(second);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_saved_grouping_is_never_used_once_a_factor_is_added_edited_or_removed(string kind, string change)
    {
        // Given stats run once, and its saved grouping replaced by one of no groups
        using var store = TrendsTests.Repository(kind);
        using var session = store.Open();
        PostmortemIndexTests.Index(store, session, []);
        StatsQuery.Compute(session, null, null, AsOf);
        Execute(session, "UPDATE pm_factor_groupings SET clusters = ''");

        // When a factor is added (a new incident), edited (e's factor names another cause) or removed (d deleted), and the folder re-indexed
        switch (change)
        {
            case "add":
                PostmortemIndexTests.Write(store, "pm/f.yml", TrendsTests.Incident("Search slow", "2024-05-01", ["search"], null, ["The search API certificate expired unnoticed"], ("Open", "2024-07-01")));
                break;
            case "edit":
                PostmortemIndexTests.Write(store, "pm/e.yml", TrendsTests.Incident("Orders slow", "2024-04-01", [], null, ["A disk filled up with verbose debug logs"], ("Open", "2024-07-01")));
                break;
            default:
                File.Delete(Path.Combine(store.Folder, "pm", "d.yml"));
                break;
        }

        PostmortemIndexTests.Index(store, session, []);
        var groups = Groups(StatsQuery.Compute(session, null, null, AsOf));

        // Then the groups are computed again from the changed factors, and saved beside the old grouping
        string[] expected = change switch
        {
            "add" => ["pm/a.yml pm/c.yml pm/e.yml", "pm/b.yml pm/d.yml pm/f.yml"],
            "edit" => ["pm/a.yml pm/c.yml", "pm/b.yml pm/d.yml"],
            _ => ["pm/a.yml pm/c.yml pm/e.yml"],
        };
        Assert.Equal(expected, groups);
        Assert.Equal(2, Scalar(session, "SELECT COUNT(*) FROM pm_factor_groupings"));
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void A_saved_grouping_that_does_not_parse_is_computed_again_and_replaced_and_only_the_latest_four_are_kept(string kind)
    {
        using var store = TrendsTests.Repository(kind);
        using var session = store.Open();
        PostmortemIndexTests.Index(store, session, []);
        StatsQuery.Compute(session, null, null, AsOf);
        Execute(session, "UPDATE pm_factor_groupings SET clusters = '0\tpool\t1 99'");

        var repaired = Groups(StatsQuery.Compute(session, null, null, AsOf));
        var rows = Scalar(session, "SELECT COUNT(*) FROM pm_factor_groupings");
        var afterRepair = Groups(StatsQuery.Compute(session, null, null, AsOf));

        // Six --since dates: six factor lists (a, b, c, d and e drop out one by one), of which the last four are kept.
        foreach (var since in new[] { "2024-01-01", "2024-01-11", "2024-02-11", "2024-03-11", "2024-03-21", "2024-04-02" })
        {
            StatsQuery.Compute(session, NodaTime.Text.LocalDatePattern.Iso.Parse(since).Value, null, AsOf);
        }

        Assert.Equal(["pm/a.yml pm/c.yml pm/e.yml", "pm/b.yml pm/d.yml"], repaired);
        Assert.Equal(1, rows);
        Assert.Equal(repaired, afterRepair);
        Assert.Equal(4, Scalar(session, "SELECT COUNT(*) FROM pm_factor_groupings"));
    }

    [Fact]
    public void The_fingerprint_changes_with_any_text_their_order_their_boundaries_or_the_method()
    {
        var method = FactorMethod.Current;
        string[] texts = ["pool exhausted", "certificate expired", "pool exhausted again"];
        var fingerprint = FactorGroupCache.Fingerprint(texts, method);

        Assert.Equal(fingerprint, FactorGroupCache.Fingerprint([.. texts], method));
        Assert.NotEqual(fingerprint, FactorGroupCache.Fingerprint(["pool exhausted", "pool exhausted again", "certificate expired"], method));
        Assert.NotEqual(fingerprint, FactorGroupCache.Fingerprint(["pool exhausted", "certificate expired", "pool exhausted  again"], method));
        Assert.NotEqual(fingerprint, FactorGroupCache.Fingerprint(["pool exhausted", "certificate expired", "pool exhausted again", ""], method));
        Assert.NotEqual(FactorGroupCache.Fingerprint(["ab", "c"], method), FactorGroupCache.Fingerprint(["a", "bc"], method));
        Assert.NotEqual(fingerprint, FactorGroupCache.Fingerprint(texts, method with { Threshold = 0.2 }));
        Assert.NotEqual(fingerprint, FactorGroupCache.Fingerprint(texts, method with { Version = "2" }));
    }

    public static TheoryData<string, string> Changes()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { "sqlite", "postgres" })
        {
            foreach (var change in new[] { "add", "edit", "remove" })
            {
                data.Add(kind, change);
            }
        }

        return data;
    }

    private static List<string> Groups(StatsReport report) =>
        [.. report.RecurringFactors.Select(g => string.Join(' ', g.Occurrences.Select(o => o.Incident.Path)))];

    private static long Scalar(StoreSession session, string sql)
    {
        using var command = session.Connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(StoreSession session, string sql)
    {
        using var command = session.Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
