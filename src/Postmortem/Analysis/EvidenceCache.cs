using Postmortem.Model;

namespace Postmortem.Analysis;

/// <summary>
/// One shared instance of each evidence list and rule name in a run: a million events that say "rolled back the
/// deploy" hold one list and one rule string between them instead of a million copies (issue 9, scale).
/// </summary>
internal sealed class EvidenceCache
{
    // Bounded so that hostile input with endless distinct phrases costs no more than it would without the cache.
    private const int MaxEntries = 1 << 16;

    private readonly Dictionary<IReadOnlyList<KindEvidence>, IReadOnlyList<KindEvidence>> lists = new(ListComparer.Instance);
    private readonly Dictionary<KindEvidence, KindEvidence> items = [];
    private readonly Dictionary<KindEvidence, string> rules = [];

    /// <summary>The shared list equal to <paramref name="evidence"/> (same items in the same order).</summary>
    public IReadOnlyList<KindEvidence> Intern(IReadOnlyList<KindEvidence> evidence)
    {
        if (evidence.Count == 0)
        {
            return [];
        }

        if (lists.TryGetValue(evidence, out var shared))
        {
            return shared;
        }

        var copy = new KindEvidence[evidence.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = Intern(evidence[i]);
        }

        if (lists.Count < MaxEntries)
        {
            lists[copy] = copy;
        }

        return copy;
    }

    /// <summary>The rule name of <paramref name="evidence"/> (<see cref="KindLexicon.Rule"/>), built once per distinct evidence.</summary>
    public string Rule(KindEvidence evidence)
    {
        if (rules.TryGetValue(evidence, out var rule))
        {
            return rule;
        }

        rule = KindLexicon.Rule(evidence);
        if (rules.Count < MaxEntries)
        {
            rules[evidence] = rule;
        }

        return rule;
    }

    private KindEvidence Intern(KindEvidence evidence)
    {
        if (items.TryGetValue(evidence, out var shared))
        {
            return shared;
        }

        if (items.Count < MaxEntries)
        {
            items[evidence] = evidence;
        }

        return evidence;
    }

    private sealed class ListComparer : IEqualityComparer<IReadOnlyList<KindEvidence>>
    {
        public static readonly ListComparer Instance = new();

        public bool Equals(IReadOnlyList<KindEvidence>? x, IReadOnlyList<KindEvidence>? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.Count != y.Count)
            {
                return false;
            }

            for (var i = 0; i < x.Count; i++)
            {
                if (!x[i].Equals(y[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(IReadOnlyList<KindEvidence> list)
        {
            var hash = new HashCode();
            foreach (var e in list)
            {
                hash.Add(e);
            }

            return hash.ToHashCode();
        }
    }
}
