using YamlDotNet.RepresentationModel;

namespace Postmortem.Ingest.Prose;

/// <summary>
/// Finds the prose of an incident file: the narrative values (summary, factors, assessment, what went well,
/// lessons …) and the action items. Raw notes, events and stakeholder feedback are evidence, quoted as
/// given, and are not linted. Positions point into the file's own text, so fixes can edit it in place.
/// </summary>
internal static class YamlProse
{
    private static readonly string[] NarrativeKeys = ["title", "summary", "resolution", "wentWell", "doDifferently", "recommendations", "impact", "factors", "assessment", "lessons", "goals", "delivered", "team"];

    /// <summary>Reads <paramref name="text"/> with the one YAML reader and its limits; YAML errors yield no segments and come back as diagnostics.</summary>
    public static ProseDocument Read(string text, string file = "")
    {
        var segments = new List<ProseSegment>();
        var diagnostics = new List<Diagnostics.Diagnostic>();
        var root = new Yaml.YamlNodeReader(file, diagnostics).Load(text);
        if (root is null)
        {
            return new ProseDocument(segments, []) { Diagnostics = diagnostics };
        }

        if (root is YamlMappingNode top)
        {
            foreach (var (key, value) in top.Children)
            {
                var name = (key as YamlScalarNode)?.Value;
                if (name == "actions")
                {
                    foreach (var action in (value as YamlSequenceNode)?.Children ?? [])
                    {
                        if (action is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("action"), out var a))
                        {
                            Collect(a, text, ProseContext.Action, segments);
                        }
                    }
                }
                else if (name is not null && NarrativeKeys.Contains(name))
                {
                    Walk(name, value, text, segments);
                }
            }
        }

        return new ProseDocument(segments, []);
    }

    private static void Walk(string key, YamlNode node, string text, List<ProseSegment> segments)
    {
        switch (node)
        {
            case YamlScalarNode when key is not ("id" or "scope" or "effect" or "assessment" or "dataLoss" or "securityBreach" or "workaround" or "usersAffectedPercent" or "onCall" or "experience"):
                Collect(node, text, ProseContext.Narrative, segments);
                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    Walk(key, child, text, segments);
                }

                break;
            case YamlMappingNode mapping:
                foreach (var (k, v) in mapping.Children)
                {
                    // The roster holds names by design; retro settings are numbers and dates.
                    if (k is YamlScalarNode { Value: { } name } && name is not ("roster" or "retro"))
                    {
                        Walk(name, v, text, segments);
                    }
                }

                break;
        }
    }

    private static void Collect(YamlNode node, string text, ProseContext context, List<ProseSegment> segments)
    {
        if (node is not YamlScalarNode scalar)
        {
            return;
        }

        var start = (int)Math.Clamp(node.Start.Index, 0, text.Length);
        var end = (int)Math.Clamp(node.End.Index, start, text.Length);
        var line = (int)node.Start.Line;
        var column = (int)node.Start.Column;
        var block = scalar.Style is YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded;
        var quoted = scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted;
        if (quoted && end - start >= 2)
        {
            start++;
            end--;
            column++;
        }

        var i = start;
        var first = true;
        while (i < end)
        {
            var lineEnd = text.IndexOf('\n', i, end - i);
            if (lineEnd < 0)
            {
                lineEnd = end;
            }

            var raw = text[i..lineEnd].TrimEnd('\r');
            if (!(block && first))
            {
                var indent = first ? 0 : raw.Length - raw.TrimStart().Length;
                var content = raw[indent..].TrimEnd();
                if (content.Length > 0)
                {
                    segments.Add(new ProseSegment(content, line, (first ? column : 1) + indent, i + indent, context));
                }
            }

            first = false;
            line++;
            i = lineEnd + 1;
        }
    }
}
