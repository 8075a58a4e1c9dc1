using System.Text;
using System.Text.RegularExpressions;

namespace Postmortem.Ingest.Notes;

/// <summary>The columns of a Markdown timeline table, found from its header row.</summary>
internal sealed partial record TableState(int Time, int Date, int Event, int Status, int Source, int Actor, int Kind, ZoneToken? Zone)
{
    /// <summary>
    /// The cell may name a column: one of its words (runs of ASCII letters, digits and "_") is a word the header patterns read, or
    /// it holds text outside ASCII (left to the patterns, whose case-blind letters and word characters reach beyond ASCII). Each
    /// pattern reads its words whole (\b or \W around them), so a cell of ASCII text without one of them matches none, and a
    /// table's first row that is data ("| 14:05 | Deploy went out | Slack |", read as its header) is no header without the seven
    /// patterns run on each cell (docs/benchmarks.md, twenty-first session).
    /// </summary>
    internal static bool MayNameColumn(string cell)
    {
        if (!Ascii.IsValid(cell))
        {
            return true;
        }

        Span<char> word = stackalloc char[11];
        for (var i = 0; i < cell.Length; i++)
        {
            var start = i;
            while (i < cell.Length && (char.IsAsciiLetterOrDigit(cell[i]) || cell[i] == '_'))
            {
                i++;
            }

            if (i - start is >= 2 and <= 11)
            {
                // Lower case for the comparison: digits keep their code, "_" becomes a character no header word has.
                for (var k = start; k < i; k++)
                {
                    word[k - start] = (char)(cell[k] | 0x20);
                }

                if (IsHeaderWord(word[..(i - start)]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsHeaderWord(ReadOnlySpan<char> word) => word is "time" or "when" or "timestamp" or "date" or "day" or "status"
        or "state" or "phase" or "stage" or "milestone" or "event" or "what" or "description" or "detail" or "details" or "summary"
        or "action" or "update" or "message" or "happened" or "source" or "tool" or "channel" or "system" or "actor" or "who" or "owner"
        or "person" or "by" or "kind" or "type" or "category" or "heure" or "horaire" or "horodatage" or "uhrzeit" or "zeit"
        or "zeitpunkt" or "hora" or "datum" or "fecha" or "ereignis" or "evenement" or "evento" or "beschreibung" or "descripcion";

    public static TableState FromHeader(IReadOnlyList<string> header)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (MayNameColumn(header[i]))
            {
                return FromHeaderCells(header);
            }
        }

        return new TableState(-1, -1, -1, -1, -1, -1, -1, null);
    }

    /// <summary>The columns as the header patterns find them, every cell tried (<see cref="FromHeader"/> without its cheap test).</summary>
    internal static TableState FromHeaderCells(IReadOnlyList<string> header)
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

    // A header in another language: French, German, Spanish words, and a CJK cell that is (or opens with) the word for the
    // time ("| 日時 | イベント |", "| 时间 | 事件 |", "| 시간 | 내용 |"); CJK words have no \b around them inside a longer word.
    [GeneratedRegex(@"(?i)\b(?:time|when|timestamp|date\s*/\s*time|date\s+and\s+time|heure|horaire|horodatage|uhrzeit|zeit|zeitpunkt|hora|fecha\s+y\s+hora)\b|^\W*(?:日時|時刻|時間|时间|時間帯|发生时间|일시|시간|시각)(?:\W|$)")]
    private static partial Regex TimeHeader();

    [GeneratedRegex(@"(?i)^\W*(?:date|day|datum|fecha|jour|日付|日期|날짜)\W*$")]
    private static partial Regex DateHeader();

    [GeneratedRegex(@"(?i)^\W*(?:status|state|phase|stage|milestone)\W*$")]
    private static partial Regex StatusHeader();

    [GeneratedRegex(@"\((?<z>[^)]+)\)")]
    private static partial Regex HeaderZone();

    [GeneratedRegex(@"(?i)\b(?:event|what|description|details?|summary|action|update|message|happened|événement|evenement|ereignis|beschreibung|evento|descripci[oó]n)\b|^\W*(?:イベント|内容|事象|出来事|経緯|対応|事件|描述|详情|이벤트|내용)(?:\W|$)")]
    private static partial Regex EventHeader();

    [GeneratedRegex(@"(?i)\b(?:source|tool|channel|system)\b")]
    private static partial Regex SourceHeader();

    [GeneratedRegex(@"(?i)\b(?:actor|who|owner|person|by)\b")]
    private static partial Regex ActorHeader();

    [GeneratedRegex(@"(?i)^\s*(?:kind|type|category)\s*$")]
    private static partial Regex KindHeader();
}
