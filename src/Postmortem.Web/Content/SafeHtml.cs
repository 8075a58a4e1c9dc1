using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Postmortem.Analysis;

namespace Postmortem.Web.Content;

/// <summary>
/// Turns the library's output into HTML for a page: the <c>html</c> renderer when the registry has it, else the
/// Markdown one through Markdig with raw HTML shown as text and only http, https and mailto links kept.
/// </summary>
internal static class SafeHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    /// <summary>The postmortem as HTML to place in a page.</summary>
    public static string Postmortem(AnalyzedPostmortem postmortem)
    {
        // The library's own HTML renderer (with the SVG timeline) encodes what it writes; it is used as soon as it is registered.
        if (Postmortems.Formats.Find("html") is not null)
        {
            return Body(Render(postmortem, "html"));
        }

        return Markdown(Render(postmortem, "markdown"));
    }

    /// <summary>
    /// The inside of a page's <c>&lt;body&gt;</c> that the library wrote (it encodes every piece of input text): its
    /// <c>&lt;style&gt;</c> and CSP meta tag stay behind in the head, the app's stylesheet styles its classes.
    /// </summary>
    public static string Body(string html)
    {
        var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return body >= 0 && end > body ? html[(html.IndexOf('>', body) + 1)..end] : html;
    }

    /// <summary>Markdown as HTML: every HTML tag in it shown as text, every link or image whose scheme is not http, https or mailto made inert.</summary>
    public static string Markdown(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafeUrl(l.Url)))
        {
            link.Url = "#";
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !IsSafeUrl(l.Url)))
        {
            link.Url = "#";
        }

        return document.ToHtml(Pipeline);
    }

    /// <summary>A URL a page may link to: relative, or absolute with http, https or mailto (never javascript:, data:, vbscript:).</summary>
    public static bool IsSafeUrl(string? url)
    {
        // Browsers drop ASCII whitespace and control characters inside a scheme ("java\tscript:"), so they are dropped here too.
        var text = new string((url ?? string.Empty).Where(c => c > ' ').ToArray());
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var firstSeparator = text.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (firstSeparator >= 0 && firstSeparator < colon))
        {
            return true;
        }

        var scheme = text[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    private static string Render(AnalyzedPostmortem postmortem, string format)
    {
        using var stream = new MemoryStream();
        Postmortems.Render(postmortem, format, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
