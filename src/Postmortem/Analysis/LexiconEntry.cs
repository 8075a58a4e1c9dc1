using Postmortem.Model;

namespace Postmortem.Analysis;

/// <summary>One phrase pattern that gives an event its kind.</summary>
/// <param name="Kind">The kind the phrase means.</param>
/// <param name="Pattern">
/// For <see cref="LexiconForm.Pattern"/>, a case-insensitive regular expression matched on word boundaries; for
/// <see cref="LexiconForm.Words"/>, phrases in base form separated by <c>|</c> ("restore service|service recover"), each
/// matching its inflections in any word order within a clause (docs/analysis.md, "Word phrases").
/// </param>
/// <param name="Origin"><c>built-in</c> or the config file that added it.</param>
/// <param name="Form">How <paramref name="Pattern"/> is read.</param>
public sealed record LexiconEntry(EventKind Kind, string Pattern, string Origin, LexiconForm Form = LexiconForm.Pattern);
