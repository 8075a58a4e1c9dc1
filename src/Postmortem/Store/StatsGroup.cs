namespace Postmortem.Store;

/// <summary>The metrics of one group of incidents (all, one severity, one month).</summary>
/// <param name="Key">The group: "all", a severity, or a month (yyyy-MM); "unknown" when the incident has none.</param>
/// <param name="Incidents">How many incidents it holds.</param>
/// <param name="Metrics">Each metric over the group.</param>
public sealed record StatsGroup(string Key, int Incidents, IReadOnlyList<MetricSummary> Metrics);
