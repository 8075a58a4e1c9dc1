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
        var found = IndexWalker.Find(baseDirectory, roots);
        var known = Known(session);
        var prefixes = roots.Select(r => IndexWalker.Relative(baseDirectory, Path.GetFullPath(r, baseDirectory))).ToList();
        var changed = new List<(string Path, string Hash, string Inputs, IndexedRead Read, bool New)>();
        var unchanged = 0;
        foreach (var (path, full) in found)
        {
            var hash = Hash(full);
            if (known.TryGetValue(path, out var before) && before.Hash == hash && InputStamps.Current(before.Inputs) == before.Inputs)
            {
                unchanged++;
                continue;
            }

            var result = read(full);
            var inputs = result.Postmortem is { } pm ? InputStamps.Of(full, pm) : string.Empty;
            changed.Add((path, hash, inputs, result, !known.ContainsKey(path)));
        }

        var removed = known.Keys.Where(path => !found.ContainsKey(path) && prefixes.Any(prefix => Under(path, prefix))).ToList();
        var now = InstantPattern.General.Format(Instant.FromDateTimeOffset(clock.GetUtcNow()));
        using (var transaction = session.BeginWrite())
        {
            var writer = new DocumentWriter(session, transaction);
            foreach (var path in removed)
            {
                writer.Delete(path);
            }

            foreach (var (path, hash, inputs, result, _) in changed)
            {
                writer.Delete(path);
                writer.Insert(path, hash, inputs, result, now);
            }

            transaction.Commit();
        }

        return new IndexReport(
            changed.Count(c => c.New),
            changed.Count(c => !c.New),
            unchanged,
            removed.Count,
            [.. changed.Select(c => KeyValuePair.Create(c.Path, c.Read.Diagnostics))]);
    }

    private static bool Under(string path, string prefix) =>
        prefix is "." or "" || path == prefix || path.StartsWith(prefix.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static Dictionary<string, (string Hash, string Inputs)> Known(StoreSession session)
    {
        var known = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        using var command = session.Command("SELECT path, content_hash, inputs FROM pm_documents");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            known[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return known;
    }

    private static string Hash(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The prepared statements of one run's transaction.</summary>
    private sealed class DocumentWriter(StoreSession session, DbTransaction transaction)
    {
        public void Delete(string path)
        {
            // Children first: SQLite enforces ON DELETE CASCADE only with foreign_keys on, and a store may be opened without it.
            foreach (var table in new[] { "pm_actions", "pm_factors", "pm_diagnostics", "pm_documents" })
            {
                session.Execute($"DELETE FROM {table} WHERE path = @path", transaction, ("path", path));
            }
        }

        public void Insert(string path, string hash, string inputs, IndexedRead result, string now)
        {
            var pm = result.Postmortem;
            var d = pm?.Document;
            var k = pm?.Keys;
            session.Execute(
                """
                INSERT INTO pm_documents (path, content_hash, inputs, postmortem_id, kind, title, incident_date, severity, impact_start, detection,
                    escalation, mitigation, resolution, communication, duration_minutes, errors, indexed_at)
                VALUES (@path, @hash, @inputs, @id, @kind, @title, @date, @severity, @impact, @detection, @escalation, @mitigation, @resolution,
                    @communication, @duration, @errors, @now)
                """,
                transaction,
                ("path", path), ("hash", hash), ("inputs", inputs), ("id", d?.Id), ("kind", d?.Type.ToString().ToLowerInvariant()), ("title", d?.Title),
                ("date", IncidentDate(pm)), ("severity", pm?.Severity?.Level ?? d?.Severity),
                ("impact", Time(k?.ImpactStart)), ("detection", Time(k?.Detection)), ("escalation", Time(k?.Escalation)), ("mitigation", Time(k?.Mitigation)),
                ("resolution", Time(k?.Resolution)), ("communication", Time(k?.Communication)), ("duration", pm?.DurationMinutes),
                ("errors", result.Diagnostics.Count(x => x.Severity == DiagnosticSeverity.Error)), ("now", now));

            var seq = 0;
            foreach (var a in d?.Actions ?? [])
            {
                session.Execute(
                    "INSERT INTO pm_actions (path, seq, action_id, action, type, owner, due, status, state, line) VALUES (@path, @seq, @id, @action, @type, @owner, @due, @status, @state, @line)",
                    transaction,
                    ("path", path), ("seq", seq++), ("id", a.Id), ("action", a.Action), ("type", a.Type?.ToString().ToLowerInvariant()), ("owner", a.Owner),
                    ("due", a.Due is { } due ? LocalDatePattern.Iso.Format(due) : null), ("status", a.Status), ("state", Model.ActionStatus.Of(a.Status)), ("line", a.Line));
            }

            seq = 0;
            foreach (var f in d?.Factors ?? [])
            {
                session.Execute(
                    "INSERT INTO pm_factors (path, seq, factor_id, category, text) VALUES (@path, @seq, @id, @category, @text)",
                    transaction,
                    ("path", path), ("seq", seq++), ("id", f.Id), ("category", f.Category), ("text", f.Text));
            }

            seq = 0;
            foreach (var x in result.Diagnostics)
            {
                session.Execute(
                    "INSERT INTO pm_diagnostics (path, seq, code, severity, line, col, message) VALUES (@path, @seq, @code, @severity, @line, @col, @message)",
                    transaction,
                    ("path", path), ("seq", seq++), ("code", x.Code), ("severity", Diagnostic.SeverityWord(x.Severity)), ("line", x.Line), ("col", x.Column), ("message", x.Message));
            }
        }

        private static string? Time(KeyTimestamp? key) => key is null ? null : InstantPattern.General.Format(key.Time);

        private static string? IncidentDate(AnalyzedPostmortem? pm)
        {
            if (pm is null)
            {
                return null;
            }

            var date = pm.Keys.ImpactStart is { } start ? start.Time.InZone(pm.Document.TimeZone).Date : pm.Document.Date;
            return date is { } value ? LocalDatePattern.Iso.Format(value) : null;
        }
    }
}
