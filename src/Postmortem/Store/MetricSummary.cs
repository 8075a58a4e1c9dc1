namespace Postmortem.Store;

/// <summary>One metric over a group of incidents: median and p90 with coverage, or nothing when the sample is too small.</summary>
/// <param name="Name">The metric's name.</param>
/// <param name="Known">Incidents in the group for which both key timestamps are known.</param>
/// <param name="Total">Incidents in the group.</param>
/// <param name="MedianMinutes">The nearest-rank median, or null below <see cref="Metrics.MinimumSample"/>.</param>
/// <param name="P90Minutes">The nearest-rank 90th percentile, or null below <see cref="Metrics.MinimumSample"/>.</param>
public sealed record MetricSummary(string Name, int Known, int Total, long? MedianMinutes, long? P90Minutes)
{
    /// <summary>The known values in minutes, sorted: the incidents a distribution plot draws one by one.</summary>
    public IReadOnlyList<long> Values { get; init; } = [];
}
