using System.Text.RegularExpressions;

namespace Postmortem.Ingest.Notes;

/// <summary>The columns of a Markdown timeline table, found from its header row.</summary>
internal sealed partial record TableState(int Time, int Event, int Source, int Actor, int Kind, ZoneToken? Zone)
{
    public static TableState FromHeader(IReadOnlyList<string> header)
    {
        int Find(Regex pattern, params int[] skip)
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

        var time = Find(TimeHeader());
        var zone = time >= 0 && HeaderZone().Match(header[time]) is { Success: true } z ? ZoneAbbreviations.LookupDeclared(z.Groups["z"].Value) : null;
        return new TableState(
            time,
            Find(EventHeader(), time),
            Find(SourceHeader(), time),
            Find(ActorHeader(), time),
            Find(KindHeader(), time),
            zone);
    }

    [GeneratedRegex(@"(?i)\b(?:time|when|timestamp|date)\b")]
    private static partial Regex TimeHeader();

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
