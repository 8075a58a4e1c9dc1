using System.Text;

namespace Postmortem.Ingest.Documents;

/// <summary>The cells of one pipe-table row as written: where each starts and ends in the line, and its text with the table's escapes undone.</summary>
internal static class MarkdownRow
{
    /// <summary>
    /// The cells of <paramref name="line"/> (a row such as <c>| 1 | Add an alert | Open |</c>) as (start, length) of their
    /// trimmed text; a pipe after a backslash or inside a code span does not split. The outer pipes are optional.
    /// </summary>
    public static IReadOnlyList<(int Start, int Length)> Cells(string line)
    {
        var bounds = new List<int>();
        var code = false;
        for (var i = 0; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '\\':
                    i++;
                    break;
                case '`':
                    code = !code;
                    break;
                case '|' when !code:
                    bounds.Add(i);
                    break;
            }
        }

        var first = line.AsSpan().TrimStart().StartsWith("|") ? 1 : 0;
        var edges = new List<int> { first == 1 ? bounds[0] : -1 };
        edges.AddRange(bounds.Skip(first));
        var lastIsPipe = line.AsSpan().TrimEnd().EndsWith("|") && bounds.Count > first;
        if (!lastIsPipe)
        {
            edges.Add(line.Length);
        }

        var cells = new List<(int, int)>();
        for (var i = 0; i + 1 < edges.Count; i++)
        {
            var (start, end) = (edges[i] + 1, edges[i + 1]);
            while (start < end && line[start] is ' ' or '\t')
            {
                start++;
            }

            while (end > start && line[end - 1] is ' ' or '\t')
            {
                end--;
            }

            cells.Add((start, end - start));
        }

        return cells;
    }

    /// <summary>A cell's text with the escapes <c>MarkdownText.Cell</c> writes undone (<c>\|</c>, <c>&amp;#92;</c>, <c>&lt;br&gt;</c>) and those of inline text (<see cref="Unescape"/>); an em dash or nothing is null.</summary>
    public static string? CellText(string raw)
    {
        var text = raw.Trim();
        if (text.Length == 0 || text is "—" or "-")
        {
            return null;
        }

        text = text.Replace("<br>", "\n", StringComparison.Ordinal).Replace("\\|", "|", StringComparison.Ordinal).Replace("&#92;", "\\", StringComparison.Ordinal);
        return string.Join('\n', text.Split('\n').Select(Unescape));
    }

    /// <summary>
    /// One line of inline text as the renderers escape it, back as written: a backslash before a leading block marker
    /// is dropped, <c>&amp;lt;</c> before a tag's first character is <c>&lt;</c> again, and a link broken with a backslash is whole.
    /// </summary>
    public static string Unescape(string line)
    {
        var indent = line.Length - line.TrimStart(' ').Length;
        if (indent <= 3 && indent + 1 < line.Length && line[indent] == '\\' && line[indent + 1] is '#' or '`' or '~' or '=' or '-' or '*' or '_')
        {
            line = string.Concat(line.AsSpan(0, indent), line.AsSpan(indent + 1));
        }

        if (!line.Contains("&lt;", StringComparison.Ordinal) && !line.Contains("]\\", StringComparison.Ordinal))
        {
            return line;
        }

        var b = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (string.CompareOrdinal(line, i, "&lt;", 0, 4) == 0 && i + 4 < line.Length && (char.IsAsciiLetter(line[i + 4]) || line[i + 4] is '/' or '!' or '?'))
            {
                b.Append('<');
                i += 3;
                continue;
            }

            b.Append(line[i]);
            if (line[i] == ']' && i + 2 < line.Length && line[i + 1] == '\\' && line[i + 2] is '(' or ':')
            {
                i++;
            }
        }

        return b.ToString();
    }
}
