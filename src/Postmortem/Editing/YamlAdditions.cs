using System.Globalization;
using System.Text;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Postmortem.Editing;

/// <summary>
/// Adds list items to an incident or project file (YAML) as a splice of its text: a factor goes after the last item of
/// its category (or a new category key after the last one), an action after the last action (or a new <c>actions:</c>
/// key at the end of the file), each written with the indentation of the items beside it.
/// </summary>
internal static class YamlAdditions
{
    public static Result<EditedText> Add(string text, string file, IReadOnlyList<NewFactor> factors, IReadOnlyList<NewAction> actions)
    {
        var added = 0;
        foreach (var group in factors.GroupBy(f => f.Category))
        {
            var step = AddFactors(text, file, group.Key, [.. group.Select(f => YamlSourceEditor.Scalar(f.Text))]);
            if (!step.Success)
            {
                return step;
            }

            (text, added) = (step.Value.Text, added + step.Value.ChangedLines);
        }

        if (actions.Count > 0)
        {
            var step = AddToList(text, file, "actions", [.. actions.Select(Lines)]);
            if (!step.Success)
            {
                return step;
            }

            (text, added) = (step.Value.Text, added + step.Value.ChangedLines);
        }

        return new(new EditedText(text, added), []);
    }

    // An action's keys in the format's order (docs/format.md), one line each.
    private static List<string> Lines(NewAction a)
    {
        var lines = new List<string>
        {
            "id: " + YamlSourceEditor.Scalar(a.Id),
            "action: " + YamlSourceEditor.Scalar(a.Text),
            "type: " + a.Type.ToString().ToLowerInvariant(),
            "owner: " + YamlSourceEditor.Scalar(a.Owner),
            "due: " + a.Due.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
        };
        if (a.Effort is { } effort)
        {
            lines.Add("effort: " + YamlSourceEditor.Scalar(effort));
        }

        if (a.Factors.Count > 0)
        {
            lines.Add("factors: [" + string.Join(", ", a.Factors.Select(YamlSourceEditor.Scalar)) + "]");
        }

        return lines;
    }

    private static Result<EditedText> AddFactors(string text, string file, string category, IReadOnlyList<string> items)
    {
        if (Load(text, file) is not { } root)
        {
            return Refused(file, 1, 1, "the file is not a YAML mapping of postmortem keys");
        }

        var factors = Value(root, "factors");
        if (factors is null or YamlScalarNode { Value: "" or null })
        {
            return AddToList(text, file, "factors", [.. items.Select(i => new List<string> { i })], category);
        }

        if (factors is not YamlMappingNode { Style: not YamlDotNet.Core.Events.MappingStyle.Flow } categories)
        {
            return Refused(file, YamlNodeReader.Line(factors), YamlNodeReader.Column(factors), "'factors' is not a block mapping of categories");
        }

        if (Value(categories, category) is YamlSequenceNode list)
        {
            return Append(text, file, list, [.. items.Select(i => new List<string> { i })]);
        }

        // A new category key after the last one, at the keys' indentation.
        var indent = new string(' ', (int)categories.Children.First().Key.Start.Column - 1);
        var block = new StringBuilder().Append(indent).Append(category).Append(":\n");
        foreach (var item in items)
        {
            block.Append(indent).Append("  - ").Append(item).Append('\n');
        }

        return Insert(text, After(text, categories), block.ToString(), items.Count + 1);
    }

    // Items under `key` of the root (or `key:` then `nested:` when the key is new and the list sits one level deeper).
    private static Result<EditedText> AddToList(string text, string file, string key, IReadOnlyList<List<string>> items, string? nested = null)
    {
        if (Load(text, file) is not { } root)
        {
            return Refused(file, 1, 1, "the file is not a YAML mapping of postmortem keys");
        }

        var pair = root.Children.FirstOrDefault(p => p.Key is YamlScalarNode k && k.Value == key);
        if (pair.Value is YamlSequenceNode list)
        {
            return Append(text, file, list, items);
        }

        if (pair.Value is not (null or YamlScalarNode { Value: "" or null, Style: ScalarStyle.Plain }))
        {
            return Refused(file, YamlNodeReader.Line(pair.Value), YamlNodeReader.Column(pair.Value), $"'{key}' is not a list");
        }

        var dash = nested is null ? "  " : "    ";
        var block = new StringBuilder();
        if (pair.Key is null)
        {
            block.Append(key).Append(":\n");
        }

        if (nested is not null)
        {
            block.Append("  ").Append(nested).Append(":\n");
        }

        var count = Items(block, dash, items);
        var lines = count + (pair.Key is null ? 1 : 0) + (nested is null ? 0 : 1);

        // An empty `key:` gets its items on the lines after it; a new key goes at the end of the file.
        return pair.Key is null
            ? Insert(text, text.Length, block.ToString(), lines)
            : Insert(text, LineAfter(text, (int)pair.Key.End.Index), block.ToString(), lines);
    }

    private static Result<EditedText> Append(string text, string file, YamlSequenceNode list, IReadOnlyList<List<string>> items)
    {
        if (list.Style == YamlDotNet.Core.Events.SequenceStyle.Flow || list.Children.Count == 0)
        {
            return Refused(file, YamlNodeReader.Line(list), YamlNodeReader.Column(list), "the list is written inline ([…]); write it as a block list first");
        }

        // The items' dash stands where the first item's line starts its text.
        var first = list.Children[0];
        var lineStart = text.LastIndexOf('\n', Math.Max(0, (int)first.Start.Index - 1)) + 1;
        var dashAt = text.IndexOf('-', lineStart);
        if (dashAt < 0 || dashAt >= first.Start.Index || text[lineStart..dashAt].Any(c => c != ' '))
        {
            return Refused(file, YamlNodeReader.Line(first), YamlNodeReader.Column(first), "the list's items do not each start a line with '- '");
        }

        var block = new StringBuilder();
        var count = Items(block, new string(' ', dashAt - lineStart), items);
        return Insert(text, After(text, list), block.ToString(), count);
    }

    // `- first` then `  next` for each item's lines; the number of lines written.
    private static int Items(StringBuilder block, string dash, IReadOnlyList<List<string>> items)
    {
        var count = 0;
        foreach (var lines in items)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                block.Append(dash).Append(i == 0 ? "- " : "  ").Append(lines[i]).Append('\n');
                count++;
            }
        }

        return count;
    }

    // Where a line after `node` can go: after the line of its last scalar (a block scalar ends at the start of a line).
    private static int After(string text, YamlNode node)
    {
        var last = node.AllNodes.OfType<YamlScalarNode>().MaxBy(n => n.End.Index);
        var end = last is null ? node.End : last.End;
        return end.Column == 1 && end.Index > 0 ? (int)end.Index : LineAfter(text, (int)end.Index);
    }

    private static int LineAfter(string text, int index)
    {
        var newline = text.IndexOf('\n', Math.Min(index, text.Length));
        return newline < 0 ? text.Length : newline + 1;
    }

    private static Result<EditedText> Insert(string text, int at, string block, int lines)
    {
        // The file's own line endings; a last line without its newline gets one first.
        var ending = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var prefix = at == text.Length && text.Length > 0 && text[^1] != '\n' ? ending : string.Empty;
        return new(new EditedText(text[..at] + prefix + block.Replace("\n", ending, StringComparison.Ordinal) + text[at..], lines), []);
    }

    private static YamlMappingNode? Load(string text, string file)
    {
        var diagnostics = new List<Diagnostic>();
        return new YamlNodeReader(file, diagnostics).Load(text) is YamlMappingNode root && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? root : null;
    }

    private static YamlNode? Value(YamlMappingNode m, string key) =>
        m.Children.FirstOrDefault(p => p.Key is YamlScalarNode k && k.Value == key).Value;

    private static Result<EditedText> Refused(string file, int line, int column, string why) =>
        new(null, [DiagnosticCatalog.AdditionNotPossible(file, line, column, why)]);
}
