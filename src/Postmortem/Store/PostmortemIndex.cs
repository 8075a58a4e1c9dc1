using System.Data.Common;
using System.Security.Cryptography;
using NodaTime;
using NodaTime.Text;
using Postmortem.Analysis;
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
        var found = IndexWalker.Find(baseDirectory, roots, (path, full) => known.TryGetValue(path, out var stored) && stored.Stamp == FileStamp.Of(full));
        var prefixes = roots.Select(r => IndexWalker.Relative(baseDirectory, Path.GetFullPath(r, baseDirectory))).ToList();

        // Each read is reduced to its rows at once: holding every analysed postmortem (timeline, evidence) until the
        // write would keep the whole run's analysis live, and the collector's cost would grow with it.
        var changed = new List<(DocumentRows Rows, IReadOnlyList<Diagnostic> Diagnostics, bool New)>();
        var unchanged = 0;
        var restamped = new List<(string Path, FileStamp Stamp)>();
        foreach (var (path, full) in found)
        {
            // As git's index does: a file whose size and modification time are as stored is not read again; otherwise its
            // SHA-256 decides (a touched but unchanged file is not re-analysed). Either way its inputs must be as stored too.
            var stamp = FileStamp.Of(full);
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
                writer.Delete(rows.Path);
                writer.Insert(rows, now);
            }

            foreach (var (path, stamp) in restamped)
            {
                writer.Restamp(path, stamp);
            }

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

    private static string Hash(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>What one file puts in the store: the document's row and its actions, factors and diagnostics (parameter values in column order).</summary>
    private sealed record DocumentRows(string Path, FileStamp Stamp, object?[] Document, List<object?[]> Actions, List<object?[]> Factors, List<object?[]> Diagnostics)
    {
        public static DocumentRows Of(string path, FileStamp stamp, string hash, string inputs, IndexedRead result)
        {
            var pm = result.Postmortem;
            var d = pm?.Document;
            var k = pm?.Keys;
            object?[] document =
            [
                path, hash, inputs, d?.Id, d?.Type.ToString().ToLowerInvariant(), d?.Title, IncidentDate(pm), pm?.Severity?.Level ?? d?.Severity,
                Time(k?.ImpactStart), Time(k?.Detection), Time(k?.Escalation), Time(k?.Mitigation), Time(k?.Resolution), Time(k?.Communication),
                pm?.DurationMinutes, result.Diagnostics.Count(x => x.Severity == DiagnosticSeverity.Error),
            ];

            var seq = 0;
            var actions = new List<object?[]>();
            foreach (var a in d?.Actions ?? [])
            {
                actions.Add([path, seq++, a.Id, a.Action, a.Type?.ToString().ToLowerInvariant(), a.Owner, a.Due is { } due ? LocalDatePattern.Iso.Format(due) : null, a.Status, Model.ActionStatus.Of(a.Status), a.Line, a.Note, a.Tracker, null]);
            }

            seq = 0;
            var factors = new List<object?[]>();
            foreach (var f in d?.Factors ?? [])
            {
                factors.Add([path, seq++, f.Id, f.Category, f.Text]);
            }

            seq = 0;
            var diagnostics = new List<object?[]>();
            foreach (var x in result.Diagnostics)
            {
                diagnostics.Add([path, seq++, x.Code, Diagnostic.SeverityWord(x.Severity), x.Line, x.Column, x.Message]);
            }

            return new DocumentRows(path, stamp, document, actions, factors, diagnostics);
        }

        private static string? Time(KeyTimestamp? key) => key is null ? null : InstantPattern.General.Format(key.Time);

        private static string? IncidentDate(AnalyzedPostmortem? pm) => pm?.IncidentDate is { } value ? LocalDatePattern.Iso.Format(value) : null;
    }

    /// <summary>
    /// The statements of one run's transaction, each prepared once and reused with new values (SQLite, in process); on
    /// PostgreSQL the statements go in batches, so a run costs a few round trips per hundred documents instead of several per document.
    /// </summary>
    private sealed class DocumentWriter(StoreSession session, DbTransaction transaction) : IDisposable
    {
        private const int BatchSize = 1000;

        // Children first: SQLite enforces ON DELETE CASCADE only with foreign_keys on, and a store may be opened without it.
        private static readonly Statement[] Deletes =
            [.. new[] { "pm_actions", "pm_factors", "pm_diagnostics", "pm_documents" }.Select(table => new Statement($"DELETE FROM {table} WHERE path = @path", ["path"]))];

        private static readonly Statement InsertDocument = new(
            """
            INSERT INTO pm_documents (path, content_hash, inputs, postmortem_id, kind, title, incident_date, severity, impact_start, detection,
                escalation, mitigation, resolution, communication, duration_minutes, errors, indexed_at, file_length, file_ticks)
            VALUES (@path, @hash, @inputs, @id, @kind, @title, @date, @severity, @impact, @detection, @escalation, @mitigation, @resolution,
                @communication, @duration, @errors, @now, @length, @ticks)
            """,
            ["path", "hash", "inputs", "id", "kind", "title", "date", "severity", "impact", "detection", "escalation", "mitigation", "resolution", "communication", "duration", "errors", "now", "length", "ticks"]);

        private static readonly Statement UpdateStamp = new("UPDATE pm_documents SET file_length = @length, file_ticks = @ticks WHERE path = @path", ["length", "ticks", "path"]);

        private static readonly Statement InsertAction = new(
            "INSERT INTO pm_actions (path, seq, action_id, action, type, owner, due, status, state, line, note, tracker, state_since) VALUES (@path, @seq, @id, @action, @type, @owner, @due, @status, @state, @line, @note, @tracker, @since)",
            ["path", "seq", "id", "action", "type", "owner", "due", "status", "state", "line", "note", "tracker", "since"]);

        private static readonly Statement InsertFactor = new(
            "INSERT INTO pm_factors (path, seq, factor_id, category, text) VALUES (@path, @seq, @id, @category, @text)",
            ["path", "seq", "id", "category", "text"]);

        private static readonly Statement InsertDiagnostic = new(
            "INSERT INTO pm_diagnostics (path, seq, code, severity, line, col, message) VALUES (@path, @seq, @code, @severity, @line, @col, @message)",
            ["path", "seq", "code", "severity", "line", "col", "message"]);

        private readonly Dictionary<Statement, DbCommand> prepared = [];
        private DbBatch? batch;

        public void Restamp(string path, FileStamp stamp) => Run(UpdateStamp, [stamp.Length, stamp.Ticks, path]);

        public void Delete(string path)
        {
            foreach (var statement in Deletes)
            {
                Run(statement, [path]);
            }
        }

        public void Insert(DocumentRows rows, string now)
        {
            Run(InsertDocument, [.. rows.Document, now, rows.Stamp.Length, rows.Stamp.Ticks]);
            foreach (var row in rows.Actions)
            {
                Run(InsertAction, row);
            }

            foreach (var row in rows.Factors)
            {
                Run(InsertFactor, row);
            }

            foreach (var row in rows.Diagnostics)
            {
                Run(InsertDiagnostic, row);
            }
        }

        /// <summary>Sends what is still batched.</summary>
        public void Flush()
        {
            if (batch is { BatchCommands.Count: > 0 })
            {
                batch.ExecuteNonQuery();
                batch.BatchCommands.Clear();
            }
        }

        public void Dispose()
        {
            batch?.Dispose();
            foreach (var command in prepared.Values)
            {
                command.Dispose();
            }
        }

        private void Run(Statement statement, object?[] values)
        {
            if (session.Kind == StoreKind.Postgres)
            {
                batch ??= NewBatch();
                var command = batch.CreateBatchCommand();
                command.CommandText = statement.Sql;
                for (var i = 0; i < values.Length; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = statement.Parameters[i];
                    parameter.Value = values[i] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(command);
                if (batch.BatchCommands.Count >= BatchSize)
                {
                    Flush();
                }

                return;
            }

            if (!prepared.TryGetValue(statement, out var reused))
            {
                reused = session.Command(statement.Sql, transaction, [.. statement.Parameters.Select(name => (name, (object?)null))]);
                reused.Prepare();
                prepared[statement] = reused;
            }

            for (var i = 0; i < values.Length; i++)
            {
                reused.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            reused.ExecuteNonQuery();
        }

        private DbBatch NewBatch()
        {
            var created = session.Connection.CreateBatch();
            created.Transaction = transaction;
            return created;
        }
    }

    private sealed record Statement(string Sql, string[] Parameters);
}
