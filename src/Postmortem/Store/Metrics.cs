namespace Postmortem.Store;

/// <summary>The response-time metrics of <c>postmortem stats</c>, as defined in docs/metrics.md (versioned: each output names <see cref="Version"/>).</summary>
public static class Metrics
{
    /// <summary>The definitions' version; it changes whenever a definition does.</summary>
    public const string Version = "1";

    /// <summary>Below this many known values a group's median and p90 are not given ("too few to say").</summary>
    public const int MinimumSample = 5;

    /// <summary>Each metric: its name and the two key timestamps it spans.</summary>
    public static IReadOnlyList<Metric> All { get; } =
    [
        new("time to detect", "impact_start", "detection"),
        new("time to escalate", "detection", "escalation"),
        new("time to mitigate", "impact_start", "mitigation"),
        new("time to resolve", "impact_start", "resolution"),
        new("time to communicate", "detection", "communication"),
    ];

    /// <summary>The nearest-rank percentile (docs/metrics.md): the smallest value with at least <paramref name="percent"/>% of the sample at or below it, so every figure is one an incident really had.</summary>
    public static long NearestRank(IReadOnlyList<long> sorted, int percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
