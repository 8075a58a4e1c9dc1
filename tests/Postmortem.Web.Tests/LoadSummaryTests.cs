using Postmortem.WebBench;

namespace Postmortem.Web.Tests;

/// <summary>The load bench's summary code (bench/Postmortem.WebBench/LoadSummary.cs, compiled in here): nearest-rank percentiles and memory quarters.</summary>
public sealed class LoadSummaryTests
{
    [Fact]
    public void Percentiles_are_nearest_rank_over_one_to_a_hundred()
    {
        var sorted = Enumerable.Range(1, 100).Select(i => (double)i).ToList();
        Assert.Equal(50, LoadSummary.Percentile(sorted, 50));
        Assert.Equal(99, LoadSummary.Percentile(sorted, 99));
        Assert.Equal(100, LoadSummary.Percentile(sorted, 100));
        Assert.Equal(1, LoadSummary.Percentile(sorted, 0));
    }

    [Fact]
    public void The_p99_of_a_small_sample_is_its_largest_value()
    {
        Assert.Equal(30, LoadSummary.Percentile([10, 20, 30], 99));
        Assert.Equal(20, LoadSummary.Percentile([10, 20, 30], 50));
    }

    [Fact]
    public void Summarise_sorts_counts_and_keeps_the_errors()
    {
        var latency = LoadSummary.Summarise("page", [5, 1, 4, 2, 3], errors: 2);
        Assert.Equal(new Latency("page", 5, 2, 3, 5, 5), latency);
    }

    [Fact]
    public void Quarter_medians_take_the_first_and_last_quarter_in_the_order_sampled()
    {
        // 8 samples: quarters of 2; the first quarter {100, 300} has nearest-rank median 100, the last {50, 70} 50.
        var (first, last) = LoadSummary.QuarterMedians([100, 300, 900, 900, 900, 900, 70, 50]);
        Assert.Equal(100, first);
        Assert.Equal(50, last);
    }

    [Fact]
    public void An_empty_sample_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LoadSummary.Percentile([], 50));
        Assert.True(double.IsNaN(LoadSummary.Summarise("none", [], 0).P99));
    }
}
