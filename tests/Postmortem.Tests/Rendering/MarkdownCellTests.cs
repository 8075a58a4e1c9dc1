using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Postmortem.Rendering.Markdown;

namespace Postmortem.Tests.Rendering;

/// <summary>Table cells keep their columns whatever the text holds (issue 9: "a \| b" shifted every later column).</summary>
public sealed class MarkdownCellTests
{
    [Theory]
    [InlineData("a | b")]
    [InlineData("a \\| b")]
    [InlineData("a \\\\| b")]
    [InlineData("ends with \\")]
    [InlineData("two\nlines | and a pipe")]
    public void A_rendered_row_has_exactly_its_cells(string text)
    {
        var builder = new System.Text.StringBuilder();
        MarkdownText.Header(builder, "Time", "Event", "Source");
        MarkdownText.Row(builder, "10:00", text, "Notes");
        var document = Markdown.Parse(builder.ToString(), new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        var table = Assert.Single(document.Descendants<Table>());
        var row = (TableRow)table[1];
        Assert.Equal(3, row.Count);
        var source = builder.ToString();
        var last = (TableCell)row[2];
        Assert.Equal("Notes", source.Substring(last.Span.Start, last.Span.Length).Trim());
    }
}
