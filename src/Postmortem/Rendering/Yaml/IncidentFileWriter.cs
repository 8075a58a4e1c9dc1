using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Postmortem.Rendering.Yaml;

/// <summary>Writes interview answers as an incident or project file (docs/format.md).</summary>
public static class IncidentFileWriter
{
    /// <summary>Builds the file from answers keyed by question id, under the postmortem's <paramref name="postmortemId"/>; empty answers are left out.</summary>
    public static string Write(IReadOnlyDictionary<string, string> answers, string? postmortemId = null)
    {
        var root = new YamlMappingNode();
        if (postmortemId is not null)
        {
            root.Add("id", postmortemId);
        }

        var project = answers.TryGetValue("type", out var type) && type == "project";
        foreach (var (id, value) in answers)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var path = id.Split('.');
            var parent = root;
            foreach (var part in path[..^1])
            {
                if (!parent.Children.TryGetValue(new YamlScalarNode(part), out var child))
                {
                    child = new YamlMappingNode();
                    parent.Add(part, child);
                }

                parent = (YamlMappingNode)child;
            }

            parent.Add(path[^1], Value(id, value, project));
        }

        return Save(root);
    }

    /// <summary>Writes answers as an answers file (<c>new --answers</c>): one key per question id, in the order given.</summary>
    public static string WriteAnswers(IEnumerable<KeyValuePair<string, string>> answers)
    {
        var root = new YamlMappingNode();
        foreach (var (id, value) in answers)
        {
            root.Add(id, Scalar(value));
        }

        return Save(root);
    }

    private static string Save(YamlMappingNode root)
    {
        var stream = new YamlStream(new YamlDocument(root));
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlNode Value(string id, string value, bool project)
    {
        var lines = value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        switch (id)
        {
            case "goals":
                return new YamlSequenceNode(lines.Select(line =>
                {
                    var cells = line.Split('|', StringSplitOptions.TrimEntries);
                    var goal = new YamlMappingNode { { "goal", Scalar(cells[0]) } };
                    string[] keys = ["target", "actual", "assessment"];
                    for (var i = 1; i < cells.Length && i <= keys.Length; i++)
                    {
                        if (cells[i].Length > 0)
                        {
                            goal.Add(keys[i - 1], Scalar(keys[i - 1] == "assessment" ? cells[i].ToLowerInvariant().Replace(' ', '-') : cells[i]));
                        }
                    }

                    return (YamlNode)goal;
                }));
            case "feedback":
                return new YamlSequenceNode(lines.Select(l => (YamlNode)Scalar(l)));
            case "team.roster":
                return new YamlSequenceNode(lines.Select(line =>
                {
                    var cells = line.Split('|', StringSplitOptions.TrimEntries);
                    return (YamlNode)new YamlMappingNode { { "name", Scalar(cells[0]) }, { "role", Scalar(cells.Length > 1 && cells[1].Length > 0 ? cells[1] : project ? "team member" : "responder") } };
                }));
            default:
                return Scalar(value);
        }
    }

    private static YamlScalarNode Scalar(string value)
    {
        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        var node = new YamlScalarNode(text);
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            node.Style = ScalarStyle.Literal;
        }
        else if (NeedsQuotes(text))
        {
            node.Style = ScalarStyle.DoubleQuoted;
        }

        return node;
    }

    // Plain scalars that YAML would read as something else (a number, a boolean, a time) or that start with an indicator.
    private static bool NeedsQuotes(string text) =>
        text.Length == 0 || ":#&*!|>'\"%@`[]{},-?".Contains(text[0], StringComparison.Ordinal) || text.Contains(": ", StringComparison.Ordinal)
        || text.Contains(" #", StringComparison.Ordinal) || text is "true" or "false" or "yes" or "no" or "null" or "~"
        || double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
}
