namespace Postmortem.Analysis.Factors;

/// <summary>
/// Groups factor texts that name the same cause, leader first: in input order, each text joins the group whose
/// first text (its leader) it is most like, when that similarity (<see cref="FactorVectors"/>) reaches the
/// method's threshold, and otherwise starts a group of its own. Every member is thus like its group's leader
/// itself; similarity is never chained through other members (single linkage merged whole indexes into one group
/// through a few cross-cause links, bench --factors). Deterministic: the same texts in the same order give the
/// same groups.
/// </summary>
public static class FactorGrouping
{
    /// <summary>A stem of more leaders than this proposes only its latest <see cref="MaxPosting"/> leaders, so the work stays near linear.</summary>
    public const int MaxPosting = 2000;

    /// <summary>The groups of two or more texts among <paramref name="texts"/>, ordered by their leader (first member).</summary>
    public static IReadOnlyList<FactorCluster> Group(IReadOnlyList<string> texts, FactorMethod method)
    {
        var vectors = FactorVectors.Of(texts, method);
        var leaders = new List<int>();
        var members = new List<List<int>>();
        var postings = new Dictionary<int, List<int>>();
        var seen = new HashSet<int>();

        // A text seen before has the same vector, so its similarity to every leader it was compared with is known: only
        // leaders made since then are compared (exact as long as no posting list was cut to its latest MaxPosting leaders).
        var earlier = new Dictionary<string, (int Best, double Similarity, int Leaders)>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            // Candidates are the leaders that share a stem with the text; the most similar wins, the earliest on a tie.
            seen.Clear();
            int best = -1, from = 0;
            var bestSimilarity = 0.0;
            var features = vectors.WordFeatures(i);
            if (earlier.TryGetValue(texts[i], out var known) && !features.Any(f => postings.TryGetValue(f, out var l) && l.Count > MaxPosting))
            {
                (best, bestSimilarity, from) = known;
            }

            foreach (var feature in features)
            {
                if (!postings.TryGetValue(feature, out var list))
                {
                    continue;
                }

                for (var p = Math.Max(0, list.Count - MaxPosting); p < list.Count; p++)
                {
                    var group = list[p];
                    if (group < from || !seen.Add(group))
                    {
                        continue;
                    }

                    var similarity = vectors.Similarity(leaders[group], i);
                    if (similarity >= method.Threshold && (similarity > bestSimilarity || (similarity == bestSimilarity && group < best)))
                    {
                        (best, bestSimilarity) = (group, similarity);
                    }
                }
            }

            if (best >= 0)
            {
                members[best].Add(i);
                earlier[texts[i]] = (best, bestSimilarity, leaders.Count);
                continue;
            }

            leaders.Add(i);
            members.Add([i]);
            foreach (var feature in features)
            {
                if (!postings.TryGetValue(feature, out var list))
                {
                    postings[feature] = list = [];
                }

                list.Add(leaders.Count - 1);
            }

            // The same text again would be compared with this leader first: its own similarity.
            var self = vectors.Similarity(i, i);
            earlier[texts[i]] = self >= method.Threshold ? (leaders.Count - 1, self, leaders.Count) : (-1, 0.0, leaders.Count);
        }

        return [.. members.Where(m => m.Count > 1).Select(m => Describe(m, vectors))];
    }

    private static FactorCluster Describe(List<int> members, FactorVectors vectors)
    {
        // The medoid among the first 200 members (past 200 they stand for the group), found in linear time (FactorVectors.Medoid).
        var sample = members.Count > 200 ? members.GetRange(0, 200) : members;
        return new FactorCluster(members, vectors.Medoid(sample), vectors.SharedStems(members, 5));
    }
}
