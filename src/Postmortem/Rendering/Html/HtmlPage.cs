using System.Globalization;

namespace Postmortem.Rendering.Html;

/// <summary>
/// Writes one standalone, printable HTML page: inline CSS, inline SVG, no script and nothing fetched. Every method
/// that takes input text encodes it (<see cref="HtmlText"/>); only the methods named <c>Raw</c> take markup, and
/// they are given markup this library wrote.
/// </summary>
internal sealed class HtmlPage
{
    // One stylesheet for every page: the page narrows to the window and prints on A4 or Letter; long words in input
    // text (URLs in chat exports) wrap anywhere instead of widening the page.
    private const string Style = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #fff; color: #111827; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow-wrap: anywhere; }
        main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .75rem; line-height: 1.25; }
        h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid #e5e7eb; }
        h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
        th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #e5e7eb; }
        th { background: #f3f4f6; }
        th { overflow-wrap: break-word; }
        td.prov { color: #4b5563; font-size: .8rem; }
        .muted { color: #6b7280; }
        figure { margin: .5rem 0 1rem; }
        figure svg { display: block; width: 100%; height: auto; }
        figcaption { font-size: .85rem; color: #4b5563; }
        ul.legend { list-style: none; padding: 0; margin: .25rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .85rem; }
        .swatch { display: inline-block; width: .9em; height: .9em; margin-right: .3em; vertical-align: -.1em; border: 1px solid #9ca3af; }
        footer { margin-top: 2rem; font-size: .8rem; color: #6b7280; }
        @media print {
          body { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; }
          figure, tr { break-inside: avoid; }
        }
        """;

    private readonly TextWriter w;

    /// <summary>Starts a page titled <paramref name="title"/> on <paramref name="output"/>.</summary>
    public HtmlPage(TextWriter output, string title)
    {
        w = output;
        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        w.Write("<title>");
        w.Write(HtmlText.Encode(title));
        w.Write("</title>\n<style>\n");
        w.Write(Style);
        w.Write("\n</style>\n</head>\n<body>\n<main>\n");
    }

    private HtmlPage(TextWriter output, bool fragment)
    {
        _ = fragment;
        w = output;
    }

    /// <summary>A part of a page: the same encoded pieces without the document around them, for a host that places them in a page of its own.</summary>
    public static HtmlPage Fragment(TextWriter output) => new(output, fragment: true);

    /// <summary>A heading of <paramref name="level"/> (1–3).</summary>
    public void Heading(int level, string text) => w.Write($"<h{level}>{HtmlText.Encode(text)}</h{level}>\n");

    /// <summary>A paragraph of input text, its line breaks kept; blank lines start a new paragraph.</summary>
    public void Paragraphs(string text)
    {
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            w.Write("<p>" + HtmlText.Lines(paragraph) + "</p>\n");
        }
    }

    /// <summary>A paragraph of this library's own words, shown muted.</summary>
    public void Note(string text) => w.Write("<p class=\"muted\">" + HtmlText.Encode(text) + "</p>\n");

    /// <summary>A paragraph of input text.</summary>
    public void Paragraph(string text) => w.Write("<p>" + HtmlText.Lines(text) + "</p>\n");

    /// <summary>A list of name: value facts; both are encoded.</summary>
    public void Facts(IEnumerable<(string Name, string Value)> facts)
    {
        w.Write("<dl class=\"facts\">\n");
        foreach (var (name, value) in facts)
        {
            w.Write("<dt>" + HtmlText.Encode(name) + "</dt><dd>" + HtmlText.Lines(value) + "</dd>\n");
        }

        w.Write("</dl>\n");
    }

    /// <summary>A bulleted list of input text, or one muted item when there is none.</summary>
    public void Bullets(IEnumerable<string> items, string whenEmpty)
    {
        w.Write("<ul>\n");
        var any = false;
        foreach (var item in items)
        {
            w.Write("<li>" + HtmlText.Lines(item) + "</li>\n");
            any = true;
        }

        if (!any)
        {
            w.Write("<li class=\"muted\">" + HtmlText.Encode(whenEmpty) + "</li>\n");
        }

        w.Write("</ul>\n");
    }

    /// <summary>Opens a table with <paramref name="columns"/>, each with its share of the width in percent.</summary>
    /// <remarks>The widths are fixed so that no input text, however long its words, widens the page: it wraps inside its column.</remarks>
    public void TableStart(params (string Name, int Percent)[] columns)
    {
        w.Write("<table>\n<colgroup>");
        foreach (var (_, percent) in columns)
        {
            // A presentational width attribute, not a style attribute: the page stays within a Content-Security-Policy without 'unsafe-inline' (the web app's).
            w.Write($"<col width=\"{percent}%\">");
        }

        w.Write("</colgroup>\n<thead><tr>");
        foreach (var (column, _) in columns)
        {
            w.Write("<th>" + HtmlText.Encode(column) + "</th>");
        }

        w.Write("</tr></thead>\n<tbody>\n");
    }

    /// <summary>A table row of input text; an empty cell shows an em dash.</summary>
    public void Row(params string?[] cells) => RowWithClass(null, cells);

    /// <summary>A table row whose last cell has the CSS class <paramref name="lastClass"/>.</summary>
    public void RowWithClass(string? lastClass, params string?[] cells)
    {
        w.Write("<tr>");
        for (var i = 0; i < cells.Length; i++)
        {
            w.Write(lastClass is not null && i == cells.Length - 1 ? $"<td class=\"{lastClass}\">" : "<td>");
            w.Write(string.IsNullOrWhiteSpace(cells[i]) ? "—" : HtmlText.Lines(cells[i]!.Trim()));
            w.Write("</td>");
        }

        w.Write("</tr>\n");
    }

    /// <summary>A table row of markup this library wrote (input text in it already encoded); never raw input text.</summary>
    public void RawRow(params string[] cells) => w.Write("<tr>" + string.Concat(cells.Select(c => "<td>" + c + "</td>")) + "</tr>\n");

    /// <summary>Closes a table.</summary>
    public void TableEnd() => w.Write("</tbody>\n</table>\n");

    /// <summary>Markup this library wrote (an SVG figure); never input text.</summary>
    public void Raw(string markup) => w.Write(markup);

    /// <summary>A legend: each entry a colour swatch and this library's own words.</summary>
    public void Legend(IEnumerable<(string Colour, string Text)> entries)
    {
        w.Write("<ul class=\"legend\">");
        foreach (var (colour, text) in entries)
        {
            // The colour as an SVG presentation attribute, not an inline style, for the same reason as the column widths.
            w.Write($"<li><svg class=\"swatch\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect width=\"10\" height=\"10\" fill=\"{colour}\"/></svg>{HtmlText.Encode(text)}</li>");
        }

        w.Write("</ul>\n");
    }

    /// <summary>Ends the page with a footer line of this library's own words.</summary>
    public void End(string footer)
    {
        w.Write("<footer>" + HtmlText.Encode(footer) + "</footer>\n</main>\n</body>\n</html>\n");
        w.Flush();
    }

    /// <summary>A number in SVG and CSS: invariant culture, at most one decimal.</summary>
    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
