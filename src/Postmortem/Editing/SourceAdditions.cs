using Postmortem.Diagnostics;
using Postmortem.Ingest;
using Postmortem.Model;

namespace Postmortem.Editing;

/// <summary>The whole file after additions, as bytes in its own encoding, and how many lines were added.</summary>
/// <param name="Bytes">The file to write in place of the old one.</param>
/// <param name="AddedLines">Lines added (nothing else changes).</param>
/// <param name="Document">The document as the edited file reads back.</param>
public sealed record AddedItems(byte[] Bytes, int AddedLines, PostmortemDocument Document);

/// <summary>
/// Adds contributing factors and action items to a source document, the way a person would by hand: each under its
/// list, after its last item, with that item's indentation; every other byte is kept. The result is read back to prove
/// that every addition is there as written (and that no new error appeared) before it is handed back. Nothing is
/// written here; the host writes with <see cref="SafeFile"/>.
/// </summary>
internal static class SourceAdditions
{
    /// <summary>Adds <paramref name="factors"/> and <paramref name="actions"/> to <paramref name="file"/>.</summary>
    /// <param name="file">An incident or project file (YAML) or a Markdown record.</param>
    /// <param name="factors">The factors to add.</param>
    /// <param name="actions">The actions to add.</param>
    /// <param name="markdown">The editor that writes a Markdown record's rows and bullets as the renderers do (the facade's
    /// <c>Postmortems.AddToSource</c> passes it); without it a Markdown record is refused.</param>
    public static Result<AddedItems> Add(string file, IReadOnlyList<NewFactor> factors, IReadOnlyList<NewAction> actions, MarkdownSourceEditor? markdown = null)
    {
        var (source, problem) = TextFile.Read(file);
        if (source is null)
        {
            return new(null, [problem!]);
        }

        var isMarkdown = Ingest.Documents.MarkdownRecordReader.IsMarkdown(file);
        if (!isMarkdown && !file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        {
            return new(null, [DiagnosticCatalog.AdditionNotPossible(file, 0, 0, "only incident and project files (YAML) and Markdown records take additions")]);
        }

        var before = SourceEdits.Read(source.Text, file);
        if (before.Value is null)
        {
            return new(null, before.Diagnostics);
        }

        var (linked, unlinkable) = Link(before.Value, factors, actions);
        if (unlinkable is not null)
        {
            return new(null, [DiagnosticCatalog.AdditionNotPossible(file, 0, 0, unlinkable)]);
        }

        actions = linked;
        var added = isMarkdown
            ? (markdown ?? new MarkdownSourceEditor()).Add(source.Text, file, factors, actions)
            : YamlAdditions.Add(source.Text, file, factors, actions);
        if (!added.Success)
        {
            return new(null, added.Diagnostics);
        }

        var text = added.Value.Text;
        var after = SourceEdits.Read(text, file);
        var errors = static (IReadOnlyList<Diagnostic> d) => d.Count(x => x.Severity == DiagnosticSeverity.Error);
        var why = after.Value is not { } read ? "cannot be read"
            : errors(after.Diagnostics) > errors(before.Diagnostics) ? $"has an error it did not have: {after.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error).Message}"
            : Missing(read, before.Value, factors, actions);
        if (why is not null)
        {
            return new(null, [DiagnosticCatalog.AdditionWouldBreak(file, why)]);
        }

        return new(new AddedItems(source.Encode(text), added.Value.ChangedLines, after.Value!), []);
    }

    // Each action's links as ids: the ids it names (each one the document has) and the ids its new factors will get
    // (a factor's id is its category and its place in that category's list, as the readers give it when none is written;
    // the read-back check below proves that they did).
    private static (IReadOnlyList<NewAction> Actions, string? Problem) Link(PostmortemDocument before, IReadOnlyList<NewFactor> factors, IReadOnlyList<NewAction> actions)
    {
        var ids = new Dictionary<NewFactor, string>();
        foreach (var group in factors.GroupBy(f => f.Category))
        {
            var place = before.Factors.Count(f => f.Category == group.Key);
            foreach (var f in group)
            {
                ids.TryAdd(f, $"{group.Key}-{++place}");
            }
        }

        var linked = new List<NewAction>(actions.Count);
        foreach (var a in actions)
        {
            if (a.Factors.FirstOrDefault(id => !before.Factors.Any(f => f.Id == id)) is { } unknown)
            {
                return ([], $"action '{a.Id}' addresses a factor '{unknown}' the document does not have");
            }

            if (a.NewFactors.FirstOrDefault(f => !ids.ContainsKey(f)) is { } stray)
            {
                return ([], $"action '{a.Id}' addresses a {stray.Category} factor '{stray.Text}' that is not among the additions");
            }

            linked.Add(a with { Factors = [.. a.Factors.Concat(a.NewFactors.Select(f => ids[f])).Distinct(StringComparer.Ordinal)], NewFactors = [] });
        }

        return (linked, null);
    }

    // What of the additions the edited document does not say, or null when it says all of them and lost nothing.
    private static string? Missing(PostmortemDocument after, PostmortemDocument before, IReadOnlyList<NewFactor> factors, IReadOnlyList<NewAction> actions)
    {
        if (after.Factors.Count != before.Factors.Count + factors.Count || after.Actions.Count != before.Actions.Count + actions.Count)
        {
            return $"has {after.Factors.Count} factors and {after.Actions.Count} actions, not {before.Factors.Count + factors.Count} and {before.Actions.Count + actions.Count}";
        }

        foreach (var f in factors)
        {
            if (!after.Factors.Any(x => x.Category == f.Category && x.Text == f.Text))
            {
                return $"has no {f.Category} factor '{f.Text}'";
            }
        }

        foreach (var a in actions)
        {
            if (after.Actions.FirstOrDefault(x => x.Id == a.Id) is not { } read
                || read.Action != a.Text || read.Type != a.Type || read.Owner != a.Owner || read.Due != a.Due || read.Effort != a.Effort
                || !read.Factors.SequenceEqual(a.Factors, StringComparer.Ordinal))
            {
                return $"does not give action '{a.Id}' as it was added";
            }

            if (a.Factors.FirstOrDefault(id => after.Factors.Count(f => f.Id == id) != 1) is { } unclear)
            {
                return $"does not name one factor '{unclear}' for action '{a.Id}' to address";
            }
        }

        return null;
    }
}
