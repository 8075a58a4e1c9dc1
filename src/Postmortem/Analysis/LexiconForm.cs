namespace Postmortem.Analysis;

/// <summary>How a <see cref="LexiconEntry"/>'s pattern is read.</summary>
public enum LexiconForm
{
    /// <summary>A regular expression matched on word boundaries, case-insensitive.</summary>
    Pattern,

    /// <summary>Phrases in base form separated by <c>|</c>, matched by word bases in any order within a clause.</summary>
    Words,
}
