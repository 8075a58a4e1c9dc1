using Postmortem.Model;

namespace Postmortem.Analysis;

/// <summary>One phrase pattern that gives an event its kind.</summary>
/// <param name="Kind">The kind the phrase means.</param>
/// <param name="Pattern">A case-insensitive regular expression matched on word boundaries.</param>
/// <param name="Origin"><c>built-in</c> or the config file that added it.</param>
public sealed record LexiconEntry(EventKind Kind, string Pattern, string Origin);
