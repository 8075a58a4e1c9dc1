namespace Postmortem.Ingest.Prose;

/// <summary>An HTML comment found in a document's prose, kept for the linter's inline suppressions.</summary>
/// <param name="Html">The comment as written, <c>&lt;!-- … --&gt;</c>.</param>
/// <param name="Line">1-based line the comment is on.</param>
public sealed record ProseComment(string Html, int Line);
