using NodaTime;
using NodaTime.Text;

namespace Postmortem.Store;

/// <summary>Response-time trends and action health from the index, never from the files (docs/metrics.md).</summary>
public static class StatsQuery
{
    /// <summary>The groupings <c>--by</c> takes.</summary>
    public static IReadOnlyList<string> Groupings { get; } = ["severity", "month"];

    /// <summary>Computes the report over the incidents on or after <paramref name="since"/>, grouped by <paramref name="by"/>.</summary>
    public static StatsReport Compute(StoreSession session, LocalDate? since, string? by, LocalDate asOf)
    {
        var rows = Incidents(session, since);
        var groups = Group(rows, by);
        return new StatsReport(Metrics.Version, since, by, asOf, groups, Health(session, since, asOf)) { Monthly = by == "month" ? groups : Group(rows, "month") };
    }

    private static List<StatsGroup> Group(List<IncidentRow> rows, string? by) =>
        rows
            .GroupBy(r => by switch
            {
                "severity" => r.Severity ?? "unknown",
                "month" => r.Date is { Length: >= 7 } date ? date[..7] : "unknown",
                _ => "all",
            })
            .OrderBy(g => g.Key == "unknown" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new StatsGroup(g.Key, g.Count(), [.. Metrics.All.Select((m, i) => Summarise(m, i, [.. g]))]))
            .ToList();

    private static MetricSummary Summarise(Metric metric, int index, IReadOnlyList<IncidentRow> rows)
    {
        var values = rows.Select(r => r.Minutes[index]).OfType<long>().Order().ToList();
        return values.Count < Metrics.MinimumSample
            ? new MetricSummary(metric.Name, values.Count, rows.Count, null, null) { Values = values }
            : new MetricSummary(metric.Name, values.Count, rows.Count, Metrics.NearestRank(values, 50), Metrics.NearestRank(values, 90)) { Values = values };
    }

    private static List<IncidentRow> Incidents(StoreSession session, LocalDate? since)
    {
        var columns = string.Join(", ", Metrics.All.SelectMany(m => new[] { m.From, m.To }));
        using var command = session.Command(
            $"SELECT incident_date, severity, {columns} FROM pm_documents WHERE kind = 'incident'" + (since is null ? string.Empty : " AND incident_date >= @since"),
            null,
            since is { } s ? [("since", LocalDatePattern.Iso.Format(s))] : []);
        using var reader = command.ExecuteReader();
        var rows = new List<IncidentRow>();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var minutes = new long?[Metrics.All.Count];
            for (var m = 0; m < minutes.Length; m++)
            {
                minutes[m] = Instant(Text(2 + (2 * m))) is { } from && Instant(Text(3 + (2 * m))) is { } to && to >= from ? (long)(to - from).TotalMinutes : null;
            }

            rows.Add(new IncidentRow(Text(0), Text(1), minutes));
        }

        return rows;
    }

    private static ActionHealth Health(StoreSession session, LocalDate? since, LocalDate asOf)
    {
        using var command = session.Command(
            "SELECT a.state, a.due, a.owner FROM pm_actions a JOIN pm_documents d ON d.path = a.path WHERE d.kind = 'incident'" + (since is null ? string.Empty : " AND d.incident_date >= @since"),
            null,
            since is { } s ? [("since", LocalDatePattern.Iso.Format(s))] : []);
        using var reader = command.ExecuteReader();
        int total = 0, done = 0, notDoing = 0, open = 0, overdue = 0;
        var byOwner = new Dictionary<string, int>(StringComparer.Ordinal);
        var today = LocalDatePattern.Iso.Format(asOf);
        while (reader.Read())
        {
            total++;
            switch (reader.GetString(0))
            {
                case Model.ActionStatus.Done:
                    done++;
                    break;
                case Model.ActionStatus.NotDoing:
                    notDoing++;
                    break;
                default:
                    open++;
                    if (!reader.IsDBNull(1) && string.CompareOrdinal(reader.GetString(1), today) < 0)
                    {
                        overdue++;
                        var owner = reader.IsDBNull(2) ? "no owner" : reader.GetString(2);
                        byOwner[owner] = byOwner.GetValueOrDefault(owner) + 1;
                    }

                    break;
            }
        }

        return new ActionHealth(total, done, notDoing, open, overdue, [.. byOwner.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)]);
    }

    private static Instant? Instant(string? text) => text is not null && InstantPattern.General.Parse(text) is { Success: true } parsed ? parsed.Value : null;

    private sealed record IncidentRow(string? Date, string? Severity, long?[] Minutes);
}
