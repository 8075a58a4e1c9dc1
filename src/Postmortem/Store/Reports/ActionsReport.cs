using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Postmortem.Rendering.Markdown;

namespace Postmortem.Store.Reports;

/// <summary>The action list of <c>postmortem actions</c> as a table, JSON or CSV.</summary>
public static class ActionsReport
{
    /// <summary>The formats <c>--format</c> takes.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["table", "json", "csv"];

    /// <summary>Writes <paramref name="actions"/> in <paramref name="format"/>.</summary>
    public static void Write(IReadOnlyList<IndexedAction> actions, LocalDate asOf, string format, Stream output)
    {
        switch (format)
        {
            case "json":
                Json(actions, asOf, output);
                break;
            case "csv":
                Text(output, Csv(actions, asOf));
                break;
            default:
                Text(output, Table(actions, asOf));
                break;
        }
    }

    private static string Table(IReadOnlyList<IndexedAction> actions, LocalDate asOf)
    {
        var b = new StringBuilder();
        MarkdownText.Header(b, "Postmortem", "ID", "Action", "Owner", "Due", "Status", "State");
        foreach (var a in actions)
        {
            MarkdownText.Row(b, $"{a.Path}:{a.Line.ToString(CultureInfo.InvariantCulture)}", a.Id, a.Action, a.Owner, Date(a.Due), a.Status, State(a, asOf));
        }

        b.Append('\n').Append(actions.Count.ToString(CultureInfo.InvariantCulture)).Append(actions.Count == 1 ? " action" : " actions")
            .Append(", ").Append(actions.Count(a => a.IsOverdue(asOf)).ToString(CultureInfo.InvariantCulture)).Append(" overdue as of ").Append(Date(asOf)).Append(".\n");
        return b.ToString();
    }

    private static string Csv(IReadOnlyList<IndexedAction> actions, LocalDate asOf)
    {
        var b = new StringBuilder("path,line,title,id,action,type,owner,due,status,state,note,tracker\r\n");
        foreach (var a in actions)
        {
            b.AppendJoin(',', new[] { a.Path, a.Line.ToString(CultureInfo.InvariantCulture), a.Title, a.Id, a.Action, a.Type, a.Owner, Date(a.Due), a.Status, State(a, asOf), a.Note, a.Tracker }.Select(Field)).Append("\r\n");
        }

        return b.ToString();
    }

    // RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; a leading = + - @ is prefixed
    // with a quote mark so that a spreadsheet does not run it as a formula (OWASP "CSV injection").
    private static string Field(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static void Json(IReadOnlyList<IndexedAction> actions, LocalDate asOf, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("asOf", Date(asOf));
        w.WriteStartArray("actions");
        foreach (var a in actions)
        {
            w.WriteStartObject();
            w.WriteString("path", a.Path);
            w.WriteNumber("line", a.Line);
            w.WriteString("title", a.Title);
            w.WriteString("id", a.Id);
            w.WriteString("reference", a.Reference);
            w.WriteString("postmortemId", a.PostmortemId);
            w.WriteString("action", a.Action);
            w.WriteString("type", a.Type);
            w.WriteString("owner", a.Owner);
            w.WriteString("due", a.Due is null ? null : Date(a.Due));
            w.WriteString("status", a.Status);
            w.WriteString("state", a.State);
            w.WriteBoolean("overdue", a.IsOverdue(asOf));
            w.WriteString("note", a.Note);
            w.WriteString("tracker", a.Tracker);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    private static string State(IndexedAction a, LocalDate asOf) => a.IsOverdue(asOf) ? "overdue" : a.State;

    private static string Date(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : string.Empty;

    internal static void Text(Stream output, string text)
    {
        var bytes = new UTF8Encoding(false).GetBytes(text);
        output.Write(bytes);
    }
}
