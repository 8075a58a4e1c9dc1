using System.Text;
using nietras.SeparatedValues;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Notes;
using Postmortem.Model;

namespace Postmortem.Ingest.Exports.Formats;

/// <summary>
/// A generic CSV (or TSV/semicolon) timeline: one event per row, columns found by name. The usual
/// names are recognised (time/timestamp/date, event/message/description, source, actor/who, kind/type);
/// a source's <c>columns</c> mapping names others. Times are ISO 8601 (with or without an offset) or epoch numbers.
/// </summary>
public static class CsvEvents
{
    /// <summary>Header names tried for each field, in order.</summary>
    public static IReadOnlyDictionary<string, string[]> Synonyms { get; } = new Dictionary<string, string[]>
    {
        ["time"] = ["time", "timestamp", "date", "datetime", "when", "created_at", "created", "time (utc)", "timestamp (utc)"],
        ["event"] = ["event", "message", "description", "text", "summary", "what"],
        ["source"] = ["source", "tool", "system"],
        ["actor"] = ["actor", "who", "user", "author", "owner"],
        ["kind"] = ["kind", "type", "category"],
    };

    // Sep refuses a header that names a column twice with an ArgumentException (found by the csv fuzz target);
    // it is a malformed export, PM0402 on the header line.
    private static SepReader Open(Stream stream)
    {
        try
        {
            return Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, ColNameComparer = StringComparer.OrdinalIgnoreCase, Trim = SepTrim.Outer })
                .From(stream);
        }
        catch (ArgumentException e)
        {
            var reason = e.Message.Split(" in header row", 2)[0];
            throw new Json.ExportFormatException($"the CSV header names a column twice ({reason})", 1, 1);
        }
    }

    /// <summary>Reads the CSV in <paramref name="stream"/>.</summary>
    /// <exception cref="Json.ExportFormatException">The header lacks a time or event column, or the CSV is broken.</exception>
    public static void Read(Stream stream, ExportSink sink, Action<long>? records)
    {
        using var reader = Open(stream);
        var header = reader.Header;
        var columns = new Dictionary<string, int>();
        foreach (var (field, names) in Synonyms)
        {
            var wanted = sink.Options.Columns.TryGetValue(field, out var given) ? [given] : names;
            foreach (var name in wanted)
            {
                if (header.TryIndexOf(name, out var index))
                {
                    columns[field] = index;
                    break;
                }
            }
        }

        foreach (var required in new[] { "time", "event" })
        {
            if (!columns.ContainsKey(required))
            {
                throw new Json.ExportFormatException(DiagnosticCatalog.CsvMissingColumn(sink.File, required, string.Join(", ", header.ColNames)));
            }
        }

        long count = 0;

        // One column, one unit: the first epoch number read fixes it, so a later millisecond time of year 300000
        // is refused (PM0410) instead of being read as microseconds of year 2268 by its size.
        var unit = EpochUnit.BySize;
        foreach (var row in reader)
        {
            records?.Invoke(++count);
            var line = row.LineNumberFrom;
            Unclosed(row.Span, line);
            var timeText = Cell(row, columns["time"]);
            if (!TryTime(timeText, sink.Options.DefaultZone, ref unit, out var time, out var origin))
            {
                var bytes = Encoding.UTF8.GetBytes(timeText.Trim());
                if (!ExportTime.TryEpoch(bytes, unit, out _, out var outOfRange) && outOfRange)
                {
                    sink.Diagnostics.Add(DiagnosticCatalog.ExportTimeOutOfRange(sink.File, line, Column(row, columns["time"]), timeText.Trim(), ExportTime.Describe(bytes, unit)));
                }
                else
                {
                    sink.NoTime(line, Column(row, columns["time"]), $"row with time '{timeText}'");
                }

                continue;
            }

            if (!sink.Accept(time))
            {
                continue;
            }

            var text = Cell(row, columns["event"]);
            var kindText = columns.TryGetValue("kind", out var k) ? Cell(row, k) : string.Empty;
            var kind = Enum.TryParse<EventKind>(kindText.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal), true, out var parsed) && kindText.Length > 0 ? parsed : (EventKind?)null;
            var source = columns.TryGetValue("source", out var s) && Cell(row, s) is { Length: > 0 } sourceText ? sourceText : null;
            var actor = columns.TryGetValue("actor", out var a) ? Cell(row, a) : null;
            sink.Add(time, timeText, text, kind, "csv kind column", actor, line, 1, row.Span.ToString());
            if (origin != ZoneOrigin.Written || source is not null)
            {
                sink.Amend(e => e with { ZoneOrigin = origin, Zone = origin == ZoneOrigin.Written ? e.Zone : ZoneAbbreviations.DisplayLabel(sink.Options.DefaultZone, time.Instant), Source = source ?? e.Source });
            }
        }
    }

    /// <summary>Refuses a row with a quote that never closes: Sep reads every later row into that cell (issue 9), so it is PM0402 where the quote opened.</summary>
    private static void Unclosed(ReadOnlySpan<char> span, int line)
    {
        if (span.Count('"') % 2 == 0)
        {
            return;
        }

        var opened = -1;
        for (var i = span.IndexOf('"'); i >= 0 && i < span.Length; i++)
        {
            if (span[i] == '"')
            {
                opened = opened < 0 ? i : -1;
            }
        }

        var before = span[..opened];
        var lastNewline = before.LastIndexOf('\n');
        throw new Json.ExportFormatException(
            "unclosed quote: the quoted cell that opens here never ends, so every later row would be read into it", line + before.Count('\n'), opened - lastNewline);
    }

    private static string Cell(SepReader.Row row, int index) => index < row.ColCount ? row[index].ToString() : string.Empty;

    private static int Column(SepReader.Row row, int index)
    {
        // 1-based character column of the cell: the row's text up to it, counted by separators outside quotes.
        var span = row.Span;
        int col = 0, at = 0;
        var quoted = false;
        while (at < span.Length && col < index)
        {
            if (span[at] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && span[at] is ',' or ';' or '\t')
            {
                col++;
            }

            at++;
        }

        return at + 1;
    }

    private static bool TryTime(string text, NodaTime.DateTimeZone zone, ref EpochUnit unit, out ExportInstant time, out ZoneOrigin origin)
    {
        origin = ZoneOrigin.Written;
        var bytes = Encoding.UTF8.GetBytes(text.Trim());
        if (ExportTime.TryEpoch(bytes, unit, out time, out _))
        {
            if (unit == EpochUnit.BySize)
            {
                var dot = bytes.AsSpan().IndexOf((byte)'.');
                unit = ExportTime.UnitBySize(dot < 0 ? bytes.Length : dot);
            }

            return true;
        }

        if (!ExportTime.TryIso(bytes, out time))
        {
            return false;
        }

        if (!time.OffsetWritten)
        {
            // No offset written: the time is local to the configured zone.
            var local = NodaTime.LocalDateTime.FromDateTime(time.Instant.ToDateTimeUtc());
            time = new ExportInstant(local.InZoneLeniently(zone).ToInstant(), zone.Id);
            origin = ZoneOrigin.Configured;
        }

        return true;
    }
}
