using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Postmortem.Store;

/// <summary>The postmortems in the index, filtered in the database: what a browser lists and what a path may name.</summary>
public static class DocumentQuery
{
    /// <summary>The postmortems <paramref name="filter"/> selects, newest incident first, then by path.</summary>
    public static IReadOnlyList<IndexedDocument> Find(StoreSession session, DocumentFilter filter)
    {
        var sql = new StringBuilder(Select);
        var parameters = new List<(string, object?)>();
        if (filter.Text is { Length: > 0 } text)
        {
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var i = 0; i < words.Length; i++)
            {
                // LIKE with the word's own wildcards escaped, so a search for "100%" finds that text and nothing more.
                sql.Append(CultureInfo.InvariantCulture, $" AND LOWER(COALESCE(d.title, '') || ' ' || COALESCE(d.postmortem_id, '') || ' ' || d.path) LIKE @w{i} ESCAPE '\\'");
                parameters.Add(($"w{i}", "%" + Escape(words[i].ToLowerInvariant()) + "%"));
            }
        }

        if (filter.Severity is { Length: > 0 } severity)
        {
            sql.Append(" AND LOWER(d.severity) = LOWER(@severity)");
            parameters.Add(("severity", severity));
        }

        if (filter.Month is { Length: > 0 } month)
        {
            sql.Append(" AND d.incident_date LIKE @month ESCAPE '\\'");
            parameters.Add(("month", Escape(month) + "-%"));
        }

        if (filter.ActionState is { Length: > 0 } state)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM pm_actions s WHERE s.path = d.path AND s.state = @state)");
            parameters.Add(("state", state));
        }

        if (filter.Service is { Length: > 0 } service)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM pm_services v WHERE v.path = d.path AND LOWER(v.service) = LOWER(@service))");
            parameters.Add(("service", service));
        }

        if (filter.Team is { Length: > 0 } team)
        {
            sql.Append(" AND LOWER(d.team) = LOWER(@team)");
            parameters.Add(("team", team));
        }

        // Undated postmortems (projects) last on both stores: SQLite and PostgreSQL put NULL at opposite ends.
        sql.Append(" ORDER BY d.incident_date IS NULL, d.incident_date DESC, d.path");
        return Read(session, sql.ToString(), parameters);
    }

    /// <summary>The postmortem indexed under exactly <paramref name="path"/>, or null: a path not in the index names nothing.</summary>
    public static IndexedDocument? Get(StoreSession session, string path) =>
        Read(session, Select + " AND d.path = @path", [("path", path)]).FirstOrDefault();

    /// <summary>The severity levels and incident months (YYYY-MM) the index holds, for a filter's choices.</summary>
    public static (IReadOnlyList<string> Severities, IReadOnlyList<string> Months) Choices(StoreSession session)
    {
        var documents = Find(session, new DocumentFilter());
        return (
            [.. documents.Select(d => d.Severity).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
            [.. documents.Select(d => d.IncidentDate).OfType<LocalDate>().Select(d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture)).Distinct().OrderDescending(StringComparer.Ordinal)]);
    }

    /// <summary>The services and teams the index holds, for a filter's choices.</summary>
    public static (IReadOnlyList<string> Services, IReadOnlyList<string> Teams) ServicesAndTeams(StoreSession session)
    {
        List<string> Column(string sql)
        {
            using var command = session.Command(sql, null);
            using var reader = command.ExecuteReader();
            var values = new List<string>();
            while (reader.Read())
            {
                values.Add(reader.GetString(0));
            }

            return [.. values.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
        }

        return (Column("SELECT DISTINCT service FROM pm_services"), Column("SELECT DISTINCT team FROM pm_documents WHERE team IS NOT NULL"));
    }

    private const string Select =
        """
        SELECT d.path, d.postmortem_id, d.kind, d.title, d.incident_date, d.severity, d.errors, d.team,
            (SELECT COUNT(*) FROM pm_actions a WHERE a.path = d.path AND a.state = 'open'),
            (SELECT COUNT(*) FROM pm_actions a WHERE a.path = d.path)
        FROM pm_documents d
        WHERE 1 = 1
        """;

    // One query for the services of every listed postmortem, not one per row.
    private static List<IndexedDocument> WithServices(StoreSession session, List<IndexedDocument> documents)
    {
        if (documents.Count == 0)
        {
            return documents;
        }

        var services = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using (var command = session.Command("SELECT path, service FROM pm_services ORDER BY path, seq", null))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var path = reader.GetString(0);
                if (!services.TryGetValue(path, out var list))
                {
                    services[path] = list = [];
                }

                list.Add(reader.GetString(1));
            }
        }

        return [.. documents.Select(d => services.TryGetValue(d.Path, out var list) ? d with { Services = list } : d)];
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static List<IndexedDocument> Read(StoreSession session, string sql, List<(string, object?)> parameters)
    {
        var documents = new List<IndexedDocument>();
        using (var command = session.Command(sql, null, [.. parameters]))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                int Number(int i) => Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
                var date = Text(4) is { } d && LocalDatePattern.Iso.Parse(d) is { Success: true } parsed ? parsed.Value : (LocalDate?)null;
                documents.Add(new IndexedDocument(reader.GetString(0), Text(1), Text(2), Text(3), date, Text(5), Number(6), Number(8), Number(9)) { Team = Text(7) });
            }
        }

        // The services once the reader is closed: PostgreSQL runs one command at a time on a connection.
        return WithServices(session, documents);
    }
}
