using System.Text;
using Postmortem.Ingest.Exports.Json;
using Postmortem.Model;

namespace Postmortem.Ingest.Exports.Formats;

/// <summary>One JSON export format: how to recognise it, where its records are, which fields to capture, and how records become events.</summary>
public abstract class JsonFormat
{
    /// <summary>Stable id, e.g. <c>pagerduty-log-entries</c> (docs/exports.md).</summary>
    public abstract string Name { get; }

    /// <summary>The tool, as events cite it: "PagerDuty".</summary>
    public abstract string Source { get; }

    /// <summary>The fields captured from each record.</summary>
    public abstract FieldSet Fields { get; }

    /// <summary>Where the records are when <paramref name="shape"/> is this format; null when it is not.</summary>
    public abstract RecordPath? Match(JsonShape shape);

    /// <summary>Turns one record into events through <paramref name="sink"/>.</summary>
    public abstract void Map(JsonRecord r, ExportSink sink);

    /// <summary>Reads <paramref name="field"/> as a time (ISO 8601, or an epoch number in <paramref name="unit"/>); false when absent, unreadable or out of range.</summary>
    protected static bool Time(JsonRecord r, int field, out ExportInstant time, int item = -1, EpochUnit unit = EpochUnit.BySize) =>
        ExportTime.TryIso(r.Utf8(field, item), out time) || ExportTime.TryEpoch(r.Utf8(field, item), unit, out time, out _);

    /// <summary>Reports a record whose <paramref name="field"/> gave no time: PM0410 when it is an epoch past the supported dates, else PM0403.</summary>
    protected static void NoTime(JsonRecord r, ExportSink sink, int field, string what, int item = -1, EpochUnit unit = EpochUnit.BySize)
    {
        var value = r.Utf8(field, item);
        if (!ExportTime.TryEpoch(value, unit, out _, out var outOfRange) && outOfRange)
        {
            sink.Diagnostics.Add(Diagnostics.DiagnosticCatalog.ExportTimeOutOfRange(sink.File, r.Line, r.Column, Encoding.UTF8.GetString(value), ExportTime.Describe(value, unit)));
            return;
        }

        sink.NoTime(r.Line, r.Column, what);
    }

    /// <summary>
    /// The time of <paramref name="field"/> when it is readable and inside the window; otherwise false, the record reported
    /// (PM0403/PM0410) or counted outside the window.
    /// </summary>
    protected static bool TimeInWindow(JsonRecord r, ExportSink sink, int field, string what, out ExportInstant time, int item = -1, EpochUnit unit = EpochUnit.BySize)
    {
        if (!Time(r, field, out time, item, unit))
        {
            NoTime(r, sink, field, what, item, unit);
            return false;
        }

        return sink.Accept(time);
    }

    /// <summary>The time as written, for provenance.</summary>
    protected static string Written(JsonRecord r, int field, int item = -1) => Encoding.UTF8.GetString(r.Utf8(field, item));

    /// <summary>Adds an event timed by <paramref name="field"/> (epoch numbers in <paramref name="unit"/>), or reports the record when that time is missing.</summary>
    protected static void AddAt(JsonRecord r, ExportSink sink, int field, Func<string> text, EventKind? kind, string rule, string? actor, string raw, int item = -1, EpochUnit unit = EpochUnit.BySize)
    {
        if (TimeInWindow(r, sink, field, $"{rule} record", out var time, item, unit))
        {
            sink.Add(time, Written(r, field, item), text(), kind, rule, actor, r.Line, r.Column, raw);
        }
    }

    /// <summary>Joins the non-empty parts with <paramref name="separator"/>.</summary>
    protected static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

    /// <summary>The first line of <paramref name="text"/>, shortened to <paramref name="max"/> characters.</summary>
    protected static string? FirstLine(string? text, int max = 200)
    {
        if (text is null)
        {
            return null;
        }

        var line = text.Replace("%%%", string.Empty, StringComparison.Ordinal).Trim().Split('\n')[0].Trim().TrimStart('#').Trim();
        return line.Length <= max ? line : line[..max] + "…";
    }
}
