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

    /// <summary>Writes <paramref name="actions"/> in <paramref name="format"/>, with how each breaks the team's policies (<see cref="Policies"/>).</summary>
    public static void Write(IReadOnlyList<IndexedAction> actions, LocalDate asOf, string format, Stream output, IReadOnlyDictionary<IndexedAction, IReadOnlyList<string>>? broken = null)
    {
        broken ??= new Dictionary<IndexedAction, IReadOnlyList<string>>();
        switch (format)
        {
            case "json":
                Json(actions, asOf, output, broken);
                break;
            case "csv":
                Text(output, Csv(actions, asOf, broken));
                break;
            default:
                Text(output, Table(actions, asOf, broken));
                break;
        }
    }

    /// <summary>How each action breaks <paramref name="policies"/> (actions that break none are left out).</summary>
    public static Dictionary<IndexedAction, IReadOnlyList<string>> Policies(IReadOnlyList<IndexedAction> actions, IReadOnlyList<Model.ActionPolicy> policies) =>
        actions.Select(a => (a, Why: Analysis.Actions.PolicyCheck.Broken(policies, a.Severity, a.IncidentDate, a.Type, a.Owner, a.Due, a.State)))
            .Where(x => x.Why.Count > 0)
            .ToDictionary(x => x.a, x => x.Why, ReferenceEqualityComparer.Instance as IEqualityComparer<IndexedAction>);

    private static string Table(IReadOnlyList<IndexedAction> actions, LocalDate asOf, IReadOnlyDictionary<IndexedAction, IReadOnlyList<string>> broken)
    {
        var b = new StringBuilder();
        MarkdownText.Header(b, "Postmortem", "ID", "Action", "Owner", "Due", "Status", "State");
        foreach (var a in actions)
        {
            MarkdownText.Row(b, $"{a.Path}:{a.Line.ToString(CultureInfo.InvariantCulture)}", a.Id, a.Action, a.Owner, Date(a.Due), a.Status, State(a, asOf));
        }

        b.Append('\n').Append(actions.Count.ToString(CultureInfo.InvariantCulture)).Append(actions.Count == 1 ? " action" : " actions")
            .Append(", ").Append(actions.Count(a => a.IsOverdue(asOf)).ToString(CultureInfo.InvariantCulture)).Append(" overdue as of ").Append(Date(asOf)).Append(".\n");
        if (broken.Count > 0)
        {
            b.Append('\n').Append(broken.Count.ToString(CultureInfo.InvariantCulture)).Append(broken.Count == 1 ? " action breaks" : " actions break").Append(" the team's policies (.postmortem.yml):\n\n");
            MarkdownText.Bullets(b, actions.Where(broken.ContainsKey).SelectMany(a => broken[a].Select(why => $"{a.Path}:{a.Line.ToString(CultureInfo.InvariantCulture)} action {a.Id}: {why}")), string.Empty);
        }

        return b.ToString();
    }

    private static string Csv(IReadOnlyList<IndexedAction> actions, LocalDate asOf, IReadOnlyDictionary<IndexedAction, IReadOnlyList<string>> broken)
    {
        var b = new StringBuilder("path,line,title,id,action,type,owner,due,status,state,note,tracker,policy\r\n");
        foreach (var a in actions)
        {
            b.AppendJoin(',', new[] { a.Path, a.Line.ToString(CultureInfo.InvariantCulture), a.Title, a.Id, a.Action, a.Type, a.Owner, Date(a.Due), a.Status, State(a, asOf), a.Note, a.Tracker, broken.TryGetValue(a, out var why) ? string.Join("; ", why) : null }.Select(Field)).Append("\r\n");
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

    private static void Json(IReadOnlyList<IndexedAction> actions, LocalDate asOf, Stream output, IReadOnlyDictionary<IndexedAction, IReadOnlyList<string>> broken)
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
            w.WriteStartArray("policy");
            foreach (var why in broken.GetValueOrDefault(a) ?? [])
            {
                w.WriteStringValue(why);
            }

            w.WriteEndArray();
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
