namespace Postmortem.Editing;

/// <summary>The editors of every source format, asked in turn.</summary>
public static class SourceEditors
{
    // The Markdown editor escapes cells conservatively here (Editing may not use Rendering); the facade's
    // Postmortems.MarkdownEditor writes them with the renderers' own escaping. The reader reads both the same.
    private static readonly ISourceEditor[] All = [new YamlSourceEditor(), new MarkdownSourceEditor()];

    /// <summary>The editor for <paramref name="file"/>, or null when no format here can be edited in place.</summary>
    public static ISourceEditor? For(string file, string text) => All.FirstOrDefault(e => e.CanEdit(file, text));
}
