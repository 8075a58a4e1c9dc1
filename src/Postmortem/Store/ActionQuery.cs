using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Postmortem.Store;

/// <summary>Action items across every indexed postmortem, filtered in the database (the open/due index serves <c>--overdue</c>).</summary>
public static class ActionQuery
{
    /// <summary>The actions <paramref name="filter"/> selects, overdue first, then by due date, file and position.</summary>
    public static IReadOnlyList<IndexedAction> Find(StoreSession session, ActionFilter filter)
    {
        var sql = new StringBuilder(
            """
            SELECT a.path, a.action_id, a.action, a.type, a.owner, a.due, a.status, a.state, a.line, a.note, a.tracker, a.state_since
            FROM pm_actions a
            WHERE 1 = 1
            """);
        var parameters = new List<(string, object?)>();
        var asOf = LocalDatePattern.Iso.Format(filter.AsOf);
        if (filter.Owner is { } owner)
        {
            sql.Append(" AND LOWER(a.owner) = LOWER(@owner)");
            parameters.Add(("owner", owner));
        }

        if (filter.Reference is { } reference)
        {
            // An id (minted ids are unique on their own) or path#id.
            var hash = reference.LastIndexOf('#');
            sql.Append(hash > 0 ? " AND a.path = @path AND a.action_id = @id" : " AND a.action_id = @id");
            parameters.Add(("id", hash > 0 ? reference[(hash + 1)..] : reference));
            if (hash > 0)
            {
                parameters.Add(("path", reference[..hash]));
            }
        }

        if (filter.State is { } state)
        {
            sql.Append(" AND a.state = @state");
            parameters.Add(("state", state));
        }

        if (filter.Overdue)
        {
            sql.Append(" AND a.state = 'open' AND a.due < @asOf");
            parameters.Add(("asOf", asOf));
        }

        if (filter.DueWithinDays is { } days)
        {
            sql.Append(" AND a.state = 'open' AND a.due >= @from AND a.due <= @until");
            parameters.Add(("from", asOf));
            parameters.Add(("until", LocalDatePattern.Iso.Format(filter.AsOf.PlusDays(days))));
        }

        sql.Append(" ORDER BY a.due, a.path, a.seq");
        var rows = ReadRows(session, sql.ToString(), parameters);
        var documents = DocumentFacts.Of(session, rows.Select(r => r.Path));
        var actions = new List<IndexedAction>(rows.Count);
        foreach (var row in rows)
        {
            // Every action has its postmortem (a foreign key); one missing would be a store written by hand, and is left out as the join did.
            if (documents.TryGetValue(row.Path, out var document))
            {
                actions.Add(row.ToAction(document));
            }
        }

        // Overdue first (the SQL orders by due date, which puts undated actions first in SQLite and last in PostgreSQL). The
        // rows of --overdue usually come in this order already: checked in one pass, sorted only when they do not.
        var order = Comparer<IndexedAction>.Create((a, b) =>
        {
            var c = Rank(a, filter.AsOf).CompareTo(Rank(b, filter.AsOf));
            c = c != 0 ? c : (a.Due ?? LocalDate.MaxIsoValue).CompareTo(b.Due ?? LocalDate.MaxIsoValue);
            c = c != 0 ? c : string.CompareOrdinal(a.Path, b.Path);
            return c != 0 ? c : a.Line.CompareTo(b.Line);
        });
        for (var i = 1; i < actions.Count; i++)
        {
            if (order.Compare(actions[i - 1], actions[i]) > 0)
            {
                // A stable sort, as LINQ's OrderBy was: equal keys keep the database's order.
                return [.. actions.Order(order)];
            }
        }

        return actions;
    }

    // The action rows alone: the postmortem's columns are read once per postmortem (DocumentFacts), not joined onto every row
    // (issue 10: at 500,000 actions the join's lookup per row was most of --overdue on SQLite).
    private static List<ActionRow> ReadRows(StoreSession session, string sql, List<(string, object?)> parameters)
    {
        // SQLite reads the rows in due order from the open/due index and fetches each from the table: scattered pages, which through
        // its 2 MB page cache cost a read call each. Mapping the file for this query lets them come from the OS cache directly.
        using var mapped = session.MapFileForRead();
        using var command = session.Command(sql, null, [.. parameters]);
        using var reader = command.ExecuteReader();
        var rows = new List<ActionRow>();

        // Paths, owners, types, statuses and dates repeat across rows: one instance of each, and each distinct date parsed once.
        var pool = new StringPool();
        var dates = new Dictionary<string, LocalDate?>(StringComparer.Ordinal);
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            rows.Add(new ActionRow(
                pool.Of(reader.GetString(0))!, reader.GetString(1), reader.GetString(2), pool.Of(Text(3)), pool.Of(Text(4)), Date(dates, Text(5)),
                pool.Of(reader.GetString(6))!, pool.Of(reader.GetString(7))!, Convert.ToInt32(reader.GetValue(8), System.Globalization.CultureInfo.InvariantCulture),
                Text(9), Text(10), StoredInstant.Seconds(Text(11)) is { } seconds ? Instant.FromUnixTimeSeconds(seconds) : null));
        }

        return rows;
    }

    internal static LocalDate? Date(Dictionary<string, LocalDate?> dates, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!dates.TryGetValue(text, out var date))
        {
            dates[text] = date = LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value : null;
        }

        return date;
    }

    private sealed record ActionRow(string Path, string Id, string Action, string? Type, string? Owner, LocalDate? Due, string Status, string State, int Line, string? Note, string? Tracker, Instant? StateSince)
    {
        public IndexedAction ToAction(DocumentFacts.Facts d) =>
            new(Path, d.Title, Id, Action, Type, Owner, Due, Status, State, Line, Note, Tracker, d.PostmortemId, d.Severity, d.IncidentDate, StateSince);
    }

    private static int Rank(IndexedAction a, LocalDate asOf) => a.IsOverdue(asOf) ? 0 : a.Due is null ? 2 : 1;
}
