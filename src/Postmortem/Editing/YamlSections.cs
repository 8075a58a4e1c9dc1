using System.Globalization;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Postmortem.Editing;

/// <summary>
/// The values of an incident or project file a person edits: every text value under the top-level keys (<c>title</c>,
/// <c>summary</c>, <c>impact.revenue</c>, <c>factors.process[1]</c>, <c>actions[0].owner</c>…), named by its path. A block
/// scalar (<c>|</c>, <c>&gt;</c>) is edited as its lines are written, so that a changed sentence is a changed line; a one-line
/// value is replaced where it stands, in its own quoting when that still reads back. Flow lists (<c>[a, b]</c>) and the
/// document's <c>type</c> are not offered.
/// </summary>
internal static class YamlSections
{
    public static Result<IReadOnlyList<SourceSection>> List(string text, string file)
    {
        var leaves = Leaves(text, file);
        return leaves.Success
            ? new(leaves.Value.Select(l => new SourceSection(l.Key, l.Key, Text(text, l), l.Block is { } b ? b.First : YamlNodeReader.Line(l.Node))).ToList(), [])
            : new(null, leaves.Diagnostics);
    }

    public static Result<EditedText> Replace(string text, string file, string key, string replacement)
    {
        var leaves = Leaves(text, file);
        if (!leaves.Success)
        {
            return new(null, leaves.Diagnostics);
        }

        var leaf = leaves.Value.First(l => l.Key == key);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = replacement.Split('\n');
        if (leaf.Block is { } block)
        {
            var indent = new string(' ', block.Indent);
            var written = string.Join(newline, lines.Select(l => l.Length == 0 ? l : indent + l)) + (block.ContentStart == block.ContentEnd ? newline : string.Empty);
            var start = block.ContentStart;
            var end = block.ContentEnd;
            var spliced = string.Concat(text.AsSpan(0, start), written, text.AsSpan(end));
            return new(new EditedText(spliced, SourceSections.ChangedLines(Text(text, leaf).Split('\n'), lines)), []);
        }

        var (at, length) = (Index(leaf.Node.Start), Index(leaf.Node.End) - Index(leaf.Node.Start));
        if (lines.Length == 1)
        {
            var scalar = leaf.Node.Style == ScalarStyle.DoubleQuoted ? YamlSourceEditor.DoubleQuoted(replacement) : YamlSourceEditor.Scalar(replacement);
            var insert = length == 0 ? " " + scalar : scalar;
            return new(new EditedText(string.Concat(text.AsSpan(0, at), insert, text.AsSpan(at + length)), 1), []);
        }

        // Several lines where one stood: a literal block, its lines indented under the key, after whatever ends the key's line.
        var lineEnd = text.IndexOf('\n', at + length);
        var keyIndent = new string(' ', Indentation(text, at) + 2);
        var content = string.Concat(lines.Select(l => (l.Length == 0 ? l : keyIndent + l) + newline));
        var head = string.Concat(text.AsSpan(0, at), "|-", text.AsSpan(at + length, (lineEnd < 0 ? text.Length : lineEnd + 1) - at - length));
        var result = lineEnd < 0 ? head + newline + content.TrimEnd('\r', '\n') : head + content + text[(lineEnd + 1)..];
        return new(new EditedText(result, lines.Length), []);
    }

    private sealed record Block(int ContentStart, int ContentEnd, int Indent, int First);

    private sealed record Leaf(string Key, YamlScalarNode Node, Block? Block);

    private static string Text(string text, Leaf leaf) => leaf.Block is { } b
        ? SourceSections.Normalize(string.Join('\n', text[b.ContentStart..b.ContentEnd].Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Length >= b.Indent ? l[b.Indent..] : l.TrimStart(' '))))
        : leaf.Node.Value ?? string.Empty;

    private static Result<List<Leaf>> Leaves(string text, string file)
    {
        var diagnostics = new List<Diagnostic>();
        var root = new YamlNodeReader(file, diagnostics).Load(text);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new(null, diagnostics);
        }

        if (root is not YamlMappingNode mapping)
        {
            return new(null, [DiagnosticCatalog.EditNotPossible(file, 1, 1, "the file is not a YAML mapping of postmortem keys")]);
        }

        var leaves = new List<Leaf>();
        foreach (var (k, v) in mapping.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name != "type")
            {
                Walk(text, v, name, leaves);
            }
        }

        return new(leaves, []);
    }

    private static void Walk(string text, YamlNode node, string path, List<Leaf> leaves)
    {
        switch (node)
        {
            case YamlMappingNode { Style: not YamlDotNet.Core.Events.MappingStyle.Flow } m:
                foreach (var (k, v) in m.Children)
                {
                    if (k is YamlScalarNode { Value: { } name })
                    {
                        Walk(text, v, path + "." + name, leaves);
                    }
                }

                break;
            case YamlSequenceNode { Style: not YamlDotNet.Core.Events.SequenceStyle.Flow } s:
                for (var i = 0; i < s.Children.Count; i++)
                {
                    Walk(text, s.Children[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), leaves);
                }

                break;
            case YamlScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded } block:
                leaves.Add(new Leaf(path, block, BlockOf(text, block)));
                break;
            case YamlScalarNode scalar:
                leaves.Add(new Leaf(path, scalar, null));
                break;
        }
    }

    // A block scalar's content: the lines after its header that are blank or indented at least as its first line;
    // trailing blank lines are left where they are.
    private static Block BlockOf(string text, YamlScalarNode node)
    {
        var header = Index(node.Start);
        var headerEnd = text.IndexOf('\n', header);
        var start = headerEnd < 0 ? text.Length : headerEnd + 1;
        var indent = -1;
        var end = start;
        var first = YamlNodeReader.Line(node) + 1;
        var position = start;
        while (position < text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            var next = lineEnd < 0 ? text.Length : lineEnd + 1;
            var line = text[position..(lineEnd < 0 ? text.Length : lineEnd)].TrimEnd('\r');
            if (line.Trim().Length > 0)
            {
                var spaces = line.Length - line.TrimStart(' ').Length;
                if (indent < 0)
                {
                    indent = spaces;
                }

                if (spaces < indent || indent <= Indentation(text, header))
                {
                    break;
                }

                end = lineEnd < 0 ? text.Length : (lineEnd > 0 && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd);
            }

            position = next;
        }

        return indent <= Indentation(text, header) ? new Block(start, start, Indentation(text, header) + 2, first) : new Block(start, end, indent, first);
    }

    // The spaces that open the line holding `index`.
    private static int Indentation(string text, int index)
    {
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var spaces = 0;
        while (lineStart + spaces < text.Length && text[lineStart + spaces] == ' ')
        {
            spaces++;
        }

        return spaces;
    }

    private static int Index(Mark mark) => (int)Math.Clamp(mark.Index, 0, int.MaxValue);
}
