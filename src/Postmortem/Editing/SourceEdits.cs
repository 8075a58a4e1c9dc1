using Postmortem.Diagnostics;
using Postmortem.Ingest;
using Postmortem.Ingest.Yaml;
using Postmortem.Model;

namespace Postmortem.Editing;

/// <summary>A source document after an edit: the bytes to write (its own encoding and byte-order mark) and what changed.</summary>
/// <param name="Bytes">The whole file, ready to be written in place of the old one.</param>
/// <param name="ChangedLines">Lines changed or added; 0 when every value was already as asked.</param>
/// <param name="Action">The action as the edited file reads back.</param>
internal sealed record EditedFile(byte[] Bytes, int ChangedLines, ActionItem Action);

/// <summary>
/// Changes fields of one action in its source document: the file is read byte-exactly, edited by the editor of its
/// format, read back to prove that the action now says what was asked (and that no new error appeared), and only then
/// handed back as bytes. Nothing is written here; the host writes atomically.
/// </summary>
internal static class SourceEdits
{
    /// <summary>Sets <paramref name="changes"/> on the action <paramref name="actionId"/> of <paramref name="file"/>.</summary>
    public static Result<EditedFile> SetAction(string file, string actionId, IReadOnlyList<(ActionField Field, string Value)> changes)
    {
        var (source, problem) = TextFile.Read(file);
        if (source is null)
        {
            return new(null, [problem!]);
        }

        if (SourceEditors.For(file, source.Text) is not { } editor)
        {
            return new(null, [DiagnosticCatalog.EditNotPossible(file, 0, 0, "this kind of file is not edited in place (incident files and Markdown postmortems are)")]);
        }

        // A value is one line: a note pasted with line breaks becomes one line of words.
        changes = [.. changes.Select(c => (c.Field, string.Join(' ', c.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))))];
        var text = source.Text;
        var changed = 0;
        foreach (var (field, value) in changes)
        {
            var edited = editor.SetActionField(text, file, actionId, field, value);
            if (!edited.Success)
            {
                return new(null, edited.Diagnostics);
            }

            changed += edited.Value.Text == text ? 0 : edited.Value.ChangedLines;
            text = edited.Value.Text;
        }

        var before = Read(source.Text, file).Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var after = Read(text, file);
        var action = after.Value?.Actions.FirstOrDefault(a => a.Id == actionId);
        var errors = after.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var wrong = changes.FirstOrDefault(c => action is not null && Field(action, c.Field) != c.Value);
        if (action is null || errors > before || wrong.Value is not null)
        {
            var why = action is null ? $"has no action '{actionId}'"
                : errors > before ? $"has an error it did not have: {after.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error).Message}"
                : $"gives {wrong.Field.ToString().ToLowerInvariant()} '{Field(action, wrong.Field)}', not '{wrong.Value}'";
            return new(null, [DiagnosticCatalog.EditWouldBreak(file, why)]);
        }

        // Two fields of one table row are one changed line, as git's diff shows it.
        var (old, now) = (source.Text.Split('\n'), text.Split('\n'));
        if (changed > 0 && old.Length == now.Length)
        {
            changed = old.Where((line, i) => line != now[i]).Count();
        }

        return new(new EditedFile(changed == 0 ? [] : source.Encode(text), changed, action), []);
    }

    /// <summary>The document <paramref name="text"/> as its reader sees it (without reading the files it names).</summary>
    public static Result<PostmortemDocument> Read(string text, string file) =>
        Ingest.Documents.MarkdownRecordReader.IsMarkdown(file) ? Ingest.Documents.MarkdownRecordReader.Read(text, file) : IncidentFileReader.Read(text, file);

    private static string? Field(ActionItem action, ActionField field) => field switch
    {
        ActionField.Status => action.Status,
        ActionField.Note => action.Note,
        _ => action.Tracker,
    };
}
