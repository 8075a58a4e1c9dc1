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
        KindLexicon.Open37AlertPattern => Open37Alert(),
        KindLexicon.Open37CommunicationPattern => Open37Communication(),
        KindLexicon.Open37MitigationPattern => Open37Mitigation(),
        KindLexicon.Open37EscalationPattern => Open37Escalation(),
        KindLexicon.Open37CustomerReportPattern => Open37CustomerReport(),
        KindLexicon.Open37ImpactPattern => Open37Impact(),
        KindLexicon.Open37ResolutionPattern => Open37Resolution(),
        _ => Open38Of(pattern),
    };

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

    [GeneratedRegex(@"\b(?:" + KindLexicon.Open37AlertPattern + @")\b", Options)]
    private static partial Regex Open37Alert();

    [GeneratedRegex(@"\b(?:" + KindLexicon.Open37CommunicationPattern + @")\b", Options)]
    private static partial Regex Open37Communication();

    [GeneratedRegex(@"\b(?:" + KindLexicon.Open37MitigationPattern + @")\b", Options)]
    private static partial Regex Open37Mitigation();

    [GeneratedRegex(@"\b(?:" + KindLexicon.Open37EscalationPattern + @")\b", Options)]
    private static partial Regex Open37Escalation();

    [GeneratedRegex(@"\b(?:" + KindLexicon.Open37CustomerReportPattern + @")\b", Options)]
    private static partial Regex Open37CustomerReport();

    [GeneratedRegex(@"\b(?:" + KindLexicon.Open37ImpactPattern + @")\b", Options)]
    private static partial Regex Open37Impact();

    [GeneratedRegex(@"\b(?:" + KindLexicon.Open37ResolutionPattern + @")\b", Options)]
    private static partial Regex Open37Resolution();
}
