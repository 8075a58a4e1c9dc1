using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using Postmortem.Store;
using Postmortem.Store.Reports;

namespace Postmortem.Tests.Store;

/// <summary>The stats page keeps the minimum-sample rule: below it a metric's dots are drawn hollow with no median or p90, and a month has no point.</summary>
public sealed class StatsHtmlTests
{
    private static readonly LocalDate AsOf = new(2024, 6, 1);

    [Fact]
    public void A_metric_below_the_minimum_sample_shows_its_dots_hollow_and_no_median_or_p90()
    {
        // Given: time to detect known for 3 incidents, the other metrics for 6
        var report = Report(Group("all", 6, known: 3));

        // When
        var page = Page(report);
        var html = page[..page.IndexOf("Monthly trend", StringComparison.Ordinal)];

        // Then: 3 hollow dots and "too few to say"; 4 metrics with a median and a p90 each
        Assert.Equal(3, Regex.Count(html, "<circle [^>]*fill=\"none\""));
        Assert.Contains("too few to say", html, StringComparison.Ordinal);
        Assert.Equal(Metrics.All.Count - 1, Regex.Count(html, "<title>median</title>"));
        Assert.Equal(Metrics.All.Count - 1, Regex.Count(html, "<title>p90</title>"));
        Assert.Contains("known for 3 of 6", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_month_below_the_minimum_sample_has_no_point_and_its_coverage_under_it()
    {
        // Given: January with 6 known values, February with 2 of 4, March without incidents
        var report = Report(Group("all", 10, known: 8)) with { Monthly = [Group("2024-01", 6, known: 6), Group("2024-02", 4, known: 2), Group("2024-04", 5, known: 5)] };

        // When
        var html = Page(report);

        // Then: every month from January to April is on the axis, March with no incident, February too few
        foreach (var month in new[] { "2024-01", "2024-02", "2024-03", "2024-04" })
        {
            Assert.Contains($">{month}</text>", html, StringComparison.Ordinal);
        }

        Assert.Contains(">2/4</text>", html, StringComparison.Ordinal);
        Assert.Contains(">0</text>", html, StringComparison.Ordinal);
        Assert.Contains("2024-02: too few to say", html, StringComparison.Ordinal);

        // January and April have points but are not neighbours: no line joins them across the gap.
        var trend = html[html.IndexOf("Monthly trend", StringComparison.Ordinal)..];
        Assert.Equal(2 * 2 * Metrics.All.Count, Regex.Count(trend, "<circle [^>]*r=\"4\""));
        Assert.DoesNotContain("stroke-width=\"2\"", trend, StringComparison.Ordinal);
    }

    private static StatsReport Report(StatsGroup group) =>
        new(Metrics.Version, null, null, AsOf, [group], new ActionHealth(0, 0, 0, 0, 0, [])) { Monthly = [group with { Key = "2024-01" }] };

    private static StatsGroup Group(string key, int incidents, int known) =>
        new(key, incidents, [.. Metrics.All.Select((m, i) => Summary(m, incidents, i == 0 ? known : Math.Min(incidents, Math.Max(known, Metrics.MinimumSample))))]);

    private static MetricSummary Summary(Metric metric, int total, int known)
    {
        var values = Enumerable.Range(1, known).Select(v => (long)v * 7).ToList();
        return known < Metrics.MinimumSample
            ? new MetricSummary(metric.Name, known, total, null, null) { Values = values }
            : new MetricSummary(metric.Name, known, total, Metrics.NearestRank(values, 50), Metrics.NearestRank(values, 90)) { Values = values };
    }

    private static string Page(StatsReport report)
    {
        using var stream = new MemoryStream();
        StatsReportWriter.Write(report, "html", stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
