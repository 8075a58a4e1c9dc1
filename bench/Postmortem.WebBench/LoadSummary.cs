namespace Postmortem.WebBench;

/// <summary>Latency percentiles and memory quarters of a load run (nearest-rank percentiles, no interpolation).</summary>
public static class LoadSummary
{
    /// <summary>The nearest-rank <paramref name="percent"/>th percentile of <paramref name="sorted"/> (ascending).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sorted.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Max(rank, 1) - 1];
    }

    /// <summary>The median (the 50th percentile by nearest rank) of unsorted <paramref name="values"/>.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return Percentile(sorted, 50);
    }

    /// <summary>The medians of the first and the last quarter of <paramref name="samples"/> (in the order taken).</summary>
    public static (double First, double Last) QuarterMedians(IReadOnlyList<double> samples)
    {
        var quarter = Math.Max(1, samples.Count / 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples.Count, 2);
        return (Median(samples.Take(quarter)), Median(samples.Skip(samples.Count - quarter)));
    }

    /// <summary>The latencies of one kind of request.</summary>
    public static Latency Summarise(string name, IEnumerable<double> milliseconds, int errors)
    {
        var sorted = milliseconds.Order().ToList();
        return sorted.Count == 0
            ? new Latency(name, 0, errors, double.NaN, double.NaN, double.NaN)
            : new Latency(name, sorted.Count, errors, Percentile(sorted, 50), Percentile(sorted, 99), sorted[^1]);
    }
}

/// <summary>One kind of request's count, errors (any status but 200, or no answer) and latencies in milliseconds.</summary>
public sealed record Latency(string Name, int Count, int Errors, double P50, double P99, double Max);
