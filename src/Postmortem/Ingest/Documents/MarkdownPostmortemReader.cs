using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NodaTime;
using Postmortem.Model;

namespace Postmortem.Ingest.Documents;

/// <summary>Reads the parts of a Markdown postmortem that <c>check</c> needs, with Markdig. Never throws on input.</summary>
internal static partial class MarkdownPostmortemReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().UsePreciseSourceLocation().Build();

    private static MarkdownPostmortem Empty(Diagnostics.Diagnostic why) => new()
    {
        IsProject = false, Sections = [], Actions = [], Factors = [], UnknownKeyTimestamps = [], Diagnostics = [why],
    };

    /// <summary>Reads <paramref name="text"/>; a file nested past <see cref="Prose.MarkdownLimits"/> (or Markdig's inline limit) is read as empty with PM0011.</summary>
    public static MarkdownPostmortem Read(string text, string file = "")
    {
        if (Prose.MarkdownLimits.Check(text, file) is { } tooDeep)
        {
            return Empty(tooDeep);
        }

        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException e)
        {
            // Markdig's depth guard (ThrowHelper.CheckDepthLimit) throws this for inlines nested too deeply, e.g. 50,000 '['.
            return Empty(Diagnostics.DiagnosticCatalog.MarkdownTooDeep(file, 0, 0, e.Message));
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var sections = new List<(string, int, bool)>();
        var actions = new List<ActionItem>();
        var factors = new List<ContributingFactor>();
        var unknownKeys = new List<(string, int)>();
        int? unknownFollowUp = null;
        var headings = document.Descendants<HeadingBlock>().ToList();
        var isProject = headings.Any(h => h.Level == 2 && Plain(h).StartsWith("Project Postmortem", StringComparison.OrdinalIgnoreCase));

        for (var h = 0; h < headings.Count; h++)
        {
            var heading = headings[h];
            if (heading.Level != 3)
            {
                continue;
            }

            var title = Plain(heading);
            var from = heading.Line + 1;
            var to = h + 1 < headings.Count ? headings[h + 1].Line : lines.Length;
            var body = string.Join('\n', lines[Math.Min(from, lines.Length)..Math.Min(to, lines.Length)]);
            sections.Add((title, heading.Line + 1, IsPlaceholder(body)));
        }

        string? category = null;
        foreach (var block in document.Descendants<Block>())
        {
            switch (block)
            {
                case HeadingBlock:
                    category = null;
                    break;
                case ParagraphBlock p when p.Parent is not ListItemBlock && p.Parent is not TableCell:
                    var paragraph = Plain(p);
                    var label = CategoryLabel().Match(paragraph);
                    category = label.Success ? label.Groups[1].Value.ToLowerInvariant() : null;
                    break;
                case ListItemBlock item when category is not null && item.Parent?.Parent is MarkdownDocument:
                    var factorText = string.Concat(item.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
                    if (factorText.Length > 0 && !factorText.StartsWith("To discuss", StringComparison.OrdinalIgnoreCase))
                    {
                        factors.Add(new ContributingFactor($"{category}-{factors.Count(f => f.Category == category) + 1}", category, factorText)
                        {
                            Line = item.Line + 1,
                            Column = item.Column + 1,
                        });
                    }

                    break;
                case Table table when IsActionTable(table):
                    actions.AddRange(ReadActions(table));
                    break;
            }
        }

        LocalDate? held = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var field = Field().Match(lines[i]);
            if (!field.Success)
            {
                continue;
            }

            var (name, value) = (field.Groups["name"].Value, field.Groups["value"].Value.Trim());
            if (name == "Postmortem date" && ParseDate(value) is { } date)
            {
                held = date;
            }
            else if (name is "Detection" or "Escalation" or "Mitigation" or "Resolution" or "Communication" && value.StartsWith("unknown", StringComparison.OrdinalIgnoreCase))
            {
                unknownKeys.Add((name, i + 1));
            }
            else if (name == "Action item review" && value.StartsWith("unknown", StringComparison.OrdinalIgnoreCase))
            {
                unknownFollowUp = i + 1;
            }
        }

        return new MarkdownPostmortem
        {
            IsProject = isProject,
            Sections = sections,
            Actions = actions,
            Factors = factors,
            PostmortemDate = held,
            UnknownKeyTimestamps = unknownKeys,
            UnknownFollowUpLine = unknownFollowUp,
        };
    }

    private static IEnumerable<ActionItem> ReadActions(Table table)
    {
        var rows = table.OfType<TableRow>().ToList();
        var header = rows.First(r => r.IsHeader).Select(c => Plain((TableCell)c).Trim().ToLowerInvariant()).ToList();
        string Cell(TableRow row, string name)
        {
            var i = header.IndexOf(name);
            return i >= 0 && i < row.Count ? Plain((TableCell)row[i]).Trim() : string.Empty;
        }

        foreach (var row in rows.Where(r => !r.IsHeader))
        {
            var type = Cell(row, "type");
            var owner = Cell(row, "owner");
            yield return new ActionItem
            {
                Id = Cell(row, "id"),
                Action = Cell(row, "action"),
                Type = Enum.TryParse<ActionType>(type, ignoreCase: true, out var t) ? t : null,
                Owner = owner is "" or "—" or "-" ? null : owner,
                Due = ParseDate(Cell(row, "due date")),
                Status = Cell(row, "status") is { Length: > 0 } status ? status : "Open",
                Line = row.Line + 1,
                Column = 1,
            };
        }
    }

    private static bool IsActionTable(Table table) =>
        table.OfType<TableRow>().FirstOrDefault(r => r.IsHeader) is { } header
        && header.Select(c => Plain((TableCell)c).Trim()).Contains("Action", StringComparer.OrdinalIgnoreCase)
        && header.Select(c => Plain((TableCell)c).Trim()).Contains("Owner", StringComparer.OrdinalIgnoreCase);

    private static LocalDate? ParseDate(string text) => MarkdownRecordReader.ParseDate(text);

    private static bool IsPlaceholder(string body)
    {
        var words = Placeholder().Replace(body, string.Empty);
        return Regex.Replace(words, @"[\s|\-—*_:#]+", string.Empty).Length == 0;
    }

    private static string Plain(LeafBlock block) =>
        block.Inline is null ? string.Empty : string.Concat(block.Inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    private static string Plain(TableCell cell) =>
        string.Concat(cell.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    [GeneratedRegex(@"^(Process|Technical|Human|Organizational) factors:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CategoryLabel();

    [GeneratedRegex(@"^\s*(?:-\s*)?\*\*(?<name>[^*:]+):\*\*\s*(?<value>.*?)\s*$")]
    private static partial Regex Field();

    [GeneratedRegex(@"(?i)_?to discuss(?: in the review)?\.?_?|\((?:[^()]*)\)|to be discussed|TBD|TODO")]
    private static partial Regex Placeholder();
}
