namespace Postmortem.Analysis.Factors;

/// <summary>
/// Groups factor texts that name the same cause: two texts are linked when their similarity (<see cref="FactorVectors"/>)
/// reaches the method's threshold, and a group is everything linked directly or through others (single linkage).
/// Deterministic: the same texts in the same order give the same groups.
/// </summary>
public static class FactorGrouping
{
    /// <summary>A stem in more texts than this proposes each text's next <see cref="Window"/> texts only, so the work stays near linear.</summary>
    public const int MaxPosting = 2000;

    /// <summary>How many following texts of a long posting list each text is compared with.</summary>
    public const int Window = 64;

    /// <summary>The groups of two or more texts among <paramref name="texts"/>, ordered by their first member.</summary>
    public static IReadOnlyList<FactorCluster> Group(IReadOnlyList<string> texts, FactorMethod method)
    {
        var vectors = FactorVectors.Of(texts, method);
        var parent = Enumerable.Range(0, texts.Count).ToArray();

        // Candidates share a stem. A stem of a few texts proposes every pair of them; a stem of very many proposes each
        // text's next few in input order: a cause that recurs in hundreds of incidents is still joined, link by link.
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

        foreach (var list in postings.OrderBy(p => p.Key).Select(p => p.Value))
        {
            var window = list.Count > MaxPosting ? Window : list.Count;
            for (var p = 0; p < list.Count; p++)
            {
                for (var q = p + 1; q < list.Count && q <= p + window; q++)
                {
                    int a = Find(parent, list[p]), b = Find(parent, list[q]);
                    if (a != b && vectors.Similarity(list[p], list[q]) >= method.Threshold)
                    {
                        parent[Math.Max(a, b)] = Math.Min(a, b);
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
            .Take(5)
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
