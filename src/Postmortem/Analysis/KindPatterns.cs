using System.Text.RegularExpressions;

namespace Postmortem.Analysis;

/// <summary>
/// The built-in lexicon's regular expressions, made by the source generator at build time (issue 8: AOT <c>draft</c> of Meridian
/// within 30 ms). Built at run time with the linear-time engine, they cost about 250 ms at every start — the engine builds its
/// automaton from hundreds of alternatives — against a few milliseconds for everything else. The generated code backtracks, yet
/// its time is bounded without a match timeout, so that a result never depends on the machine's load: a text is at most
/// <see cref="KindLexicon.MaxTextLength"/> characters, and no pattern repeats without bound a part that itself repeats
/// (<c>KindEvidenceTests</c> checks every pattern's shape), so a match costs at most the text's length times the pattern's.
/// A team's own patterns are still built at run time with the linear-time engine (<see cref="KindLexicon"/>).
/// </summary>
internal static partial class KindPatterns
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>The generated expression of a built-in pattern (<c>\b(?:pattern)\b</c>), or null for any other pattern.</summary>
    public static Regex? Of(string pattern) => pattern switch
    {
        KindPhrases.DecisionPattern => Decision(),
        KindPhrases.ResolutionPattern => Resolution(),
        KindPhrases.CommunicationPattern => Communication(),
        KindPhrases.MitigationPattern => Mitigation(),
        KindPhrases.EscalationPattern => Escalation(),
        KindPhrases.PagePattern => Page(),
        KindPhrases.AlertPattern => Alert(),
        KindPhrases.CustomerReportPattern => CustomerReport(),
        KindPhrases.DiagnosisPattern => Diagnosis(),
        KindPhrases.ChangePattern => Change(),
        KindPhrases.ImpactPattern => Impact(),
        _ => null,
    };

    /// <summary>
    /// The generated case-sensitive expression of a built-in pattern written all in lower case, to run on the text as
    /// <see cref="Fold"/> gives it; null for any other pattern. It finds what <see cref="Of"/> finds in the text itself, at the
    /// same places (folding keeps every character's place): the case-blind expression compares each alternative's words
    /// through a case-blind <c>StartsWith</c>, and for the two largest patterns that was half of what an AOT <c>draft</c> of
    /// Meridian spent reading kinds.
    /// </summary>
    public static Regex? Folded(string pattern) => pattern switch
    {
        KindPhrases.MitigationPattern => MitigationFolded(),
        KindPhrases.ImpactPattern => ImpactFolded(),
        _ => null,
    };

    /// <summary>
    /// <paramref name="text"/> with every character a case-blind expression takes for a lower-case ASCII letter written as
    /// that letter (A–Z, and the Kelvin sign for k, as the expression's case table has them; not the long s, which it keeps
    /// apart from s); every other character, and the length, kept.
    /// </summary>
    public static string Fold(string text)
    {
        var i = 0;
        while (i < text.Length && FoldChar(text[i]) == text[i])
        {
            i++;
        }

        return i == text.Length ? text : string.Create(text.Length, (text, i), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (var j = state.i; j < span.Length; j++)
            {
                span[j] = FoldChar(span[j]);
            }
        });
    }

    /// <summary>One character as <see cref="Fold"/> writes it.</summary>
    public static char FoldChar(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c | 0x20),
        '\u212A' => 'k',
        _ => c,
    };

    [GeneratedRegex(@"\b(?:" + KindPhrases.MitigationPattern + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex MitigationFolded();

    [GeneratedRegex(@"\b(?:" + KindPhrases.ImpactPattern + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex ImpactFolded();

    [GeneratedRegex(@"\b(?:" + KindPhrases.DecisionPattern + @")\b", Options)]
    private static partial Regex Decision();

    [GeneratedRegex(@"\b(?:" + KindPhrases.ResolutionPattern + @")\b", Options)]
    private static partial Regex Resolution();

    [GeneratedRegex(@"\b(?:" + KindPhrases.CommunicationPattern + @")\b", Options)]
    private static partial Regex Communication();

    [GeneratedRegex(@"\b(?:" + KindPhrases.MitigationPattern + @")\b", Options)]
    private static partial Regex Mitigation();

    [GeneratedRegex(@"\b(?:" + KindPhrases.EscalationPattern + @")\b", Options)]
    private static partial Regex Escalation();

    [GeneratedRegex(@"\b(?:" + KindPhrases.PagePattern + @")\b", Options)]
    private static partial Regex Page();

    [GeneratedRegex(@"\b(?:" + KindPhrases.AlertPattern + @")\b", Options)]
    private static partial Regex Alert();

    [GeneratedRegex(@"\b(?:" + KindPhrases.CustomerReportPattern + @")\b", Options)]
    private static partial Regex CustomerReport();

    [GeneratedRegex(@"\b(?:" + KindPhrases.DiagnosisPattern + @")\b", Options)]
    private static partial Regex Diagnosis();

    [GeneratedRegex(@"\b(?:" + KindPhrases.ChangePattern + @")\b", Options)]
    private static partial Regex Change();

    [GeneratedRegex(@"\b(?:" + KindPhrases.ImpactPattern + @")\b", Options)]
    private static partial Regex Impact();
}
