namespace Postmortem.Editing;

/// <summary>The editors of every source format, asked in turn.</summary>
public static class SourceEditors
{
    private static readonly ISourceEditor[] All = [new YamlSourceEditor()];

    /// <summary>The editor for <paramref name="file"/>, or null when no format here can be edited in place.</summary>
    public static ISourceEditor? For(string file, string text) => All.FirstOrDefault(e => e.CanEdit(file, text));
}
