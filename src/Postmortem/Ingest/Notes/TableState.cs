using System.Text.RegularExpressions;

namespace Postmortem.Ingest.Notes;

/// <summary>The columns of a Markdown timeline table, found from its header row.</summary>
internal sealed partial record TableState(int Time, int Date, int Event, int Status, int Source, int Actor, int Kind, ZoneToken? Zone)
{
    public static TableState FromHeader(IReadOnlyList<string> header)
    {
        int Find(Regex pattern, params ReadOnlySpan<int> skip)
        {
            for (var i = 0; i < header.Count; i++)
            {
                if (!skip.Contains(i) && pattern.IsMatch(header[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        // A "Time" column wins over a "Date" one; a separate "Date" column sets the day of its row.
        var time = Find(TimeHeader());
        if (time < 0)
        {
            time = Find(DateHeader());
        }

        var zone = time >= 0 && HeaderZone().Match(header[time]) is { Success: true } z ? ZoneAbbreviations.LookupDeclared(z.Groups["z"].Value) : null;
        var date = Find(DateHeader(), time);
        var status = Find(StatusHeader(), time, date);
        return new TableState(
            time,
            date,
            Find(EventHeader(), time, date, status),
            status,
            Find(SourceHeader(), time, date, status),
            Find(ActorHeader(), time, date, status),
            Find(KindHeader(), time, date, status),
            zone);
    }

    [GeneratedRegex(@"(?i)\b(?:time|when|timestamp|date\s*/\s*time|date\s+and\s+time)\b")]
    private static partial Regex TimeHeader();

    [GeneratedRegex(@"(?i)^\W*(?:date|day)\W*$")]
    private static partial Regex DateHeader();

    [GeneratedRegex(@"(?i)^\W*(?:status|state|phase|stage|milestone)\W*$")]
    private static partial Regex StatusHeader();

    [GeneratedRegex(@"\((?<z>[^)]+)\)")]
    private static partial Regex HeaderZone();

    [GeneratedRegex(@"(?i)\b(?:event|what|description|details?|summary|action|update|message|happened)\b")]
    private static partial Regex EventHeader();

    [GeneratedRegex(@"(?i)\b(?:source|tool|channel|system)\b")]
    private static partial Regex SourceHeader();

    [GeneratedRegex(@"(?i)\b(?:actor|who|owner|person|by)\b")]
    private static partial Regex ActorHeader();

    [GeneratedRegex(@"(?i)^\s*(?:kind|type|category)\s*$")]
    private static partial Regex KindHeader();
}
