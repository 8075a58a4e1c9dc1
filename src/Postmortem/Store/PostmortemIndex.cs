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
        var walked = IndexWalker.Find(baseDirectory, roots, (path, stamp) =>
            known.TryGetValue(path, out var stored) && stored.Stamp == stamp ? true : remembered.TryGetValue(path, out var other) && other == stamp ? false : null);
        var (found, others) = (walked.Postmortems, walked.Others);
        var prefixes = roots.Select(r => IndexWalker.Relative(baseDirectory, Path.GetFullPath(r, baseDirectory))).ToList();

        // As git's index does: a file whose size and modification time are as stored is not read again, and its inputs (a
        // notes file it names) are checked against the walk's own stamps; a file whose stamp differs is hashed, and its
        // SHA-256 decides (a touched but unchanged file is not re-analysed). Only those files' stored hashes are read.
        var unchanged = 0;
        var restamped = new List<(string Path, FileStamp Stamp)>();
        var suspects = new List<(string Path, FileStamp Stamp, bool Known)>();
        foreach (var (path, stamp) in found)
        {
            var isKnown = known.TryGetValue(path, out var before);
            if (isKnown && stamp == before.Stamp && (before.Inputs.Length == 0 || InputStamps.Unchanged(before.Inputs, walked)))
            {
                unchanged++;
                continue;
            }

            suspects.Add((path, stamp, isKnown));
        }

        // Each read is reduced to its rows at once: holding every analysed postmortem (timeline, evidence) until the
        // write would keep the whole run's analysis live, and the collector's cost would grow with it.
        var changed = new List<(DocumentRows Rows, IReadOnlyList<Diagnostic> Diagnostics, bool New)>();
        var hashes = StoredHashes(session, [.. suspects.Where(s => s.Known).Select(s => s.Path)]);
        foreach (var (path, stamp, isKnown) in suspects.OrderBy(s => s.Path, StringComparer.Ordinal))
        {
            var full = Path.GetFullPath(path, baseDirectory);
            var hash = Hash(full);
            if (isKnown && hashes.GetValueOrDefault(path) == hash && (known[path].Inputs.Length == 0 || InputStamps.Unchanged(known[path].Inputs, walked)))
            {
                restamped.Add((path, stamp));
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

    /// <summary>Every stored document's input stamps and file stamp, by path: what a re-index compares (the hashes are read only for files whose stamp differs).</summary>
    private static Dictionary<string, (string Inputs, FileStamp? Stamp)> Known(StoreSession session)
    {
        var known = new Dictionary<string, (string, FileStamp?)>(StringComparer.Ordinal);
        using var command = session.Command("SELECT path, inputs, file_length, file_ticks FROM pm_documents");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // A row written before schema 2 has no stamp: its file is hashed once, then stamped.
            FileStamp? stamp = reader.IsDBNull(2) || reader.IsDBNull(3) ? null : new FileStamp(reader.GetInt64(2), reader.GetInt64(3));
            known[reader.GetString(0)] = (reader.GetString(1), stamp);
        }

        return known;
    }

    /// <summary>The stored SHA-256 of each of <paramref name="paths"/>: one query per path when there are a few, one for all otherwise.</summary>
    private static Dictionary<string, string> StoredHashes(StoreSession session, IReadOnlyList<string> paths)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (paths.Count > 32)
        {
            var wanted = paths.ToHashSet(StringComparer.Ordinal);
            using var all = session.Command("SELECT path, content_hash FROM pm_documents");
            using var reader = all.ExecuteReader();
            while (reader.Read())
            {
                if (wanted.Contains(reader.GetString(0)))
                {
                    hashes[reader.GetString(0)] = reader.GetString(1);
                }
            }

            return hashes;
        }

        foreach (var path in paths)
        {
            using var command = session.Command("SELECT content_hash FROM pm_documents WHERE path = @path", null, ("path", path));
            if (command.ExecuteScalar() is string hash)
            {
                hashes[path] = hash;
            }
        }

        return hashes;
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
