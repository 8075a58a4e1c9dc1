using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Postmortem.Ingest.Prose;

/// <summary>
/// Finds the prose of a Markdown document with Markdig: paragraphs, list items, headings and table cells,
/// but not code, block quotes, HTML or quoted passages. Text under an "Action items" heading (or in an
/// Action column) is read as action items.
/// </summary>
public static partial class MarkdownProse
{
    // Only Markdig's block parsers (CommonMark's default set, in its order). Prose is read from each block's
    // source span (exact offsets by construction) and inline code is skipped by hand, so the inline pass —
    // about half of Markdig's parse time — is not run, nor the pipe-table extension: a table's cells are
    // split here (see ReadTable), which also gives each cell its exact position (docs/benchmarks.md).
    private static BlockParserList NewParsers() =>
        new([new ThematicBreakParser(), new HeadingBlockParser(), new QuoteBlockParser(), new ListBlockParser(), new HtmlBlockParser(),
             new FencedCodeBlockParser(), new IndentedCodeBlockParser(), new ParagraphBlockParser()]);

    /// <summary>Markdig's block pass alone: the document's block tree with source spans, no inlines.</summary>
    public static MarkdownDocument ParseBlocks(string text)
    {
        var document = new MarkdownDocument();
        var processor = new BlockProcessor(document, NewParsers(), null);
        var lines = new LineReader(text);
        for (var line = lines.ReadLine(); line.Text is not null; line = lines.ReadLine())
        {
            processor.ProcessLine(line);
        }

        processor.Close(document);
        return document;
    }

    // Table columns that hold names of owners, sources, times or codes rather than narrative.
    private static readonly string[] NonProseColumns = ["owner", "actor", "source", "time", "time (utc)", "id", "status", "due date", "due", "type", "phase", "date"];

    /// <summary>Reads <paramref name="text"/>; a file nested past <see cref="MarkdownLimits"/> yields no segments and PM0011.</summary>
    public static ProseDocument Read(string text, string file = "")
    {
        if (MarkdownLimits.Check(text, file) is { } tooDeep)
        {
            return new ProseDocument([], []) { Diagnostics = [tooDeep] };
        }

        var document = ParseBlocks(text);
        var segments = new List<ProseSegment>();
        var comments = new List<ProseComment>();
        var context = ProseContext.Narrative;
        var lineStarts = LineStarts(text);
        foreach (var block in document.Descendants<Block>())
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var title = heading.Span.Start >= 0 && heading.Span.End < text.Length ? text.Substring(heading.Span.Start, heading.Span.Length) : string.Empty;
                    context = ActionHeading().IsMatch(title) ? ProseContext.Action : ProseContext.Narrative;
                    CollectSpan(heading, ProseContext.Narrative, text, lineStarts, segments, comments);
                    break;
                case HtmlBlock html:
                    comments.Add(new ProseComment(html.Lines.ToString(), html.Line + 1));
                    break;
                case ParagraphBlock table when !IsQuoted(table) && IsTable(table, text):
                    ReadTable(table, context, text, lineStarts, segments);
                    break;
                case ParagraphBlock paragraph when !IsQuoted(paragraph):
                    CollectSpan(paragraph, context, text, lineStarts, segments, comments);
                    break;
            }
        }

        return new ProseDocument(segments, comments);
    }

    private static bool IsTable(Block block, string text) =>
        block.Span.Start >= 0 && block.Span.End < text.Length && text.AsSpan(block.Span.Start, block.Span.Length).TrimStart().StartsWith("|")
        && text.AsSpan(block.Span.Start, block.Span.Length).Contains('\n');

    // The source lines of a block as (start, end) offsets into the text, without line breaks.
    private static List<(int Start, int End)> SourceLines(Block block, string text)
    {
        var lines = new List<(int Start, int End)>();
        var start = block.Span.Start;
        var end = Math.Min(block.Span.End + 1, text.Length);
        while (start < end)
        {
            var newline = text.IndexOf('\n', start, end - start);
            var stop = newline < 0 ? end : newline;
            lines.Add((start, stop > start && text[stop - 1] == '\r' ? stop - 1 : stop));
            start = stop + 1;
        }

        return lines;
    }

    private static void ReadTable(ParagraphBlock table, ProseContext context, string text, int[] lineStarts, List<ProseSegment> segments)
    {
        List<string>? header = null;
        var cells = new List<(int Start, int Length)>();
        foreach (var (rowStart, rowEnd) in SourceLines(table, text))
        {
            var row = text.AsSpan(rowStart, rowEnd - rowStart);
            Cells(row, rowStart, cells);
            if (header is null)
            {
                header = cells.Select(c => text.AsSpan(c.Start, c.Length).Trim().ToString().ToLowerInvariant()).ToList();
                continue;
            }

            if (SeparatorRow().IsMatch(row))
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
                    AddPart(text, partStart, partLength, cellContext, lineStarts, segments);
                }
            }
        }
    }

    // Prose is read from the block's own source text: code spans, HTML, link targets and emphasis markers are
    // skipped; what is left keeps its exact offset, so findings and --fix point at the source.
    private static void CollectSpan(LeafBlock block, ProseContext context, string text, int[] lineStarts, List<ProseSegment> segments, List<ProseComment> comments)
    {
        if (block.Span.Start < 0 || block.Span.End >= text.Length)
        {
            return;
        }

        foreach (var (lineStart, lineEnd) in SourceLines(block, text))
        {
            var raw = text.AsSpan(lineStart, lineEnd - lineStart);
            var begin = block is HeadingBlock ? raw.Length - raw.TrimStart().TrimStart('#').Length : 0;
            if (raw.Contains("<!--", StringComparison.Ordinal))
            {
                foreach (var comment in HtmlComment().EnumerateMatches(raw))
                {
                    comments.Add(new ProseComment(raw.Slice(comment.Index, comment.Length).ToString(), Position(lineStarts, lineStart).Line));
                }
            }

            foreach (var (start, length) in OutsideCode(text, lineStart + begin, raw.Length - begin))
            {
                var last = start;
                foreach (var markup in NotProse().EnumerateMatches(text.AsSpan(start, length)))
                {
                    AddPart(text, last, start + markup.Index - last, context, lineStarts, segments);
                    last = start + markup.Index + markup.Length;
                }

                AddPart(text, last, start + length - last, context, lineStarts, segments);
            }
        }
    }

    // One segment for text[start, start + length), trimmed; the only string allocated per piece of prose.
    private static void AddPart(string text, int start, int length, ProseContext context, int[] lineStarts, List<ProseSegment> segments)
    {
        if (length <= 0)
        {
            return;
        }

        var part = text.AsSpan(start, length);
        var trimmed = part.Trim();
        if (trimmed.IsEmpty)
        {
            return;
        }

        var offset = start + (part.Length - part.TrimStart().Length);
        var (line, column) = Position(lineStarts, offset);
        segments.Add(new ProseSegment(trimmed.ToString(), line, column, offset, context));
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }

        return [.. starts];
    }

    // 1-based line and column of an offset.
    private static (int Line, int Column) Position(int[] lineStarts, int offset)
    {
        var i = Array.BinarySearch(lineStarts, offset);
        if (i < 0)
        {
            i = ~i - 1;
        }

        return (i + 1, offset - lineStarts[i] + 1);
    }

    // Cells of a table row as (start, length) offsets into the text (the row starts at rowStart), honouring \| escapes.
    private static void Cells(ReadOnlySpan<char> row, int rowStart, List<(int Start, int Length)> cells)
    {
        cells.Clear();
        var start = row.IndexOf('|') + 1;
        for (var i = start; i < row.Length; i++)
        {
            if (row[i] == '\\')
            {
                i++;
            }
            else if (row[i] == '|')
            {
                cells.Add((rowStart + start, i - start));
                start = i + 1;
            }
        }

        if (row[start..].Trim().Length > 0)
        {
            cells.Add((rowStart + start, row.Length - start));
        }
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

    [GeneratedRegex(@"<!--.*?-->")]
    private static partial Regex HtmlComment();

    // Markup that is not prose: HTML tags and comments, link targets, image syntax, emphasis runs.
    [GeneratedRegex(@"<!--.*?-->|</?[A-Za-z][^>]*>|\]\([^)]*\)|!\[|\*\*|__")]
    private static partial Regex NotProse();

    [GeneratedRegex(@"^\s*\|?\s*:?-{2,}")]
    private static partial Regex SeparatorRow();

    [GeneratedRegex(@"(?i)\baction items?\b")]
    private static partial Regex ActionHeading();
}
