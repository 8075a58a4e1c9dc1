namespace Postmortem.Store.Reports;

/// <summary>Writes the report of <c>postmortem stats</c> in one format, chosen by <see cref="Name"/> (<c>--format</c>).</summary>
public interface IStatsReportWriter
{
    /// <summary>The format's name as a user types it: <c>markdown</c>, <c>json</c>, <c>html</c>.</summary>
    string Name { get; }

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/> as UTF-8.</summary>
    void Write(StatsReport report, Stream output);
}
