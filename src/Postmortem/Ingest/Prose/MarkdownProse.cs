using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Postmortem.Analysis.Lint;

namespace Postmortem.Ingest.Prose;

/// <summary>
/// Finds the prose of a Markdown document with Markdig: paragraphs, list items, headings and table cells,
/// but not code, block quotes, HTML or quoted passages. Text under an "Action items" heading (or in an
/// Action column) is read as action items.
/// </summary>
public static partial class MarkdownProse
{
    // No pipe-table extension: it costs half the parse time, and a table's cells are split here by hand
    // (see ReadTable), which also gives each cell its exact position.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    // Table columns that hold names of owners, sources, times or codes rather than narrative.
    private static readonly string[] NonProseColumns = ["owner", "actor", "source", "time", "time (utc)", "id", "status", "due date", "due", "type", "phase", "date"];

    /// <summary>Reads <paramref name="text"/>.</summary>
    public static ProseDocument Read(string text)
    {
        var document = Markdown.Parse(text, Pipeline);
        var segments = new List<ProseSegment>();
        var suppressions = new Suppressions();
        var context = ProseContext.Narrative;
        foreach (var block in document.Descendants<Block>())
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var title = heading.Inline is null ? string.Empty : string.Concat(heading.Inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
                    context = ActionHeading().IsMatch(title) ? ProseContext.Action : ProseContext.Narrative;
                    Collect(heading, ProseContext.Narrative, text, segments);
                    break;
                case HtmlBlock html:
                    suppressions.Read(html.Lines.ToString(), html.Line + 1);
                    break;
                case ParagraphBlock table when !IsQuoted(table) && table.Lines.Count >= 2 && table.Lines.Lines[0].Slice.AsSpan().TrimStart().StartsWith("|"):
                    ReadTable(table, context, segments);
                    break;
                case ParagraphBlock paragraph when !IsQuoted(paragraph):
                    foreach (var inline in paragraph.Inline?.Descendants<HtmlInline>() ?? [])
                    {
                        suppressions.Read(inline.Tag, inline.Line + 1);
                    }

                    Collect(paragraph, context, text, segments);
                    break;
            }
        }

        return new ProseDocument(segments, suppressions);
    }

    private static void ReadTable(ParagraphBlock table, ProseContext context, List<ProseSegment> segments)
    {
        List<string>? header = null;
        for (var i = 0; i < table.Lines.Count; i++)
        {
            var line = table.Lines.Lines[i];
            var text = line.Slice.ToString();
            var cells = Cells(text);
            if (header is null)
            {
                header = cells.Select(c => text.Substring(c.Start, c.Length).Trim().ToLowerInvariant()).ToList();
                continue;
            }

            if (SeparatorRow().IsMatch(text))
            {
                continue;
            }

            for (var c = 0; c < cells.Count; c++)
            {
                var name = c < header.Count ? header[c] : string.Empty;
                if (NonProseColumns.Contains(name))
                {
                    continue;
                }

                var cellContext = context == ProseContext.Action && name is "action" or "" ? ProseContext.Action : ProseContext.Narrative;
                var (start, length) = cells[c];
                foreach (var (partStart, partLength) in OutsideCode(text, start, length))
                {
                    var part = text.Substring(partStart, partLength);
                    var trimmed = part.TrimStart();
                    var lead = part.Length - trimmed.Length;
                    if (trimmed.TrimEnd().Length > 0)
                    {
                        segments.Add(new ProseSegment(trimmed.TrimEnd(), line.Line + 1, line.Column + partStart + lead + 1, line.Position + partStart + lead, cellContext));
                    }
                }
            }
        }
    }

    // Cells of a table row as (start, length) within the row, honouring \| escapes.
    private static List<(int Start, int Length)> Cells(string row)
    {
        var cells = new List<(int, int)>();
        var start = row.IndexOf('|') + 1;
        for (var i = start; i < row.Length; i++)
        {
            if (row[i] == '\\')
            {
                i++;
            }
            else if (row[i] == '|')
            {
                cells.Add((start, i - start));
                start = i + 1;
            }
        }

        if (row.AsSpan(start).Trim().Length > 0)
        {
            cells.Add((start, row.Length - start));
        }

        return cells;
    }

    // Inline code spans (`…`) are not prose.
    private static IEnumerable<(int Start, int Length)> OutsideCode(string text, int start, int length)
    {
        var end = start + length;
        var at = start;
        while (at < end)
        {
            var open = text.IndexOf('`', at, end - at);
            if (open < 0)
            {
                break;
            }

            var close = text.IndexOf('`', open + 1, end - open - 1);
            if (close < 0)
            {
                break;
            }

            yield return (at, open - at);
            at = close + 1;
        }

        yield return (at, end - at);
    }

    private static void Collect(LeafBlock block, ProseContext context, string text, List<ProseSegment> segments)
    {
        if (block.Inline is null)
        {
            return;
        }

        foreach (var literal in block.Inline.Descendants<LiteralInline>())
        {
            if (literal.Span.IsEmpty || literal.Span.Start < 0 || literal.Span.End >= text.Length || literal.Parent is LinkInline { IsImage: true })
            {
                continue;
            }

            var content = text.Substring(literal.Span.Start, literal.Span.Length);
            segments.Add(new ProseSegment(content, literal.Line + 1, literal.Column + 1, literal.Span.Start, context));
        }
    }

    private static bool IsQuoted(Block block)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is QuoteBlock)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^\s*\|?\s*:?-{2,}")]
    private static partial Regex SeparatorRow();

    [GeneratedRegex(@"(?i)\baction items?\b")]
    private static partial Regex ActionHeading();
}
