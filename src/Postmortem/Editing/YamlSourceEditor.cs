using Postmortem.Diagnostics;
using Postmortem.Ingest.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Postmortem.Editing;

/// <summary>
/// Edits incident and project files (YAML) in place. The file is parsed under the same limits as every read
/// (<see cref="YamlNodeReader"/>) only to find positions; the change is a splice of the original text: a value
/// replaced where it stands, or one line inserted after a sibling with that sibling's indentation. Comments,
/// quoting, key order and line endings elsewhere are untouched.
/// </summary>
internal sealed class YamlSourceEditor : ISourceEditor
{
    // Where a new key goes among an action's keys: after the last present key that comes before it here.
    private static readonly string[] ActionKeyOrder = IncidentFileKeys.Action;

    /// <inheritdoc/>
    public bool CanEdit(string file, string text) =>
        file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public Result<EditedText> SetActionField(string text, string file, string actionId, ActionField field, string value)
    {
        var diagnostics = new List<Diagnostic>();
        if (Actions(text, file, diagnostics) is not { } actions)
        {
            return new(null, diagnostics);
        }

        var matches = actions.Where(a => a.Id == actionId).ToList();
        if (matches.Count == 0)
        {
            return new(null, [DiagnosticCatalog.ActionNotFound(file, actionId, actions.Select(a => a.Id))]);
        }

        if (matches.Count > 1)
        {
            return new(null, [DiagnosticCatalog.ActionIdAmbiguous(file, YamlNodeReader.Line(matches[1].Node), YamlNodeReader.Column(matches[1].Node), actionId, YamlNodeReader.Line(matches[0].Node))]);
        }

        var key = field switch
        {
            ActionField.Status => "status",
            ActionField.Note => "note",
            _ => "tracker",
        };
        var splice = Set(text, file, matches[0].Node, key, value);
        return splice.Diagnostic is { } problem
            ? new(null, [problem])
            : new(Apply(text, [splice]), []);
    }

    /// <inheritdoc/>
    public Result<EditedText> EnsureIds(string text, string file, Func<string> newPostmortemId, Func<string> newActionId)
    {
        var diagnostics = new List<Diagnostic>();
        if (Load(text, file, diagnostics) is not { } root)
        {
            return new(null, diagnostics);
        }

        var splices = new List<Splice>();
        if (!Has(root, "id"))
        {
            splices.Add(Set(text, file, root, "id", newPostmortemId()));
        }

        foreach (var action in Actions(root).Where(a => !Has(a.Node, "id")))
        {
            splices.Add(Set(text, file, action.Node, "id", newActionId()));
        }

        return splices.FirstOrDefault(s => s.Diagnostic is not null) is { Diagnostic: { } problem }
            ? new(null, [problem])
            : new(Apply(text, splices), []);
    }

    private static YamlMappingNode? Load(string text, string file, List<Diagnostic> diagnostics)
    {
        var root = new YamlNodeReader(file, diagnostics).Load(text);
        if (root is YamlMappingNode mapping && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return mapping;
        }

        if (!diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            diagnostics.Add(DiagnosticCatalog.EditNotPossible(file, 1, 1, "the file is not a YAML mapping of postmortem keys"));
        }

        return null;
    }

    private static List<(string Id, YamlMappingNode Node)>? Actions(string text, string file, List<Diagnostic> diagnostics) =>
        Load(text, file, diagnostics) is { } root ? Actions(root) : null;

    // The actions with the id the readers give them: their own, or their 1-based position.
    private static List<(string Id, YamlMappingNode Node)> Actions(YamlMappingNode root)
    {
        var list = new List<(string, YamlMappingNode)>();
        if (Value(root, "actions") is not YamlSequenceNode items)
        {
            return list;
        }

        for (var i = 0; i < items.Children.Count; i++)
        {
            if (items.Children[i] is YamlMappingNode m)
            {
                var id = (Value(m, "id") as YamlScalarNode)?.Value?.Trim();
                list.Add((string.IsNullOrEmpty(id) ? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : id, m));
            }
        }

        return list;
    }

    private static YamlNode? Value(YamlMappingNode m, string key) =>
        m.Children.FirstOrDefault(p => p.Key is YamlScalarNode k && k.Value == key).Value;

    private static bool Has(YamlMappingNode m, string key) => Value(m, key) is not null;

    // Replaces the value of `key` in `m`, or adds `key: value` beside its siblings.
    private static Splice Set(string text, string file, YamlMappingNode m, string key, string value)
    {
        var scalar = Scalar(value);
        var pair = m.Children.FirstOrDefault(p => p.Key is YamlScalarNode k && k.Value == key);
        if (pair.Value is { } old)
        {
            if (old is not YamlScalarNode { Style: not (ScalarStyle.Literal or ScalarStyle.Folded) } || old.Start.Line != old.End.Line)
            {
                return Splice.Refused(DiagnosticCatalog.EditNotPossible(file, YamlNodeReader.Line(old), YamlNodeReader.Column(old), $"'{key}' holds more than a one-line value"));
            }

            // An empty plain value (`status:`) has no extent; the new one goes after the colon.
            return old.Start.Index == old.End.Index && old is YamlScalarNode { Value: "" }
                ? new(Index(old.Start), 0, " " + scalar, null)
                : new(Index(old.Start), Index(old.End) - Index(old.Start), scalar, null);
        }

        if (m.Style == YamlDotNet.Core.Events.MappingStyle.Flow)
        {
            // `- {action: x, owner: y}`: the new pair goes before the '}' that follows the last value.
            var close = m.Children.Count == 0 ? Index(m.Start) + 1 : Index(m.Children[^1].Value.End);
            while (close < text.Length && text[close] is ' ' or '\t' or ',')
            {
                close++;
            }

            return close < text.Length && text[close] == '}'
                ? new(close, 0, $"{(m.Children.Count > 0 ? ", " : string.Empty)}{key}: {scalar}", null)
                : Splice.Refused(DiagnosticCatalog.EditNotPossible(file, YamlNodeReader.Line(m), YamlNodeReader.Column(m), "the mapping's closing brace was not found on its last line"));
        }

        // After the last sibling that comes before the key in the format's order, or else the first one.
        var order = Array.IndexOf(ActionKeyOrder, key);
        var after = m.Children
            .Where(p => p.Key is YamlScalarNode k && Array.IndexOf(ActionKeyOrder, k.Value) is var o && o >= 0 && o < order && OneLine(p))
            .OrderBy(p => Array.IndexOf(ActionKeyOrder, ((YamlScalarNode)p.Key).Value))
            .LastOrDefault();
        if (after.Key is null)
        {
            after = m.Children.FirstOrDefault(OneLine);
        }

        if (after.Key is null)
        {
            return Splice.Refused(DiagnosticCatalog.EditNotPossible(file, YamlNodeReader.Line(m), YamlNodeReader.Column(m), $"no one-line key to put '{key}' beside"));
        }

        var lineEnd = text.IndexOf('\n', Index(after.Value.End) - 1 < 0 ? 0 : Index(after.Value.End) - 1);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var indent = new string(' ', (int)after.Key.Start.Column - 1);
        return lineEnd < 0
            ? new(text.Length, 0, $"{newline}{indent}{key}: {scalar}", null)
            : new(lineEnd + 1, 0, $"{indent}{key}: {scalar}{newline}", null);
    }

    // A key whose value starts and ends on the key's line: a new line can follow it.
    private static bool OneLine(KeyValuePair<YamlNode, YamlNode> pair) =>
        pair.Key.Start.Line == pair.Value.End.Line && pair.Value is YamlScalarNode { Style: not (ScalarStyle.Literal or ScalarStyle.Folded) } or YamlSequenceNode { Style: YamlDotNet.Core.Events.SequenceStyle.Flow } or YamlMappingNode { Style: YamlDotNet.Core.Events.MappingStyle.Flow };

    private static int Index(Mark mark) => (int)Math.Clamp(mark.Index, 0, int.MaxValue);

    /// <summary>The value as a YAML scalar: plain when that reads back as the same string, double-quoted (JSON escapes, which YAML reads) otherwise.</summary>
    internal static string Scalar(string value)
    {
        // YAML 1.2 plain scalars: no indicator first, no ": " or " #" inside, nothing a flow mapping would split on
        // ({…} actions), no trailing colon, not a word or number YAML would type.
        var plain = value.Length > 0
            && value.Trim() == value
            && !value.Any(c => char.IsControl(c) || c is ',' or '[' or ']' or '{' or '}' or '\u2028' or '\u2029' or '\uFEFF')
            && "-?:#&*!|>'\"%@`".IndexOf(value[0], StringComparison.Ordinal) < 0
            && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal) && value[^1] != ':'
            && !char.IsDigit(value[0]) && value[0] is not ('.' or '+')
            && !IsYamlWord(value);
        return plain ? value : DoubleQuoted(value);
    }

    // YAML's double-quoted style: backslash escapes for '"', '\\' and everything YAML would read as a break or control.
    internal static string DoubleQuoted(string value)
    {
        var quoted = new System.Text.StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\t' => quoted.Append("\\t"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' =>
                    quoted.Append(System.FormattableString.Invariant($"\\u{(int)c:X4}")),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    private static bool IsYamlWord(string value) =>
        value.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n" or "null" or "~";

    private static EditedText Apply(string text, IReadOnlyList<Splice> splices)
    {
        var result = new System.Text.StringBuilder(text);
        foreach (var s in splices.OrderByDescending(s => s.At))
        {
            result.Remove(s.At, s.Length).Insert(s.At, s.Insert);
        }

        return new(result.ToString(), splices.Count);
    }

    private readonly record struct Splice(int At, int Length, string Insert, Diagnostic? Diagnostic)
    {
        public static Splice Refused(Diagnostic why) => new(0, 0, string.Empty, why);
    }
}
