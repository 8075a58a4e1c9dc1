using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Postmortem.Analysis.Factors;

namespace Postmortem.Store;

/// <summary>
/// The factor groups of <c>stats</c>, kept in the store (<c>pm_factor_groupings</c>, schema 7) under a fingerprint of
/// exactly what grouping reads: the method's settings and every factor text in the order grouped. The same texts in the
/// same order give the same groups (<see cref="FactorGrouping"/> is deterministic), so a stored grouping is used only
/// when the fingerprint is equal, and any added, edited, removed or reordered factor (or a new method) misses it: a
/// stale grouping cannot be read, whatever ran in between. Grouping is the one part of <c>stats</c> that grows faster
/// than the index (10 s at 100,000 factors); the first <c>stats</c> after a change to the factors pays it once and
/// saves the result, later ones read it (issue 10: stats ≥ 20× faster than the files).
/// </summary>
internal static class FactorGroupCache
{
    /// <summary>How many groupings are kept (one per distinct factor list, e.g. per <c>--since</c>); the oldest saved go first.</summary>
    private const int Kept = 4;

    /// <summary>The layout of a saved grouping, and of the code that makes one: bump it when either changes without a new method version.</summary>
    private const string Layout = "1";

    /// <summary>The groups of <paramref name="texts"/> by <paramref name="method"/>: the saved ones when their fingerprint is equal, otherwise computed and saved.</summary>
    public static IReadOnlyList<FactorCluster> Group(StoreSession session, IReadOnlyList<string> texts, FactorMethod method)
    {
        var fingerprint = Fingerprint(texts, method);
        if (Load(session, fingerprint, texts.Count) is { } saved)
        {
            return saved;
        }

        var groups = FactorGrouping.Group(texts, method);
        Save(session, fingerprint, texts.Count, groups);

        // Grouping is a one-off burst (once per change of the factor set) whose vectors are garbage now: one compacting
        // collection, the large-object heap included, hands that memory back before the rest of stats allocates (issue 10:
        // the first stats at 100,000 postmortems peaked at 370 MB without it).
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return groups;
    }

    /// <summary>SHA-256 of the layout, the method's settings and each text with its length (so no two lists of texts share one stream).</summary>
    internal static string Fingerprint(IReadOnlyList<string> texts, FactorMethod method)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"factor-groups {Layout}\nmethod {method.Version} {method.WordWeight:R} {method.Threshold:R} {method.GramLength}\ntexts {texts.Count}\n")));
        Span<byte> length = stackalloc byte[4];
        foreach (var text in texts)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, text.Length);
            hash.AppendData(length);
            hash.AppendData(MemoryMarshal.AsBytes(text.AsSpan()));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The saved grouping, one line per group: <c>medoid TAB terms TAB members</c> (positions in the list grouped,
    /// separated by spaces; terms are stems, letters and digits only). Null when none is saved or it does not parse as
    /// positions in a list of <paramref name="count"/>: then it is computed again and replaced.
    /// </summary>
    private static List<FactorCluster>? Load(StoreSession session, string fingerprint, int count)
    {
        using var command = session.Command("SELECT clusters FROM pm_factor_groupings WHERE fingerprint = @f AND factors = @n", null, ("f", fingerprint), ("n", count));
        return command.ExecuteScalar() is string text ? Parse(text, count) : null;
    }

    private static List<FactorCluster>? Parse(string text, int count)
    {
        var groups = new List<FactorCluster>();
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.IsEmpty)
            {
                continue;
            }

            var first = line.IndexOf('\t');
            var second = first < 0 ? -1 : line[(first + 1)..].IndexOf('\t') + first + 1;
            if (first < 0 || second <= first || !Position(line[..first], count, out var medoid))
            {
                return null;
            }

            var members = new List<int>();
            foreach (var range in line[(second + 1)..].Split(' '))
            {
                if (!Position(line[(second + 1)..][range], count, out var member))
                {
                    return null;
                }

                members.Add(member);
            }

            var terms = line[(first + 1)..second];
            groups.Add(new FactorCluster(members, medoid, terms.IsEmpty ? [] : terms.ToString().Split(' ')));
        }

        return groups;
    }

    private static bool Position(ReadOnlySpan<char> text, int count, out int position) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out position) && position < count;

    /// <summary>
    /// Saves <paramref name="groups"/> under <paramref name="fingerprint"/> in a short transaction of its own and keeps the
    /// <see cref="Kept"/> latest. Best effort: a store that cannot be written now (read-only, or locked past the timeout)
    /// only means the next <c>stats</c> groups again.
    /// </summary>
    private static void Save(StoreSession session, string fingerprint, int count, IReadOnlyList<FactorCluster> groups)
    {
        var text = new StringBuilder();
        foreach (var group in groups)
        {
            text.Append(group.Medoid.ToString(CultureInfo.InvariantCulture)).Append('\t').AppendJoin(' ', group.Terms).Append('\t');
            for (var m = 0; m < group.Members.Count; m++)
            {
                text.Append(m == 0 ? string.Empty : " ").Append(group.Members[m].ToString(CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        try
        {
            using var transaction = session.BeginWrite();
            session.Execute("DELETE FROM pm_factor_groupings WHERE fingerprint = @f", transaction, ("f", fingerprint));
            session.Execute(
                "INSERT INTO pm_factor_groupings (fingerprint, factors, clusters, saved) VALUES (@f, @n, @g, (SELECT COALESCE(MAX(saved), 0) + 1 FROM pm_factor_groupings))",
                transaction,
                ("f", fingerprint),
                ("n", count),
                ("g", text.ToString()));
            session.Execute(
                $"DELETE FROM pm_factor_groupings WHERE fingerprint NOT IN (SELECT fingerprint FROM pm_factor_groupings ORDER BY saved DESC LIMIT {Kept})", transaction);
            transaction.Commit();
        }
        catch (DbException)
        {
            // Not saved: correct either way (the groups were computed), only slower next time.
        }
    }
}
