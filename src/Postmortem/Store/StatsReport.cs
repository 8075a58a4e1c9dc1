using NodaTime;

namespace Postmortem.Store;

/// <summary>What <c>postmortem stats</c> reports.</summary>
/// <param name="MetricsVersion">The version of the definitions (docs/metrics.md).</param>
/// <param name="Since">Only incidents on or after this date, when given.</param>
/// <param name="By">The grouping: null (all), "severity" or "month".</param>
/// <param name="AsOf">The day overdue actions are counted on.</param>
/// <param name="Groups">The metrics per group.</param>
/// <param name="Actions">Action health over the same incidents.</param>
public sealed record StatsReport(string MetricsVersion, LocalDate? Since, string? By, LocalDate AsOf, IReadOnlyList<StatsGroup> Groups, ActionHealth Actions)
{
    /// <summary>The same incidents grouped by month (yyyy-MM, "unknown" last), whatever <see cref="By"/> is: the monthly trend.</summary>
    public IReadOnlyList<StatsGroup> Monthly { get; init; } = [];
}
