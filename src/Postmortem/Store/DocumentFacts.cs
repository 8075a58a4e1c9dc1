using NodaTime;

namespace Postmortem.Store;

/// <summary>The postmortem columns an action row shows (title, id, severity, date), read once per postmortem for a set of action rows.</summary>
internal static class DocumentFacts
{
    // Past this many postmortems one scan of the documents table is cheaper than a lookup each (100,000 rows read in ~0.1 s).
    private const int LookupLimit = 64;

    public sealed record Facts(string? Title, string? PostmortemId, string? Severity, LocalDate? IncidentDate);

    /// <summary>The facts of every postmortem in <paramref name="wanted"/>, by path.</summary>
    public static Dictionary<string, Facts> Of(StoreSession session, IEnumerable<string> wanted)
    {
        var paths = new HashSet<string>(wanted, StringComparer.Ordinal);

        var facts = new Dictionary<string, Facts>(paths.Count, StringComparer.Ordinal);
        var dates = new Dictionary<string, LocalDate?>(StringComparer.Ordinal);
        const string select = "SELECT path, title, postmortem_id, severity, incident_date FROM pm_documents";
        if (paths.Count <= LookupLimit)
        {
            foreach (var path in paths)
            {
                using var command = session.Command(select + " WHERE path = @path", null, ("path", path));
                Read(command, paths, facts, dates);
            }
        }
        else
        {
            using var command = session.Command(select);
            Read(command, paths, facts, dates);
        }

        return facts;
    }

    private static void Read(System.Data.Common.DbCommand command, HashSet<string> paths, Dictionary<string, Facts> facts, Dictionary<string, LocalDate?> dates)
    {
        using var reader = command.ExecuteReader();
        var severities = new StringPool();
        while (reader.Read())
        {
            var path = reader.GetString(0);
            if (paths.TryGetValue(path, out var pooled))
            {
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                facts[pooled] = new Facts(Text(1), Text(2), severities.Of(Text(3)), ActionQuery.Date(dates, Text(4)));
            }
        }
    }
}
