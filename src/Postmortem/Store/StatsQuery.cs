using NodaTime;
using NodaTime.Text;

namespace Postmortem.Store;

/// <summary>Response-time trends and action health from the index, never from the files (docs/metrics.md).</summary>
public static class StatsQuery
{
    /// <summary>The groupings <c>--by</c> takes.</summary>
    public static IReadOnlyList<string> Groupings { get; } = ["severity", "month", "service", "team"];

    /// <summary>Computes the report over the incidents on or after <paramref name="since"/>, grouped by <paramref name="by"/>.</summary>
    public static StatsReport Compute(StoreSession session, LocalDate? since, string? by, LocalDate asOf)
    {
        // The paths, dates, severities, services and factor texts the queries below read, one instance each.
        var pool = new StringPool();
        var rows = Incidents(session, since, pool);
        var services = StatsTrends.Services(session, since, pool);
        var groups = Group(rows, by, services);
        var recurring = StatsTrends.RecurringFactors(session, since, rows.ToDictionary(r => r.Incident.Path, r => r.Incident, StringComparer.Ordinal), pool);
        var byIncident = new Dictionary<string, (int Total, int Done, int Open)>(StringComparer.Ordinal);
        return new StatsReport(Metrics.Version, since, by, asOf, groups, Health(session, [.. rows.Select(r => r.Incident.Path)], asOf, byIncident))
        {
            Monthly = by == "month" ? groups : Group(rows, "month", services),
            RecurringFactors = recurring,
            Repeats = StatsTrends.Repeats([.. rows.Select(r => r.Incident)], byIncident, services, recurring),
        };
    }

    // An incident of two services counts in each service's group (docs/metrics.md); one of none is in "unknown".
    private static List<StatsGroup> Group(List<IncidentRow> rows, string? by, IReadOnlyDictionary<string, IReadOnlyList<string>> services) =>
        rows
            .SelectMany(r => (by switch
            {
                "severity" => [r.Severity ?? "unknown"],
                "month" => [r.Date is { Length: >= 7 } date ? date[..7] : "unknown"],
                "service" => services.TryGetValue(r.Incident.Path, out var names) ? names : ["unknown"],
                "team" => [r.Team ?? "unknown"],
                _ => (IReadOnlyList<string>)["all"],
            }).Select(key => (Key: key, Row: r)))
            .GroupBy(x => x.Key, x => x.Row)
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

    private static List<IncidentRow> Incidents(StoreSession session, LocalDate? since, StringPool pool)
    {
        // Each key time is read and parsed once, though several metrics span it.
        var names = Metrics.All.SelectMany(m => new[] { m.From, m.To }).Distinct(StringComparer.Ordinal).ToList();
        var spans = Metrics.All.Select(m => (From: names.IndexOf(m.From), To: names.IndexOf(m.To))).ToArray();
        var columns = string.Join(", ", names);
        using var command = session.Command(
            $"SELECT incident_date, severity, path, postmortem_id, title, team, {columns} FROM pm_documents WHERE kind = 'incident'" + (since is null ? string.Empty : " AND incident_date >= @since"),
            null,
            since is { } s ? [("since", LocalDatePattern.Iso.Format(s))] : []);
        using var reader = command.ExecuteReader();
        var rows = new List<IncidentRow>();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var date = pool.Of(Text(0));
            var seconds = new long?[names.Count];
            for (var c = 0; c < seconds.Length; c++)
            {
                seconds[c] = StoredInstant.Seconds(Text(6 + c));
            }

            var minutes = new long?[Metrics.All.Count];
            for (var m = 0; m < minutes.Length; m++)
            {
                // Whole seconds: the whole minutes between them are (long)Duration.TotalMinutes, as before.
                minutes[m] = seconds[spans[m].From] is { } from && seconds[spans[m].To] is { } to && to >= from ? (to - from) / 60 : null;
            }

            rows.Add(new IncidentRow(date, pool.Of(Text(1)), minutes) { Incident = new IncidentRef(pool.Of(reader.GetString(2))!, Text(3), Text(4), date), Team = pool.Of(Text(5)) });
        }

        return rows;
    }

    /// <summary>Action health, and each incident's action counts into <paramref name="byIncident"/> (for repeat incidents) from the same read.</summary>
    private static ActionHealth Health(StoreSession session, HashSet<string> incidents, LocalDate asOf, Dictionary<string, (int Total, int Done, int Open)> byIncident)
    {
        // Every action, kept to the incidents read above in memory: a join with pm_documents cost SQLite two B-tree
        // lookups per action (issue 10: stats over 500,000 actions).
        using var command = session.Command("SELECT state, due, owner, path FROM pm_actions");
        using var reader = command.ExecuteReader();
        int total = 0, done = 0, notDoing = 0, open = 0, overdue = 0;
        var byOwner = new Dictionary<string, int>(StringComparer.Ordinal);
        var today = LocalDatePattern.Iso.Format(asOf);
        while (reader.Read())
        {
            var path = reader.GetString(3);
            if (!incidents.Contains(path))
            {
                continue;
            }

            total++;
            var state = reader.GetString(0);
            ref var counts = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byIncident, path, out _);
            counts = (counts.Total + 1, counts.Done + (state == Model.ActionStatus.Done ? 1 : 0), counts.Open + (state == Model.ActionStatus.Open ? 1 : 0));
            switch (state)
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

    private sealed record IncidentRow(string? Date, string? Severity, long?[] Minutes)
    {
        public required IncidentRef Incident { get; init; }

        public string? Team { get; init; }
    }
}
