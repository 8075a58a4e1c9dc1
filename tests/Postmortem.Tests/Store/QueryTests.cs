using System.Text.Json;
using NodaTime;
using Postmortem.Store;
using Postmortem.Store.Reports;

namespace Postmortem.Tests.Store;

/// <summary><c>actions</c> and <c>stats</c> answer from the index, the same on both stores.</summary>
public sealed class QueryTests
{
    private static readonly LocalDate AsOf = new(2024, 4, 1);

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void Actions_are_filtered_by_owner_state_overdue_and_due_date(string kind)
    {
        using var store = new StoreFixture(kind);
        PostmortemIndexTests.Write(store, "pm/a.yml", Incidents.Yaml("Checkout errors", "2024-03-01", 5, actions: Incidents.Actions(
            ("Alert on pool saturation", "Platform", "2024-03-15", "Open"),
            ("Freeze deploys at peak", "SRE", "2024-04-05", "In progress"),
            ("Document the failover", "platform", "2024-03-10", "Done"),
            ("Rewrite the cache", "Platform", "2024-03-20", "won't do"))));
        using var session = store.Open();
        PostmortemIndexTests.Index(store, session, []);

        string[] Find(ActionFilter filter) => [.. ActionQuery.Find(session, filter).Select(a => a.Action)];

        Assert.Equal(["Alert on pool saturation"], Find(new ActionFilter { AsOf = AsOf, Overdue = true }));
        Assert.Equal(["Freeze deploys at peak"], Find(new ActionFilter { AsOf = AsOf, DueWithinDays = 7 }));
        Assert.Equal(["Alert on pool saturation", "Document the failover", "Rewrite the cache"], Find(new ActionFilter { AsOf = AsOf, Owner = "PLATFORM" }).Order());
        Assert.Equal(["Rewrite the cache"], Find(new ActionFilter { AsOf = AsOf, State = "not-doing" }));
        Assert.Equal("Alert on pool saturation", Find(new ActionFilter { AsOf = AsOf })[0]);
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void Each_action_carries_its_own_postmortems_title_and_severity_whether_few_or_many_postmortems_answer(string kind)
    {
        // The postmortem's columns are read apart from the action rows: by path for a few postmortems, by one scan for many (past 64).
        using var store = new StoreFixture(kind);
        const int count = 80;
        for (var i = 0; i < count; i++)
        {
            PostmortemIndexTests.Write(store, $"pm/{i:D3}.yml", Incidents.Yaml($"Incident {i}", $"2024-02-{1 + (i % 28):D2}", 5, i % 2 == 0 ? "SEV-1" : "SEV-3",
                Incidents.Actions(($"Fix {i}", i < 3 ? "Solo" : "Team", $"2024-03-{1 + (i % 28):D2}", "Open"))));
        }

        PostmortemIndexTests.Write(store, "pm/done.yml", Incidents.Yaml("Closed one", "2024-02-01", 5, actions: Incidents.Actions(("Fix closed", "Team", "2024-03-01", "Done"))));
        using var session = store.Open();
        PostmortemIndexTests.Index(store, session, []);

        var many = ActionQuery.Find(session, new ActionFilter { AsOf = AsOf, Overdue = true });
        var few = ActionQuery.Find(session, new ActionFilter { AsOf = AsOf, Owner = "Solo" });

        Assert.Equal(count, many.Count);
        Assert.Equal(3, few.Count);
        Assert.All(many.Concat(few), a =>
        {
            var i = int.Parse(a.Action[4..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(($"pm/{i:D3}.yml", $"Incident {i}", i % 2 == 0 ? "1" : "3", new LocalDate(2024, 2, 1 + (i % 28))), (a.Path, a.Title, a.Severity?[^1..], a.IncidentDate));
        });
    }

    [Fact]
    public void Csv_quotes_what_needs_it_and_defuses_spreadsheet_formulas()
    {
        var action = new IndexedAction("pm/a.yml", "T", "1", "=HYPERLINK(\"http://x\")", "prevent", "Ops, east", new LocalDate(2024, 3, 1), "Open", "open", 9);
        using var stream = new MemoryStream();

        ActionsReport.Write([action], AsOf, "csv", stream);

        var line = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split("\r\n")[1];
        Assert.Equal("pm/a.yml,9,T,1,\"'=HYPERLINK(\"\"http://x\"\")\",prevent,\"Ops, east\",2024-03-01,Open,overdue,,,", line);
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void Stats_give_nearest_rank_median_and_p90_with_coverage(string kind)
    {
        using var store = new StoreFixture(kind);
        int[] detect = [2, 4, 6, 8, 10, 30];
        for (var i = 0; i < detect.Length; i++)
        {
            PostmortemIndexTests.Write(store, $"pm/{i}.yml", Incidents.Yaml($"Incident {i}", $"2024-0{1 + (i % 2)}-1{i}", detect[i], i < 5 ? "SEV-2" : "SEV-1"));
        }

        using var session = store.Open();
        PostmortemIndexTests.Index(store, session, []);

        var all = StatsQuery.Compute(session, null, null, AsOf);
        var bySeverity = StatsQuery.Compute(session, null, "severity", AsOf);

        var detectAll = Assert.Single(all.Groups).Metrics.Single(m => m.Name == "time to detect");
        Assert.Equal((6, 6, 6L, 30L), (detectAll.Known, detectAll.Total, detectAll.MedianMinutes, detectAll.P90Minutes));
        Assert.Equal(["SEV-1", "SEV-2"], bySeverity.Groups.Select(g => g.Key));
        var sev1 = bySeverity.Groups[0].Metrics.Single(m => m.Name == "time to detect");
        Assert.Equal((1, (long?)null), (sev1.Known, sev1.MedianMinutes));
        var communicate = all.Groups[0].Metrics.Single(m => m.Name == "time to communicate");
        Assert.Equal((0, 6), (communicate.Known, communicate.Total));
    }

    [Fact]
    public void The_stats_json_names_its_metrics_version_and_says_when_a_sample_is_too_small()
    {
        var report = new StatsReport(Metrics.Version, null, null, AsOf,
            [new StatsGroup("all", 3, [new MetricSummary("time to detect", 3, 3, null, null)])],
            new ActionHealth(4, 1, 1, 2, 1, [KeyValuePair.Create("Platform", 1)]));
        using var stream = new MemoryStream();

        StatsReportWriter.Write(report, "json", stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(Metrics.Version, json.RootElement.GetProperty("metricsVersion").GetString());
        var metric = json.RootElement.GetProperty("groups")[0].GetProperty("metrics")[0];
        Assert.Equal(JsonValueKind.Null, metric.GetProperty("medianMinutes").ValueKind);
        Assert.Equal(0.3333, json.RootElement.GetProperty("actions").GetProperty("completionRate").GetDouble());
    }

    [Theory]
    [InlineData(new long[] { 5 }, 50, 5)]
    [InlineData(new long[] { 1, 2, 3, 4 }, 50, 2)]
    [InlineData(new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 90, 9)]
    [InlineData(new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 90, 10)]
    public void The_nearest_rank_percentile_is_a_value_of_the_sample(long[] sorted, int percent, long expected) =>
        Assert.Equal(expected, Metrics.NearestRank(sorted, percent));
}
