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

    // Made once: a lambda at the call would allocate a delegate for every event on this hot path.
    private readonly Func<IReadOnlyList<KindEvidence>, IReadOnlyList<KindEvidence>> copyList;

    public EvidenceCache() => copyList = Copy;

    /// <summary>The shared list equal to <paramref name="evidence"/> (same items in the same order).</summary>
    public IReadOnlyList<KindEvidence> Intern(IReadOnlyList<KindEvidence> evidence)
    {
        if (evidence.Count == 0)
        {
            return [];
        }

        return Shared(lists, evidence, copyList);
    }

    /// <summary>The rule name of <paramref name="evidence"/> (<see cref="KindLexicon.Rule"/>), built once per distinct evidence.</summary>
    public string Rule(KindEvidence evidence) => Shared(rules, evidence, KindLexicon.Rule);

    // A new list of the shared items, for a list not seen before.
    private KindEvidence[] Copy(IReadOnlyList<KindEvidence> list)
    {
        var copy = new KindEvidence[list.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = Shared(items, list[i], item => item);
        }

        return copy;
    }

    // The value already made for an equal key, or a new one, remembered while the cache is below its bound.
    private static TValue Shared<TKey, TValue>(Dictionary<TKey, TValue> cache, TKey key, Func<TKey, TValue> make)
        where TKey : notnull
    {
        if (cache.TryGetValue(key, out var shared))
        {
            return shared;
        }

        var made = make(key);
        if (cache.Count < MaxEntries)
        {
            cache[key] = made;
        }

        return made;
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
