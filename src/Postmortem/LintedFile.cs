using Postmortem.Analysis.Lint;
using Postmortem.Ingest;

namespace Postmortem;

/// <summary>A file linted by <see cref="Postmortems.Lint"/>: what it says, what the rules found, and the text with the safe fixes applied.</summary>
/// <param name="Source">The file as read (its encoding and byte-order mark, to write a fix back the same way).</param>
/// <param name="Findings">What the rules found in the text as read.</param>
/// <param name="FixedText">The text with the safe fixes applied; the text as read when fixes were not asked for.</param>
/// <param name="Edits">How many fixes were applied.</param>
public sealed record LintedFile(TextFile Source, IReadOnlyList<LintFinding> Findings, string FixedText, int Edits);
