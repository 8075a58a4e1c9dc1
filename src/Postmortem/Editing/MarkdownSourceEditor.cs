using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Documents;

namespace Postmortem.Editing;

/// <summary>
/// Edits a Markdown postmortem (a record <c>draft</c> wrote, or a hand-written one) the way a person would: an action's
/// Status, Note or Tracker is one cell of its row in the Action items table, and only that row's line changes; ids go
/// into the front matter (<c>id:</c>) and the ID cells of actions that have none.
/// </summary>
/// <param name="escapeCell">Writes a value as a table cell (<c>Rendering.Markdown.MarkdownText.Cell</c>, which the facade
/// passes); null: a conservative encoder of this class (pipes, backslashes before them, line breaks, tags and links escaped).</param>
/// <param name="actionCell">An action's cell under a column of the table (<c>Rendering.Markdown.ActionRows.Cell</c>), which
/// the facade passes for additions; without it and <paramref name="bullet"/> a Markdown postmortem takes no additions.</param>
/// <param name="bullet">A factor's text as a bullet (<c>Rendering.Markdown.MarkdownText.Inline</c>).</param>
internal sealed partial class MarkdownSourceEditor(
    Func<string?, string>? escapeCell = null, Func<Model.ActionItem, string, string>? actionCell = null, Func<string?, string>? bullet = null) : ISourceEditor
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().UsePreciseSourceLocation().Build();

    private readonly Func<string?, string> escape = escapeCell ?? EncodeCell;

    /// <inheritdoc/>
    public bool CanEdit(string file, string text) => MarkdownRecordReader.IsMarkdown(file);

    /// <inheritdoc/>
    public Result<EditedText> SetActionField(string text, string file, string actionId, ActionField field, string value)
    {
        var lines = new LineMap(text);
        var (table, problem) = FindActions(text, file, lines);
        if (table is null)
        {
            return new(null, [problem!]);
        }

        var column = field switch
        {
            ActionField.Status => table.Column("status"),
            ActionField.Note => table.Column("note", "notes"),
            _ => table.Column("tracker", "bug", "issue", "ticket"),
        };
        if (column < 0)
        {
            return Refused(file, table.HeaderLine, $"the action items table has no '{field}' column; add one (header, separator and each row) and run this again");
        }

        var matches = table.Rows.Where(r => r.Id == actionId).ToList();
        if (matches.Count == 0)
        {
            return Refused(file, table.HeaderLine, $"no action with the id '{actionId}' in the action items table");
        }

        if (matches.Count > 1)
        {
            return Refused(file, matches[1].Line, $"two actions have the id '{actionId}' (lines {matches[0].Line} and {matches[1].Line}); give one another id");
        }

        var row = matches[0];
        var cell = escape(value);
        var edited = ReplaceCell(row.Text, column, cell);
        if (edited is null)
        {
            return Refused(file, row.Line, $"the row of action '{actionId}' has fewer cells than its header; it cannot be edited safely");
        }

        return edited == row.Text ? new(new EditedText(text, 0), []) : new(new EditedText(lines.Replace(row.Line, edited), 1), []);
    }

    /// <inheritdoc/>
    public Result<EditedText> EnsureIds(string text, string file, Func<string> newPostmortemId, Func<string> newActionId)
    {
        var lines = new LineMap(text);
        var (table, problem) = FindActions(text, file, lines);
        var changed = 0;
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (table is not null)
        {
            var idColumn = table.Column("id", "#");
            var missing = table.Rows.Where(r => r.IdWritten is null || r.IdWritten == r.Position.ToString(CultureInfo.InvariantCulture)).ToList();
            if (missing.Count > 0 && idColumn < 0)
            {
                return Refused(file, table.HeaderLine, "the action items table has no 'ID' column; add one (header, separator and each row) and run this again");
            }

            foreach (var row in missing)
            {
                var id = newActionId();
                renamed[row.Id] = id;
                lines.Set(row.Line, ReplaceCell(row.Text, idColumn, id)!);
                changed++;
            }
        }
        else if (problem is { Severity: DiagnosticSeverity.Error } && problem.Code != "PM0605")
        {
            return new(null, [problem]);
        }

        // The front matter: an id when it has none, and the action links of renamed actions under their new ids.
        var (open, close) = FrontMatterLines(lines);
        if (open < 0)
        {
            lines.InsertBefore(1, ["---", "id: " + newPostmortemId(), "---", string.Empty]);
            changed += 4;
        }
        else
        {
            var links = false;
            for (var line = open + 1; line < close; line++)
            {
                var current = lines.Get(line);
                links = current.StartsWith("actionLinks:", StringComparison.Ordinal) || (links && current.StartsWith(' '));
                if (links && LinkKey().Match(current) is { Success: true } key && renamed.TryGetValue(key.Groups["id"].Value, out var id))
                {
                    lines.Set(line, $"  {id}:");
                    changed++;
                }
            }

            if (!Enumerable.Range(open + 1, close - open - 1).Any(l => IdKey().IsMatch(lines.Get(l))))
            {
                lines.InsertBefore(open + 1, ["id: " + newPostmortemId()]);
                changed++;
            }
        }

        return new(new EditedText(changed == 0 ? text : lines.ToString(), changed), []);
    }

    private static Result<EditedText> Refused(string file, int line, string reason) => new(null, [DiagnosticCatalog.RecordEditRefused(file, line, 1, reason)]);

    /// <summary>The first table whose header has an Action column (the Action items table), with its rows' ids.</summary>
    private static (ActionTable? Table, Diagnostic? Problem) FindActions(string text, string file, LineMap lines)
    {
        if (Ingest.Prose.MarkdownLimits.Check(text, file) is { } tooDeep)
        {
            return (null, tooDeep);
        }

        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException e)
        {
            return (null, DiagnosticCatalog.MarkdownTooDeep(file, 0, 0, e.Message));
        }

        foreach (var table in document.Descendants<Table>())
        {
            var rows = table.OfType<TableRow>().ToList();
            if (rows.FirstOrDefault(r => r.IsHeader) is not { } header)
            {
                continue;
            }

            var headerText = lines.Get(header.Line + 1);
            var names = MarkdownRow.Cells(headerText).Select(c => headerText.Substring(c.Start, c.Length).Trim().ToLowerInvariant()).ToList();
            if (!names.Any(n => n is "action" or "action item" or "action items"))
            {
                continue;
            }

            var result = new ActionTable(header.Line + 1, names, []);
            var idColumn = result.Column("id", "#");
            var position = 0;
            foreach (var row in rows.Where(r => !r.IsHeader))
            {
                position++;
                var line = row.Line + 1;
                var rowText = lines.Get(line);
                var cells = MarkdownRow.Cells(rowText);
                var written = idColumn >= 0 && idColumn < cells.Count ? MarkdownRow.CellText(rowText.Substring(cells[idColumn].Start, cells[idColumn].Length)) : null;
                result.Rows.Add(new ActionRow(line, rowText, written ?? position.ToString(CultureInfo.InvariantCulture), written, position));
            }

            return (result, null);
        }

        return (null, DiagnosticCatalog.RecordEditRefused(file, 0, 0, "no action items table (a table with an 'Action' column) in the document"));
    }

    /// <summary>The row with cell <paramref name="index"/> replaced by <paramref name="value"/>, every other byte kept; null when the row has no such cell.</summary>
    private static string? ReplaceCell(string row, int index, string value)
    {
        var cells = MarkdownRow.Cells(row);
        if (index >= cells.Count)
        {
            return null;
        }

        var (start, length) = cells[index];
        if (length == 0)
        {
            // An empty cell ("||" or "|  |"): the text between its pipes becomes " value ".
            var left = row.LastIndexOf('|', Math.Max(0, start - 1));
            var right = row.IndexOf('|', start);
            return right < 0 ? null : row[..(left + 1)] + " " + value + " " + row[right..];
        }

        return string.Concat(row.AsSpan(0, start), value, row.AsSpan(start + length));
    }

    /// <summary>The front matter's opening and closing lines (1-based), or (-1, -1).</summary>
    private static (int Open, int Close) FrontMatterLines(LineMap lines)
    {
        if (lines.Count == 0 || lines.Get(1).TrimStart('\uFEFF') != "---")
        {
            return (-1, -1);
        }

        for (var line = 2; line <= lines.Count; line++)
        {
            if (lines.Get(line) is "---" or "...")
            {
                return (1, line);
            }
        }

        return (-1, -1);
    }

    /// <summary>A value as a table cell: control characters dropped, then the escapes <see cref="MarkdownRow.CellText"/> undoes.</summary>
    private static string EncodeCell(string? value)
    {
        var text = new string((value ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Where(c => c == '\n' || !char.IsControl(c)).ToArray()).Trim();
        if (text.Length == 0)
        {
            return "—";
        }

        var b = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            b.Append(c switch
            {
                '\\' when i + 1 < text.Length && text[i + 1] == '|' => "&#92;",
                '|' => "\\|",
                '\n' => "<br>",
                '<' when i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!' or '?') => "&lt;",
                ']' when i + 1 < text.Length && text[i + 1] is '(' or ':' => "]\\",
                _ => c.ToString(),
            });
        }

        return b.ToString();
    }

    [GeneratedRegex(@"^id[ \t]*:")]
    private static partial Regex IdKey();

    [GeneratedRegex(@"^  ""?(?<id>[^"":]+)""?:[ \t]*$")]
    private static partial Regex LinkKey();

    private sealed record ActionRow(int Line, string Text, string Id, string? IdWritten, int Position);

    private sealed record ActionTable(int HeaderLine, List<string> Header, List<ActionRow> Rows)
    {
        public int Column(params string[] names) => Header.FindIndex(names.Contains);
    }

    /// <summary>The text as lines with their own endings, so that an edit keeps every other byte (CRLF files stay CRLF).</summary>
    private sealed class LineMap
    {
        private readonly List<(string Text, string Ending)> lines;

        public LineMap(string text) => lines = TextLines.Split(text);

        public int Count => lines.Count;

        private string Ending => lines.Count > 0 && lines[0].Ending.Length > 0 ? lines[0].Ending : "\n";

        public string Get(int line) => line >= 1 && line <= lines.Count ? lines[line - 1].Text : string.Empty;

        public void Set(int line, string text) => lines[line - 1] = (text, lines[line - 1].Ending);

        public string Replace(int line, string text)
        {
            Set(line, text);
            return ToString();
        }

        public void InsertBefore(int line, IEnumerable<string> added) =>
            lines.InsertRange(line - 1, added.Select(text => (text, Ending)));

        /// <summary>Lines after <paramref name="line"/>, which gets the file's ending when it is the last line and had none.</summary>
        public void InsertAfter(int line, IEnumerable<string> added)
        {
            var list = added.ToList();
            if (list.Count > 0 && line == lines.Count && line > 0 && lines[line - 1].Ending.Length == 0)
            {
                lines[line - 1] = (lines[line - 1].Text, Ending);
                lines.InsertRange(line, list.Select((text, i) => (text, i == list.Count - 1 ? string.Empty : Ending)));
                return;
            }

            lines.InsertRange(line, list.Select(text => (text, Ending)));
        }

        public override string ToString()
        {
            var b = new StringBuilder();
            foreach (var (text, ending) in lines)
            {
                b.Append(text).Append(ending);
            }

            return b.ToString();
        }
    }
}
