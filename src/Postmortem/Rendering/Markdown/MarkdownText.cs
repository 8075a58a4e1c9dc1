using System.Text;

namespace Postmortem.Rendering.Markdown;

/// <summary>Small helpers that keep user text from breaking Markdown structure.</summary>
internal static class MarkdownText
{
    /// <summary>Escapes a table cell: <c>|</c> becomes <c>\|</c> (a backslash before it <c>&amp;#92;</c>), line breaks become <c>&lt;br&gt;</c>; empty becomes an em dash.</summary>
    public static string Cell(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "—";
        }

        var builder = new StringBuilder(text.Length + 8);
        var normalized = Escape(text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
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

    /// <summary>
    /// Folds a multi-line text into one line for a bullet or a field, with its markup neutralised (<see cref="Escape"/>)
    /// and a leading block marker escaped, so that it stays inside the line it is written in.
    /// </summary>
    public static string Inline(string? text) =>
        text is null ? string.Empty : LeadingMarker(Escape(string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));

    /// <summary>
    /// A paragraph of input text (a summary, a resolution): its lines kept, markup neutralised (<see cref="Escape"/>),
    /// and each line's block marker that would restructure the document (a heading, a code fence, a thematic break or
    /// setext underline) escaped, so that no input text adds or swallows a section.
    /// </summary>
    public static string Block(string text)
    {
        var lines = Escape(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim('\n')).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = LeadingMarker(lines[i]);
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// Neutralises what in input text would become markup beyond emphasis: control characters and terminal escape
    /// sequences are removed (<see cref="ControlText"/>), a <c>&lt;</c> that would open an HTML tag, comment or
    /// non-web autolink becomes <c>&amp;lt;</c>, and a link or link reference whose destination is not a web,
    /// mail or relative address (<c>javascript:</c>, <c>data:</c>, anything with an entity or escape in its scheme)
    /// is broken with a backslash, so it shows as the text that was written.
    /// </summary>
    public static string Escape(string text)
    {
        text = ControlText.Strip(text);
        if (text.AsSpan().IndexOfAny('<', ']') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '<' && OpensTag(text, i + 1))
            {
                builder.Append("&lt;");
                continue;
            }

            builder.Append(c);
            if (c == ']' && i + 1 < text.Length && text[i + 1] is '(' or ':' && !SafeDestination(text, i + 2))
            {
                builder.Append('\\');
            }
        }

        return builder.ToString();
    }

    // CommonMark 6.6 (raw HTML) and 4.6 (HTML blocks) start with '<' then a letter, '/', '!' or '?'; 6.5 autolinks
    // with a scheme are a letter too: only web and mail autolinks stay.
    private static bool OpensTag(string text, int next) =>
        next < text.Length && (char.IsAsciiLetter(text[next]) || text[next] is '/' or '!' or '?')
        && !StartsWithAny(text.AsSpan(next), "http://", "https://", "mailto:");

    // A link destination (CommonMark 6.3) after optional spaces and '<': web, mail, fragment or a relative path
    // without a scheme. Entities and backslashes are decoded before the scheme is read, so any of them before the
    // first '/', '?' or '#' counts as unsafe.
    private static bool SafeDestination(string text, int start)
    {
        var rest = text.AsSpan(start).TrimStart(" \t").TrimStart('<');
        if (rest.IsEmpty || rest[0] is '\n')
        {
            return false;
        }

        if (StartsWithAny(rest, "http://", "https://", "mailto:") || rest[0] is '#' or '/' or '.')
        {
            return true;
        }

        var end = rest.IndexOfAny("/?#) \n");
        var head = end < 0 ? rest : rest[..end];
        return head.IndexOfAny(":&\\%") < 0;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> text, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // CommonMark 4.1 (thematic break), 4.2 (ATX heading), 4.3 (setext underline) and 4.5 (fenced code) at the start
    // of a line, after up to three spaces: a backslash before the marker keeps the text and drops the structure.
    private static string LeadingMarker(string line)
    {
        var indent = 0;
        while (indent < line.Length && indent < 4 && line[indent] == ' ')
        {
            indent++;
        }

        if (indent > 3 || indent == line.Length)
        {
            return line;
        }

        var rest = line.AsSpan(indent);
        var marker = rest[0];
        var structural = marker switch
        {
            '#' => true,
            '`' or '~' => rest.StartsWith(marker == '`' ? "```" : "~~~", StringComparison.Ordinal),
            '=' or '-' or '*' or '_' => rest.TrimEnd(" \t").Trim(marker).Trim(" \t").IsEmpty || OnlyBreakMarks(rest, marker),
            _ => false,
        };
        return structural ? string.Concat(line.AsSpan(0, indent), "\\", rest) : line;
    }

    // "- - -" and "* * *": the marker repeated three or more times with spaces between.
    private static bool OnlyBreakMarks(ReadOnlySpan<char> rest, char marker)
    {
        var count = 0;
        foreach (var c in rest)
        {
            if (c == marker)
            {
                count++;
            }
            else if (c is not ' ' and not '\t')
            {
                return false;
            }
        }

        return count >= 3;
    }

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
