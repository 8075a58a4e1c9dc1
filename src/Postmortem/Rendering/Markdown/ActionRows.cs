using System.Text;
using Postmortem.Model;

namespace Postmortem.Rendering.Markdown;

/// <summary>
/// The action items table of a Markdown postmortem: its columns and each action's cell under a column, as the renderers
/// write them and as the editing stage adds a row under a table's own header (the facade passes <see cref="Cell"/>).
/// </summary>
internal static class ActionRows
{
    /// <summary>The columns of an incident record's table.</summary>
    internal static readonly string[] Incident = ["ID", "Action", "Type", "Owner", "Due date", "Status", "Tracker", "Note"];

    /// <summary>The columns of a project record's table (a project's actions have no type).</summary>
    internal static readonly string[] Project = ["ID", "Action", "Owner", "Due date", "Status", "Tracker", "Note"];

    /// <summary>The table: header, separator and one row per action.</summary>
    internal static void Write(StringBuilder b, IEnumerable<ActionItem> actions, string[] columns)
    {
        MarkdownText.Header(b, columns);
        foreach (var a in actions)
        {
            MarkdownText.Row(b, [.. columns.Select(c => Value(a, c))]);
        }
    }

    /// <summary>The action's cell under <paramref name="column"/> (a header as written, any case), escaped; an em dash when the column says nothing of it.</summary>
    public static string Cell(ActionItem action, string column) => MarkdownText.Cell(Value(action, column));

    // The names the Markdown reader maps (MarkdownRecordReader's action table columns).
    private static string? Value(ActionItem a, string column) => column.Trim().ToLowerInvariant() switch
    {
        "id" or "#" => a.Id,
        "action" or "action item" or "action items" => a.Action,
        "type" => a.Type?.ToString(),
        "owner" => a.Owner,
        "due date" or "due" => a.Due is { } due ? TimeFormat.ShortDate(due) : null,
        "status" => a.Status,
        "tracker" or "bug" or "issue" or "ticket" => a.Tracker,
        "note" or "notes" => a.Note,
        _ => null,
    };
}
