using Postmortem.Analysis.Lint;

namespace Postmortem.Ingest.Prose;

/// <summary>The prose of a file, ready for the linter, with the suppressions it contains.</summary>
/// <param name="Segments">Prose runs with positions; quotes and code are not included.</param>
/// <param name="Suppressions">Inline suppression directives.</param>
public sealed record ProseDocument(IReadOnlyList<ProseSegment> Segments, Suppressions Suppressions)
{
    /// <summary>Why the file could not be read as prose (malformed YAML, a reading limit passed); empty when it could.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Diagnostics { get; init; } = [];
}
