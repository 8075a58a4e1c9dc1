using Postmortem.Diagnostics;
using Postmortem.Editing;

namespace Postmortem.Tests.Trackers;

/// <summary>A test double of <see cref="ISourceEditor"/> for the incident files these tests write (<c>  - action:</c> items of
/// four-space keys), until main's YamlSourceEditor is merged into this branch.</summary>
internal sealed class TestYamlEditor : ISourceEditor
{
    public bool CanEdit(string file, string text) => file.EndsWith(".yml", StringComparison.Ordinal) || file.EndsWith(".yaml", StringComparison.Ordinal);

    public Result<EditedText> SetActionField(string text, string file, string actionId, ActionField field, string value)
    {
        var lines = text.Split('\n').ToList();
        var at = lines.FindIndex(l => l.TrimEnd('\r') == $"    id: {actionId}" || l.TrimEnd('\r') == $"  - id: {actionId}");
        if (at < 0)
        {
            return new(null, [new Diagnostic("PM9999", DiagnosticSeverity.Error, $"no action with id '{actionId}'", file, 0, 0)]);
        }

        var start = at;
        while (!lines[start].StartsWith("  - ", StringComparison.Ordinal))
        {
            start--;
        }

        var end = start + 1;
        while (end < lines.Count && lines[end].StartsWith("    ", StringComparison.Ordinal))
        {
            end++;
        }

        var key = field.ToString().ToLowerInvariant();
        var line = $"    {key}: {value}";
        for (var i = start; i < end; i++)
        {
            if (lines[i].TrimStart(' ', '-').StartsWith(key + ":", StringComparison.Ordinal))
            {
                var changed = lines[i] != line && !(lines[i].StartsWith("  - ", StringComparison.Ordinal) && lines[i][4..] == line[4..]);
                lines[i] = lines[i].StartsWith("  - ", StringComparison.Ordinal) ? "  - " + line[4..] : line;
                return new(new EditedText(string.Join('\n', lines), changed ? 1 : 0), []);
            }
        }

        lines.Insert(at + 1, line);
        return new(new EditedText(string.Join('\n', lines), 1), []);
    }

    public Result<EditedText> EnsureIds(string text, string file, Func<string> newPostmortemId, Func<string> newActionId)
    {
        var lines = text.Split('\n').ToList();
        var added = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith("  - action:", StringComparison.Ordinal))
            {
                continue;
            }

            var end = i + 1;
            while (end < lines.Count && lines[end].StartsWith("    ", StringComparison.Ordinal))
            {
                end++;
            }

            if (!lines.Skip(i + 1).Take(end - i - 1).Any(l => l.StartsWith("    id:", StringComparison.Ordinal)))
            {
                lines.Insert(i + 1, $"    id: {newActionId()}");
                added++;
            }
        }

        return new(new EditedText(string.Join('\n', lines), added), []);
    }
}
