using System.Text.RegularExpressions;
using Postmortem.Model;

namespace Postmortem.Analysis;

// KindLexicon, in part: a guard for the mitigation families of the thirty-seventh session (docs/accuracy.md, `s37-mit`).
public sealed partial class KindLexicon
{
    /// <summary>
    /// A mitigation word phrase of <see cref="KindPhrases.Mitigation37Words"/> that tells where a fault was found rather than a
    /// step taken: "the fault was isolated to the core switch" is a finding, "we isolated the faulty switch" a step.
    /// </summary>
    internal static bool IsNotOurStep37(EventKind kind, string phrase) =>
        kind == EventKind.Mitigation && IsolatedTo().IsMatch(phrase);

    [GeneratedRegex(@"(?i)\bisolat(?:e|es|ed|ing)\s+(?:\w+\s+)?to\b")]
    private static partial Regex IsolatedTo();
}
