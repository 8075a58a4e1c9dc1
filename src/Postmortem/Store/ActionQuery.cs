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
            SELECT a.path, d.title, a.action_id, a.action, a.type, a.owner, a.due, a.status, a.state, a.line, a.note, a.tracker, d.postmortem_id, d.severity, d.incident_date, a.state_since
            FROM pm_actions a JOIN pm_documents d ON d.path = a.path
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
        using var command = session.Command(sql.ToString(), null, [.. parameters]);
        using var reader = command.ExecuteReader();
        var actions = new List<IndexedAction>();

        // Dates repeat across rows (a few hundred distinct days in 500,000 actions), so each distinct text is parsed once;
        // the document's title, id, severity and date repeat per action of one postmortem, so they are shared too.
        var dates = new Dictionary<string, LocalDate?>(StringComparer.Ordinal);
        LocalDate? Date(string? text)
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

        var document = (Path: (string?)null, Title: (string?)null, Id: (string?)null, Severity: (string?)null, Date: (LocalDate?)null);
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var path = reader.GetString(0);
            if (path != document.Path)
            {
                document = (path, Text(1), Text(12), Text(13), Date(Text(14)));
            }

            actions.Add(new IndexedAction(document.Path!, document.Title, reader.GetString(2), reader.GetString(3), Text(4), Text(5), Date(Text(6)), reader.GetString(7), reader.GetString(8),
                Convert.ToInt32(reader.GetValue(9), System.Globalization.CultureInfo.InvariantCulture), Text(10), Text(11), document.Id, document.Severity, document.Date,
                Text(15) is { } since && InstantPattern.General.Parse(since) is { Success: true } at ? at.Value : null));
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

    private static int Rank(IndexedAction a, LocalDate asOf) => a.IsOverdue(asOf) ? 0 : a.Due is null ? 2 : 1;
}
