using System.Text;

namespace Postmortem.Rendering.Markdown;

/// <summary>Small helpers that keep user text from breaking Markdown structure.</summary>
public static class MarkdownText
{
    /// <summary>Escapes a table cell: <c>|</c> becomes <c>\|</c> (a backslash before it <c>&amp;#92;</c>), line breaks become <c>&lt;br&gt;</c>; empty becomes an em dash.</summary>
    public static string Cell(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "—";
        }

        var builder = new StringBuilder(text.Length + 8);
        var normalized = text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            switch (c)
            {
                case '\\' when i + 1 < normalized.Length && normalized[i + 1] == '|':
                    // "a \| b": a backslash written before a pipe stays a backslash (as an entity), and the pipe is escaped,
                    // so no later column shifts.
                    builder.Append("&#92;");
                    break;
                case '|':
                    builder.Append("\\|");
                    break;
                case '\n':
                    builder.Append("<br>");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Folds a multi-line text into one line for a bullet.</summary>
    public static string Inline(string text) =>
        string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Writes a table row.</summary>
    public static void Row(StringBuilder builder, params string?[] cells) =>
        builder.Append("| ").AppendJoin(" | ", cells.Select(Cell)).Append(" |\n");

    /// <summary>Writes a header row and its separator.</summary>
    public static void Header(StringBuilder builder, params string[] columns)
    {
        builder.Append("| ").AppendJoin(" | ", columns).Append(" |\n");
        builder.Append('|').AppendJoin('|', columns.Select(_ => "---")).Append("|\n");
    }

    /// <summary>Writes bullets, or one placeholder bullet when there are none.</summary>
    public static void Bullets(StringBuilder builder, IEnumerable<string> items, string whenEmpty)
    {
        var any = false;
        foreach (var item in items)
        {
            builder.Append("- ").Append(Inline(item)).Append('\n');
            any = true;
        }

        if (!any)
        {
            builder.Append("- ").Append(whenEmpty).Append('\n');
        }
    }
}
