using System.Security.Cryptography;
using NodaTime;
using NodaTime.Text;
using Postmortem.Diagnostics;

namespace Postmortem.Store;

/// <summary>
/// <c>postmortem index</c>: every postmortem under some folders, read into the store. Only what changed is re-read
/// (the file's SHA-256 and the size and time of each input it names); what was deleted is dropped; every write of a
/// run is one transaction, so a killed run leaves the previous index whole and two runs take turns.
/// </summary>
public static class PostmortemIndex
{
    /// <summary>Indexes <paramref name="roots"/> (relative to <paramref name="baseDirectory"/>) with <paramref name="read"/> for each new or changed file.</summary>
    public static IndexReport Update(StoreSession session, string baseDirectory, IReadOnlyList<string> roots, Func<string, IndexedRead> read, TimeProvider clock)
    {
        var known = Known(session);
        var remembered = Others(session);
        var (found, others) = IndexWalker.Find(baseDirectory, roots, (path, stamp) =>
            known.TryGetValue(path, out var stored) && stored.Stamp == stamp ? true : remembered.TryGetValue(path, out var other) && other == stamp ? false : null);
        var prefixes = roots.Select(r => IndexWalker.Relative(baseDirectory, Path.GetFullPath(r, baseDirectory))).ToList();

        // Each read is reduced to its rows at once: holding every analysed postmortem (timeline, evidence) until the
        // write would keep the whole run's analysis live, and the collector's cost would grow with it.
        var changed = new List<(DocumentRows Rows, IReadOnlyList<Diagnostic> Diagnostics, bool New)>();
        var unchanged = 0;
        var restamped = new List<(string Path, FileStamp Stamp)>();
        foreach (var (path, (full, stamp)) in found)
        {
            // As git's index does: a file whose size and modification time are as stored is not read again; otherwise its
            // SHA-256 decides (a touched but unchanged file is not re-analysed). Either way its inputs must be as stored too.
            var isKnown = known.TryGetValue(path, out var before);
            var hash = isKnown && stamp == before.Stamp ? before.Hash : Hash(full);
            if (isKnown && before.Hash == hash && InputStamps.Current(before.Inputs) == before.Inputs)
            {
                if (stamp != before.Stamp)
                {
                    restamped.Add((path, stamp));
                }

                unchanged++;
                continue;
            }

            var result = read(full);
            var inputs = result.Postmortem is { } pm ? InputStamps.Of(full, pm) : string.Empty;
            changed.Add((DocumentRows.Of(path, stamp, hash, inputs, result), result.Diagnostics, !isKnown));
        }

        var removed = known.Keys.Where(path => !found.ContainsKey(path) && prefixes.Any(prefix => Under(path, prefix))).ToList();

        // Other files opened this run are remembered with their stamp; those remembered but gone (or postmortems now) are forgotten.
        var seen = others.Where(o => o.Value.Opened).Select(o => (Path: o.Key, o.Value.Stamp)).ToList();
        var forgotten = remembered.Keys.Where(path => !others.ContainsKey(path) && prefixes.Any(prefix => Under(path, prefix))).ToList();
        if (changed.Count == 0 && removed.Count == 0 && restamped.Count == 0 && seen.Count == 0 && forgotten.Count == 0)
        {
            // Nothing to write: no transaction, no commit (a re-index of an unchanged repository only walks and compares).
            return new IndexReport(0, 0, unchanged, 0, []);
        }

        var now = InstantPattern.General.Format(Instant.FromDateTimeOffset(clock.GetUtcNow()));
        var states = PreviousStates(session, [.. changed.Where(c => !c.New).Select(c => c.Rows.Path)]);
        foreach (var (rows, _, isNew) in changed)
        {
            // An action keeps the time its state was first seen; a change seen now is dated now; the actions of a file
            // indexed for the first time have no such time (the index did not see them change).
            foreach (var row in rows.Actions)
            {
                var key = (rows.Path, (string)row[2]!);
                row[^1] = isNew ? null : states.TryGetValue(key, out var was) && was.State == (string)row[8]! ? was.Since : now;
            }
        }

        using (var transaction = session.BeginWrite())
        {
            using var writer = new DocumentWriter(session, transaction);
            foreach (var path in removed)
            {
                writer.Delete(path);
            }

            foreach (var (rows, _, _) in changed)
            {
                // New ones too: the rows were read before this transaction, and a run that held the lock meanwhile may
                // have indexed the same file (two runs at once take turns and both finish).
                writer.Delete(rows.Path);
                writer.Insert(rows, now);
            }

            foreach (var (path, stamp) in restamped)
            {
                writer.Restamp(path, stamp);
            }

            forgotten.ForEach(writer.Forget);
            seen.ForEach(o => writer.Other(o.Path, o.Stamp));

            writer.Flush();
            transaction.Commit();
        }

        return new IndexReport(
            changed.Count(c => c.New),
            changed.Count(c => !c.New),
            unchanged,
            removed.Count,
            [.. changed.Select(c => KeyValuePair.Create(c.Rows.Path, c.Diagnostics))]);
    }

    private static Dictionary<(string Path, string Id), (string State, string? Since)> PreviousStates(StoreSession session, IReadOnlyList<string> paths)
    {
        var states = new Dictionary<(string, string), (string, string?)>();
        foreach (var path in paths)
        {
            using var command = session.Command("SELECT action_id, state, state_since FROM pm_actions WHERE path = @path", null, ("path", path));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                states[(path, reader.GetString(0))] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            }
        }

        return states;
    }

    private static bool Under(string path, string prefix) =>
        prefix is "." or "" || path == prefix || path.StartsWith(prefix.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static Dictionary<string, (string Hash, string Inputs, FileStamp? Stamp)> Known(StoreSession session)
    {
        var known = new Dictionary<string, (string, string, FileStamp?)>(StringComparer.Ordinal);
        using var command = session.Command("SELECT path, content_hash, inputs, file_length, file_ticks FROM pm_documents");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // A row written before schema 2 has no stamp: its file is hashed once, then stamped.
            FileStamp? stamp = reader.IsDBNull(3) || reader.IsDBNull(4) ? null : new FileStamp(Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture));
            known[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2), stamp);
        }

        return known;
    }

    private static Dictionary<string, FileStamp> Others(StoreSession session)
    {
        var others = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        using var command = session.Command("SELECT path, file_length, file_ticks FROM pm_other_files");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            others[reader.GetString(0)] = new FileStamp(reader.GetInt64(1), reader.GetInt64(2));
        }

        return others;
    }

    private static string Hash(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
