using System.Globalization;
using Postmortem.Analysis.Lint;

namespace Postmortem.Rendering.Html;

/// <summary>
/// Lint findings beside the sentence each concerns: the sentence as the file has it, with the words the rule matched
/// marked, then the rule, its message and its suggestion. Every piece of the file's text is encoded.
/// </summary>
public static partial class FindingsHtml
{
    /// <summary>The findings of <paramref name="text"/> (the file they were found in) as an HTML table; a sentence when there are none.</summary>
    public static string Write(string text, IReadOnlyList<LintFinding> findings)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        var page = HtmlPage.Fragment(w);
        if (findings.Count == 0)
        {
            page.Note("The blameless-language rules find nothing in this file.");
            return w.ToString();
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        page.TableStart(("Line", 7), ("Sentence", 45), ("Rule", 18), ("Finding", 30));
        foreach (var f in findings)
        {
            var (before, match, after) = Sentence(f.Line <= lines.Length ? lines[f.Line - 1] : string.Empty, f.Column - 1, f.Length);
            page.RawRow(
                f.Line.ToString(CultureInfo.InvariantCulture),
                HtmlText.Encode(before) + "<mark>" + HtmlText.Encode(match) + "</mark>" + HtmlText.Encode(after),
                HtmlText.Encode($"{f.Rule.Id} {f.Rule.Name} ({f.Severity.ToString().ToLowerInvariant()})"),
                HtmlText.Encode(f.Message) + (f.Suggestion.Length == 0 ? string.Empty : "<br><span class=\"muted\">" + HtmlText.Encode(f.Suggestion) + "</span>"));
        }

        page.TableEnd();
        return w.ToString();
    }

    /// <summary>The sentence of <paramref name="line"/> around the match at <paramref name="column"/> (0-based), split into the words before, the match, and the words after.</summary>
    public static (string Before, string Match, string After) Sentence(string line, int column, int length)
    {
        var start = Math.Clamp(column, 0, line.Length);
        var end = Math.Clamp(column + Math.Max(length, 0), start, line.Length);

        // A sentence ends at . ! or ? followed by a space; the line's ends bound it otherwise.
        var from = start;
        while (from > 0 && line[from - 1] != '|' && !(line[from - 1] == ' ' && from >= 2 && line[from - 2] is '.' or '!' or '?'))
        {
            from--;
        }

        // At the start of the line, the sentence starts after a list marker, a YAML key or a table's pipe.
        if (from == 0 && LinePrefix().Match(line[..start]) is { Success: true } prefix)
        {
            from = prefix.Length;
        }

        var to = end;
        while (to < line.Length && line[to] != '|' && !(line[to] is '.' or '!' or '?' && (to + 1 == line.Length || line[to + 1] == ' ')))
        {
            to++;
        }

        to = to < line.Length && line[to] != '|' ? to + 1 : to;
        return (line[from..start].TrimStart(), line[start..end], line[end..to].TrimEnd());
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:[-*+]\s+|\d+\.\s+)?(?:[A-Za-z][\w-]*:\s+)?(?:[-*+]\s+)?")]
    private static partial System.Text.RegularExpressions.Regex LinePrefix();
}
