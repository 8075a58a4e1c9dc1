using System.Text.RegularExpressions;
using Markdig.Syntax;
using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Editing;

/// <summary>
/// The review meeting's additions to a Markdown postmortem, as a person would write them: an action is a new row at the
/// end of the Action items table (a cell under each of the table's own columns, written by the renderers' cell code the
/// facade passes), its effort an entry under <c>actionLinks:</c> in the front matter; a factor is a new bullet after the
/// last one under its category's label (<c>**Process factors:**</c>) in the Contributing factors section, in place of
/// the placeholder bullet when that is the only one. Every other line keeps its bytes and its line ending.
/// </summary>
internal sealed partial class MarkdownSourceEditor
{
    private const string FactorPlaceholder = "_To discuss in the review._";

    /// <summary>Adds <paramref name="factors"/> and <paramref name="actions"/> to the Markdown postmortem <paramref name="text"/>.</summary>
    internal Result<EditedText> Add(string text, string file, IReadOnlyList<NewFactor> factors, IReadOnlyList<NewAction> actions)
    {
        if (actionCell is null || bullet is null)
        {
            return NotPossible(file, 0, "this editor was made without the renderers' cell and bullet writers (add through Postmortems.AddToSource)");
        }

        var lines = new LineMap(text);

        // Every splice is found on the text as it is, then applied from the bottom up so that no line number moves.
        var splices = new List<(int After, bool ReplaceLine, List<string> Lines)>();
        var changed = 0;
        if (actions.Count > 0)
        {
            var (table, problem) = FindActions(text, file, lines);
            if (table is null)
            {
                return problem is { Code: not "PM0605" } ? new(null, [problem]) : NotPossible(file, 0, "no action items table (a table with an 'Action' column) in the document");
            }

            var rows = actions.Select(a => "| " + string.Join(" | ", table.Header.Select(column => actionCell(Item(a), column))) + " |").ToList();
            splices.Add((table.Rows.Count > 0 ? table.Rows.Max(r => r.Line) : table.HeaderLine + 1, false, rows));
            changed += rows.Count;
        }

        if (factors.Count > 0)
        {
            var found = FactorLists(text, file, lines);
            if (!found.Success)
            {
                return new(null, found.Diagnostics);
            }

            foreach (var group in factors.GroupBy(f => f.Category))
            {
                if (!found.Value.TryGetValue(group.Key, out var at))
                {
                    var label = char.ToUpperInvariant(group.Key[0]) + group.Key[1..];
                    return NotPossible(file, 0, $"no '**{label} factors:**' list in the Contributing factors section");
                }

                splices.Add((at.Last, at.Placeholder, [.. group.Select(f => "- " + bullet(f.Text))]));
                changed += group.Count();
            }
        }

        if (actions.Where(a => a.Effort is not null || a.Factors.Count > 0).ToList() is { Count: > 0 } withLinks)
        {
            var links = ActionLinks(lines, withLinks);
            if (links is null)
            {
                return NotPossible(file, 1, "no front matter to hold the actions' effort and factors (actionLinks:), or an 'actionLinks:' written inline");
            }

            splices.Add(links.Value);
            changed += links.Value.Lines.Count;
        }

        foreach (var (after, replace, added) in splices.OrderByDescending(s => s.After))
        {
            if (replace)
            {
                lines.Set(after, added[0]);
                lines.InsertAfter(after, added.Skip(1));
            }
            else
            {
                lines.InsertAfter(after, added);
            }
        }

        return new(new EditedText(lines.ToString(), changed), []);
    }

    private static ActionItem Item(NewAction a) =>
        new() { Id = a.Id, Action = a.Text, Type = a.Type, Owner = a.Owner, Due = a.Due, Status = "Open", Effort = a.Effort };

    /// <summary>Each category's list in the Contributing factors section: its last line, and whether that line is the lone placeholder.</summary>
    private static Result<Dictionary<string, (int Last, bool Placeholder)>> FactorLists(string text, string file, LineMap lines)
    {
        if (Ingest.Prose.MarkdownLimits.Check(text, file) is { } tooDeep)
        {
            return new(null, [tooDeep]);
        }

        var blocks = Markdig.Markdown.Parse(text, Pipeline).ToList();
        var start = blocks.FindIndex(b => b is HeadingBlock h && lines.Get(h.Line + 1).Trim().Trim('#').Trim().Equals("Contributing factors", StringComparison.OrdinalIgnoreCase));
        if (start < 0)
        {
            return new(null, [DiagnosticCatalog.AdditionNotPossible(file, 0, 0, "no 'Contributing factors' section in the document")]);
        }

        var result = new Dictionary<string, (int, bool)>(StringComparer.Ordinal);
        string? category = null;
        foreach (var block in blocks.Skip(start + 1).TakeWhile(b => b is not HeadingBlock))
        {
            if (block is ParagraphBlock p && FactorLabel().Match(lines.Get(p.Line + 1).Trim().Trim('*').Trim()) is { Success: true } label)
            {
                category = label.Groups[1].Value.ToLowerInvariant();
                result.TryAdd(category, (p.Line + 1, false));
            }
            else if (block is ListBlock list && category is not null)
            {
                var last = text.AsSpan(0, Math.Min(list.Span.End + 1, text.Length)).TrimEnd("\r\n").Count('\n') + 1;
                var lone = list.Count == 1 && last == list.Line + 1 && lines.Get(last).Trim().TrimStart('-', '*', '+').Trim() == FactorPlaceholder;
                result[category] = (last, lone);
                category = null;
            }
        }

        return new(result, []);
    }

    /// <summary>The lines that give <paramref name="actions"/> their effort and factors under the front matter's <c>actionLinks:</c>, and where they go.</summary>
    private static (int After, bool ReplaceLine, List<string> Lines)? ActionLinks(LineMap lines, IReadOnlyList<NewAction> actions)
    {
        var (open, close) = FrontMatterLines(lines);
        if (open < 0)
        {
            return null;
        }

        var entries = actions.SelectMany(a => new[]
            {
                $"  {a.Id}:",
                a.Effort is null ? null : $"    effort: {a.Effort}",
                a.Factors.Count == 0 ? null : $"    factors: [{string.Join(", ", a.Factors.Select(YamlSourceEditor.Scalar))}]",
            }.OfType<string>()).ToList();
        var key = Enumerable.Range(open + 1, close - open - 1).FirstOrDefault(l => lines.Get(l).StartsWith("actionLinks:", StringComparison.Ordinal));
        if (key == 0)
        {
            return (close - 1, false, ["actionLinks:", .. entries]);
        }

        if (lines.Get(key).TrimEnd() != "actionLinks:")
        {
            return null;
        }

        var end = key;
        while (end + 1 < close && lines.Get(end + 1).StartsWith(' '))
        {
            end++;
        }

        return (end, false, entries);
    }

    private static Result<EditedText> NotPossible(string file, int line, string reason) =>
        new(null, [DiagnosticCatalog.AdditionNotPossible(file, line, line == 0 ? 0 : 1, reason)]);

    [GeneratedRegex(@"^(Process|Technical|Human|Organizational) factors:?$", RegexOptions.IgnoreCase)]
    private static partial Regex FactorLabel();
}
