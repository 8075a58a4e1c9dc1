namespace Postmortem.Analysis.Factors;

/// <summary>
/// Groups factor texts that name the same cause: two texts are linked when their similarity (<see cref="FactorVectors"/>)
/// reaches the method's threshold, and a group is everything linked directly or through others (single linkage).
/// Deterministic: the same texts in the same order give the same groups.
/// </summary>
public static class FactorGrouping
{
    /// <summary>A stem in more texts than this does not propose pairs by itself (its IDF is near the floor), so the work stays near linear.</summary>
    public const int MaxPosting = 2000;

    /// <summary>The groups of two or more texts among <paramref name="texts"/>, ordered by their first member.</summary>
    public static IReadOnlyList<FactorCluster> Group(IReadOnlyList<string> texts, FactorMethod method)
    {
        var vectors = FactorVectors.Of(texts, method);
        var parent = Enumerable.Range(0, texts.Count).ToArray();

        // Candidates share a stem; each pair is scored once, from its lower index.
        var postings = new Dictionary<int, List<int>>();
        for (var i = 0; i < texts.Count; i++)
        {
            foreach (var feature in vectors.WordFeatures(i))
            {
                if (!postings.TryGetValue(feature, out var list))
                {
                    postings[feature] = list = [];
                }

                list.Add(i);
            }
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            seen.Clear();
            foreach (var feature in vectors.WordFeatures(i))
            {
                var list = postings[feature];
                if (list.Count > MaxPosting)
                {
                    continue;
                }

                foreach (var j in list)
                {
                    if (j > i && seen.Add(j) && Find(parent, i) != Find(parent, j) && vectors.Similarity(i, j) >= method.Threshold)
                    {
                        parent[Math.Max(Find(parent, i), Find(parent, j))] = Math.Min(Find(parent, i), Find(parent, j));
                    }
                }
            }
        }

        return [.. Enumerable.Range(0, texts.Count)
            .GroupBy(i => Find(parent, i))
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.Key)
            .Select(g => Describe([.. g], vectors))];
    }

    private static FactorCluster Describe(List<int> members, FactorVectors vectors)
    {
        // Mean similarity is quadratic in the group's size; past 200 members the first 200 stand for it.
        var sample = members.Take(200).ToList();
        var medoid = sample.Select(m => (m, Score: sample.Where(o => o != m).Sum(o => vectors.Similarity(m, o)))).OrderByDescending(x => x.Score).ThenBy(x => x.m).First().m;
        var terms = members
            .SelectMany(m => vectors.StemsOf(m).Distinct())
            .GroupBy(s => s, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(3)
            .Select(g => g.Key)
            .ToList();
        return new FactorCluster(members, medoid, terms);
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
