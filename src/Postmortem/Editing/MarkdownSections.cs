using System.Text;
using Markdig;
using Markdig.Syntax;
using Postmortem.Diagnostics;

namespace Postmortem.Editing;

/// <summary>
/// The sections of a Markdown postmortem: every top-level heading after the title (the first heading) starts one, and its
/// body runs to the next heading of any level. A replacement changes only the body's lines; the heading, the blank lines
/// around the body and every other byte stay.
/// </summary>
internal static class MarkdownSections
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().UsePreciseSourceLocation().Build();

    public static Result<IReadOnlyList<SourceSection>> List(string text, string file)
    {
        var found = Find(text, file);
        return found.Success ? new(found.Value.Select(s => s.Section).ToList(), []) : new(null, found.Diagnostics);
    }

    public static Result<EditedText> Replace(string text, string file, string key, string replacement)
    {
        var found = Find(text, file);
        if (!found.Success)
        {
            return new(null, found.Diagnostics);
        }

        var part = found.Value.First(s => s.Section.Key == key);
        var lines = TextLines.Split(text);
        var ending = lines.Count > 0 && lines[0].Ending.Length > 0 ? lines[0].Ending : "\n";
        var count = Math.Max(0, part.Last - part.First + 1);
        var body = lines.GetRange(part.First - 1, count);
        var lead = body.TakeWhile(l => string.IsNullOrWhiteSpace(l.Text)).Count();
        var trail = lead == body.Count ? 0 : body.AsEnumerable().Reverse().TakeWhile(l => string.IsNullOrWhiteSpace(l.Text)).Count();
        var added = replacement.Length == 0 ? [] : replacement.Split('\n').Select(l => (l, ending)).ToList();
        var more = part.First - 1 + count < lines.Count;
        List<(string Text, string Ending)> region = added.Count == 0 ? [.. body.Take(lead)]
            : lead < body.Count ? [.. body.Take(lead), .. added, .. body.Skip(body.Count - trail)]

            // An empty body gets the blank lines a person leaves: one after the heading, one before the next heading.
            : [body.Count > 0 ? body[0] : (string.Empty, ending), .. added, .. body.Count > 1 ? body.Skip(1) : more ? [(string.Empty, ending)] : []];

        // The file's last line keeps its own ending (or none); every line before it has one.
        if (!more && region.Count > 0 && (count > 0 || lines.Count > 0))
        {
            var last = count > 0 ? body[^1].Ending : lines[^1].Ending;
            for (var i = 0; i < region.Count; i++)
            {
                region[i] = (region[i].Text, i == region.Count - 1 ? last : region[i].Ending.Length == 0 ? ending : region[i].Ending);
            }

            if (count == 0 && lines[^1].Ending.Length == 0)
            {
                lines[^1] = (lines[^1].Text, ending);
            }
        }

        var changed = SourceSections.ChangedLines(body.Select(l => l.Text).ToList(), region.Select(l => l.Text).ToList());
        lines.RemoveRange(part.First - 1, count);
        lines.InsertRange(part.First - 1, region);
        var b = new StringBuilder(text.Length + replacement.Length);
        foreach (var (line, end) in lines)
        {
            b.Append(line).Append(end);
        }

        return new(new EditedText(b.ToString(), changed), []);
    }

    // Each section with its body's lines (1-based, inclusive; Last < First when the body is empty).
    private static Result<List<(SourceSection Section, int First, int Last)>> Find(string text, string file)
    {
        if (Ingest.Prose.MarkdownLimits.Check(text, file) is { } tooDeep)
        {
            return new(null, [tooDeep]);
        }

        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException e)
        {
            return new(null, [DiagnosticCatalog.MarkdownTooDeep(file, 0, 0, e.Message)]);
        }

        var lines = TextLines.Split(text);
        var headings = document.OfType<HeadingBlock>().ToList();
        var result = new List<(SourceSection, int, int)>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < headings.Count; i++)
        {
            var heading = headings[i];
            var headingLast = LineOf(text, heading.Span.End);
            var first = headingLast + 1;
            var last = i + 1 < headings.Count ? headings[i + 1].Line : lines.Count;
            var title = Title(lines[heading.Line].Text, heading.IsSetext);
            var slug = Slug(title);
            keys[slug] = keys.TryGetValue(slug, out var n) ? n + 1 : 1;
            var key = keys[slug] == 1 ? slug : $"{slug}-{keys[slug]}";
            var body = Enumerable.Range(first, Math.Max(0, last - first + 1)).Select(l => lines[l - 1].Text).ToList();
            var lead = body.TakeWhile(string.IsNullOrWhiteSpace).Count();
            var bodyText = SourceSections.Normalize(string.Join('\n', body));
            result.Add((new SourceSection(key, title, bodyText, bodyText.Length == 0 ? heading.Line + 1 : first + lead), first, last));
        }

        return new(result, []);
    }

    private static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < Math.Min(index, text.Length); i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    private static string Title(string line, bool setext) =>
        setext ? line.Trim() : line.Trim().TrimStart('#').TrimEnd('#').Trim();

    private static string Slug(string title)
    {
        var b = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                b.Append(c);
            }
            else if (b.Length > 0 && b[^1] != '-')
            {
                b.Append('-');
            }
        }

        var slug = b.ToString().Trim('-');
        return slug.Length == 0 ? "section" : slug;
    }
}
