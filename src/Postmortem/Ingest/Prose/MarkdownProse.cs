using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
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
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UsePreciseSourceLocation().Build();

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
                case ParagraphBlock paragraph when !IsQuoted(paragraph) && paragraph.Parent is not TableCell:
                    foreach (var inline in paragraph.Inline?.Descendants<HtmlInline>() ?? [])
                    {
                        suppressions.Read(inline.Tag, inline.Line + 1);
                    }

                    Collect(paragraph, context, text, segments);
                    break;
                case Table table:
                    CollectTable(table, context, text, segments);
                    break;
            }
        }

        return new ProseDocument(segments, suppressions);
    }

    private static void CollectTable(Table table, ProseContext context, string text, List<ProseSegment> segments)
    {
        var rows = table.OfType<TableRow>().ToList();
        var header = rows.FirstOrDefault(r => r.IsHeader);
        var names = header?.Select(c => CellText((TableCell)c).Trim().ToLowerInvariant()).ToList() ?? [];
        foreach (var row in rows.Where(r => !r.IsHeader))
        {
            for (var i = 0; i < row.Count; i++)
            {
                var name = i < names.Count ? names[i] : string.Empty;
                if (NonProseColumns.Contains(name))
                {
                    continue;
                }

                var cellContext = context == ProseContext.Action && name is "action" or "" ? ProseContext.Action : ProseContext.Narrative;
                foreach (var paragraph in ((TableCell)row[i]).OfType<ParagraphBlock>())
                {
                    Collect(paragraph, cellContext, text, segments);
                }
            }
        }
    }

    private static string CellText(TableCell cell) =>
        string.Concat(cell.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

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

    [GeneratedRegex(@"(?i)\baction items?\b")]
    private static partial Regex ActionHeading();
}
