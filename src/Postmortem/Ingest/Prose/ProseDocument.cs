namespace Postmortem.Ingest.Prose;

/// <summary>The prose of a file, ready for the linter, with the HTML comments that may hold suppressions.</summary>
/// <param name="Segments">Prose runs with positions; quotes and code are not included.</param>
/// <param name="Comments">HTML comments in file order (the linter reads its directives from them).</param>
public sealed record ProseDocument(IReadOnlyList<ProseSegment> Segments, IReadOnlyList<ProseComment> Comments)
{
    /// <summary>Why the file could not be read as prose (malformed YAML, a reading limit passed); empty when it could.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Diagnostics { get; init; } = [];
}
