using Postmortem.Diagnostics;

namespace Postmortem.Editing;

/// <summary>A part of a source document that a person edits on its own: a Markdown section's body, or one value of a YAML file.</summary>
/// <param name="Key">How an edit names it: the heading's slug (<c>summary</c>, <c>action-items</c>), or the YAML path (<c>impact.revenue</c>, <c>actions[0].owner</c>).</param>
/// <param name="Title">The heading as written, or the YAML path.</param>
/// <param name="Text">The text as a person edits it: the section's body without its surrounding blank lines, or the value (a block scalar's lines as written, without their indentation).</param>
/// <param name="Line">The 1-based line the text starts on (the heading's line when the body is empty).</param>
public sealed record SourceSection(string Key, string Title, string Text, int Line);

/// <summary>
/// Section by section editing of a postmortem's source, for the browser: list the parts a person edits, and replace one
/// of them the way a person would by hand (a Markdown section's body only; a YAML value where it stands, its indentation
/// and the rest of the file kept). The edit is read back before it is handed out: the part must read as what was typed,
/// and the document must have no error it did not have. Nothing is written here.
/// </summary>
internal static class SourceSections
{
    /// <summary>The editable parts of <paramref name="text"/> named <paramref name="file"/>, in document order.</summary>
    public static Result<IReadOnlyList<SourceSection>> List(string text, string file) =>
        Ingest.Documents.MarkdownRecordReader.IsMarkdown(file) ? MarkdownSections.List(text, file) : YamlSections.List(text, file);

    /// <summary>The document with the part <paramref name="key"/> replaced by <paramref name="replacement"/> (any line endings; the file's own are kept).</summary>
    public static Result<EditedText> Replace(string text, string file, string key, string replacement)
    {
        replacement = Normalize(replacement);
        var listed = List(text, file);
        if (!listed.Success)
        {
            return new(null, listed.Diagnostics);
        }

        if (listed.Value.FirstOrDefault(s => s.Key == key) is not { } section)
        {
            return new(null, [DiagnosticCatalog.SectionNotFound(file, key, listed.Value.Select(s => s.Key))]);
        }

        if (section.Text == replacement)
        {
            return new(new EditedText(text, 0), []);
        }

        var edited = Ingest.Documents.MarkdownRecordReader.IsMarkdown(file)
            ? MarkdownSections.Replace(text, file, key, replacement)
            : YamlSections.Replace(text, file, key, replacement);
        if (!edited.Success)
        {
            return edited;
        }

        // Read back: the part says what was typed, and the document has no error it did not have.
        var again = List(edited.Value.Text, file);
        var now = again.Value?.FirstOrDefault(s => s.Key == key);
        if (now is null || now.Text != replacement)
        {
            return new(null, [DiagnosticCatalog.SectionEditRefused(file, section.Line, Ingest.Documents.MarkdownRecordReader.IsMarkdown(file)
                ? "the new text would change the document's sections (a heading line, or a code fence left open); edit the headings in the file itself"
                : "the new text does not read back as the same value")]);
        }

        var before = SourceEdits.Read(text, file).Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var after = SourceEdits.Read(edited.Value.Text, file);
        if (after.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) > before)
        {
            return new(null, [DiagnosticCatalog.EditWouldBreak(file, $"has an error it did not have: {after.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error).Message}")]);
        }

        return edited;
    }

    /// <summary>Typed text as the sections hold it: <c>\n</c> line ends, no blank lines before or after, no trailing whitespace at its end.</summary>
    public static string Normalize(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').ToList();
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[0]))
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[^1]))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Join('\n', lines);
    }

    /// <summary>How many lines differ between two versions, as a line diff counts changed and added ones (for the report).</summary>
    internal static int ChangedLines(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var same = 0;
        while (same < before.Count && same < after.Count && before[same] == after[same])
        {
            same++;
        }

        var tail = 0;
        while (tail < before.Count - same && tail < after.Count - same && before[^(tail + 1)] == after[^(tail + 1)])
        {
            tail++;
        }

        return Math.Max(after.Count - same - tail, before.Count - same - tail);
    }
}
