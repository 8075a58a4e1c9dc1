using System.Data.Common;
using NodaTime;
using NodaTime.Text;
using Postmortem.Analysis.Factors;

namespace Postmortem.Store;

/// <summary>What recurs across incidents (docs/metrics.md): contributing factors that name one cause, and incidents that came back after their actions were closed.</summary>
internal static class StatsTrends
{
    /// <summary>The services of each incident on or after <paramref name="since"/>, by path, in the order the file gives them.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Services(StoreSession session, LocalDate? since, StringPool pool)
    {
        var services = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var command = Incidents(session, "SELECT s.path, s.service FROM pm_services s JOIN pm_documents d ON d.path = s.path", since, " ORDER BY s.path, s.seq");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var path = pool.Of(reader.GetString(0))!;
            if (!services.TryGetValue(path, out var list))
            {
                services[path] = list = [];
            }

            list.Add(pool.Of(reader.GetString(1))!);
        }

        return services.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>Groups the factors of <paramref name="incidents"/> by <see cref="FactorMethod.Current"/> (the saved groups while the factors are unchanged); a group counts when it spans two incidents or more.</summary>
    public static IReadOnlyList<RecurringFactor> RecurringFactors(StoreSession session, LocalDate? since, IReadOnlyDictionary<string, IncidentRef> incidents, StringPool pool)
    {
        var factors = new List<(string Path, string Category, string Text)>();
        using (var command = Incidents(session, "SELECT f.path, f.category, f.text FROM pm_factors f JOIN pm_documents d ON d.path = f.path", since, " ORDER BY d.incident_date, f.path, f.seq"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                factors.Add((pool.Of(reader.GetString(0))!, pool.Of(reader.GetString(1))!, pool.Of(reader.GetString(2))!));
            }
        }

        var recurring = FactorGroupCache.Group(session, [.. factors.Select(f => f.Text)], FactorMethod.Current)
            .Select(g => (Cluster: g, Occurrences: g.Members.Where(m => incidents.ContainsKey(factors[m].Path))
                .Select(m => new FactorOccurrence(incidents[factors[m].Path], factors[m].Category, factors[m].Text)).ToList()))
            .Where(g => g.Occurrences.Select(o => o.Incident.Path).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => (g.Cluster, g.Occurrences, Incidents: g.Occurrences.Select(o => o.Incident.Path).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(g => g.Incidents).ThenBy(g => g.Cluster.Members[0])
            .ToList();
        return [.. recurring.Select((g, i) => new RecurringFactor(i + 1, factors[g.Cluster.Medoid].Text, g.Cluster.Terms, g.Occurrences))];
    }

    /// <summary>
    /// For each incident, the latest earlier incident (by date) that shares a service or a recurring-factor group with
    /// it and whose actions were all closed, at least one of them done; newest later incident first.
    /// </summary>
    public static IReadOnlyList<RepeatIncident> Repeats(IReadOnlyList<IncidentRef> incidents, IReadOnlyDictionary<string, (int Total, int Done, int Open)> actions, IReadOnlyDictionary<string, IReadOnlyList<string>> services, IReadOnlyList<RecurringFactor> recurring)
    {
        // Each incident's group numbers, ascending and distinct: the groups come in number order, so a list (a sorted set
        // per incident was 100,000 sets at 100,000 incidents).
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var group in recurring)
        {
            foreach (var o in group.Occurrences)
            {
                if (!groups.TryGetValue(o.Incident.Path, out var list))
                {
                    groups[o.Incident.Path] = list = [];
                }

                if (list.Count == 0 || list[^1] != group.Number)
                {
                    list.Add(group.Number);
                }
            }
        }

        IReadOnlyList<string> ServicesOf(IncidentRef i) => services.GetValueOrDefault(i.Path) ?? [];
        IReadOnlyList<int> GroupsOf(IncidentRef i) => groups.GetValueOrDefault(i.Path) ?? (IReadOnlyList<int>)[];

        // Only incidents with a date can be ordered; "fixed" = every action closed (done or not doing), one done at least.
        var dated = incidents.Where(i => i.Date is not null).OrderBy(i => i.Date, StringComparer.Ordinal).ThenBy(i => i.Path, StringComparer.Ordinal).ToList();

        // The fixed incidents under each service and each group, in date order: a later incident looks only under its own
        // keys. The keys of one incident are gathered into one reused list (at 100,000 incidents a string and a set per
        // key and incident were most of what stats allocated).
        var byKey = new Dictionary<RepeatKey, List<int>>(RepeatKey.Comparer);
        var keys = new List<RepeatKey>();
        for (var n = 0; n < dated.Count; n++)
        {
            if (actions.TryGetValue(dated[n].Path, out var a) && a.Open == 0 && a.Done > 0)
            {
                foreach (var key in RepeatKey.Of(ServicesOf(dated[n]), GroupsOf(dated[n]), keys))
                {
                    if (!byKey.TryGetValue(key, out var list))
                    {
                        byKey[key] = list = [];
                    }

                    list.Add(n);
                }
            }
        }

        var repeats = new List<RepeatIncident>();
        foreach (var later in dated)
        {
            var best = -1;
            foreach (var key in RepeatKey.Of(ServicesOf(later), GroupsOf(later), keys))
            {
                if (byKey.TryGetValue(key, out var list))
                {
                    // The last fixed incident of this key dated strictly before the later one: the list is in date order, so a
                    // binary search (a backward scan made this quadratic in the number of incidents).
                    var at = LastBefore(list, n => string.CompareOrdinal(dated[n].Date, later.Date) < 0);
                    best = at >= 0 ? Math.Max(best, list[at]) : best;
                }
            }

            if (best >= 0)
            {
                var earlier = dated[best];
                var (total, done, _) = actions[earlier.Path];
                repeats.Add(new RepeatIncident(earlier, later, SharedServices(ServicesOf(earlier), ServicesOf(later)), SharedGroups(GroupsOf(earlier), GroupsOf(later)), total, done));
            }
        }

        repeats.Reverse();
        return repeats;
    }

    /// <summary>The services of <paramref name="earlier"/> that <paramref name="later"/> names too (ignoring case), once each, in the earlier's order.</summary>
    private static string[] SharedServices(IReadOnlyList<string> earlier, IReadOnlyList<string> later)
    {
        var shared = new List<string>();
        foreach (var service in earlier)
        {
            if (later.Any(s => string.Equals(s, service, StringComparison.OrdinalIgnoreCase)) && !shared.Any(s => string.Equals(s, service, StringComparison.OrdinalIgnoreCase)))
            {
                shared.Add(service);
            }
        }

        return [.. shared];
    }

    /// <summary>The group numbers both ascending lists hold.</summary>
    private static int[] SharedGroups(IReadOnlyList<int> earlier, IReadOnlyList<int> later)
    {
        var shared = new List<int>();
        for (int i = 0, j = 0; i < earlier.Count && j < later.Count;)
        {
            if (earlier[i] == later[j])
            {
                shared.Add(earlier[i]);
                i++;
                j++;
            }
            else if (earlier[i] < later[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return [.. shared];
    }

    /// <summary>What a repeat is matched on: a service (ignoring case) or a recurring-factor group number.</summary>
    private readonly record struct RepeatKey(string? Service, int Group)
    {
        public static IEqualityComparer<RepeatKey> Comparer { get; } = new KeyComparer();

        /// <summary>The distinct keys of one incident, gathered into <paramref name="into"/> (cleared first).</summary>
        public static List<RepeatKey> Of(IReadOnlyList<string> services, IReadOnlyList<int> groups, List<RepeatKey> into)
        {
            into.Clear();
            foreach (var service in services)
            {
                var key = new RepeatKey(service, -1);
                if (!into.Exists(k => Comparer.Equals(k, key)))
                {
                    into.Add(key);
                }
            }

            foreach (var group in groups)
            {
                if (!into.Exists(k => k.Group == group))
                {
                    into.Add(new RepeatKey(null, group));
                }
            }

            return into;
        }

        private sealed class KeyComparer : IEqualityComparer<RepeatKey>
        {
            public bool Equals(RepeatKey x, RepeatKey y) => x.Group == y.Group && string.Equals(x.Service, y.Service, StringComparison.OrdinalIgnoreCase);

            public int GetHashCode(RepeatKey key) => HashCode.Combine(key.Group, key.Service is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(key.Service));
        }
    }

    /// <summary>The index of the last element of <paramref name="list"/> for which <paramref name="before"/> holds (true for a prefix of the list), or -1.</summary>
    private static int LastBefore(List<int> list, Func<int, bool> before)
    {
        int low = 0, high = list.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (before(list[middle]))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low - 1;
    }

    /// <summary>A query over the incidents' child rows (alias <c>d</c> for pm_documents), kept to incidents on or after <paramref name="since"/>.</summary>
    private static DbCommand Incidents(StoreSession session, string select, LocalDate? since, string orderBy) =>
        session.Command(
            select + " WHERE d.kind = 'incident'" + (since is null ? string.Empty : " AND d.incident_date >= @since") + orderBy,
            null,
            since is { } s ? [("since", LocalDatePattern.Iso.Format(s))] : []);
}
