using System.Text.RegularExpressions;

namespace Postmortem.Analysis;

// KindPatterns, in part: the thirty-eighth session's built-in expressions (s38-open; the phrases are in KindLexicon.Open38.cs).
internal static partial class KindPatterns
{
    private static Regex? Open38Of(string pattern) => pattern switch
    {
        KindLexicon.Open38AlertPattern => Open38Alert(),
        KindLexicon.Open38EscalationPattern => Open38Escalation(),
        KindLexicon.Open38CommunicationPattern => Open38Communication(),
        KindLexicon.Open38MitigationPattern => Open38Mitigation(),
        KindLexicon.Open38ResolutionPattern => Open38Resolution(),
        KindLexicon.Open38ResolutionGermanicPattern => Open38ResolutionGermanic(),
        KindLexicon.Open38ImpactPattern => Open38Impact(),
        _ => null,
    };

    [GeneratedRegex(@"\b(?:" + KindLexicon.Open38AlertPattern + @")\b", Options)]
    private static partial Regex Open38Alert();

    [GeneratedRegex(@"\b(?:" + KindLexicon.Open38EscalationPattern + @")\b", Options)]
    private static partial Regex Open38Escalation();

    [GeneratedRegex(@"\b(?:" + KindLexicon.Open38CommunicationPattern + @")\b", Options)]
    private static partial Regex Open38Communication();

    [GeneratedRegex(@"\b(?:" + KindLexicon.Open38MitigationPattern + @")\b", Options)]
    private static partial Regex Open38Mitigation();

    [GeneratedRegex(@"\b(?:" + KindLexicon.Open38ResolutionPattern + @")\b", Options)]
    private static partial Regex Open38Resolution();

    [GeneratedRegex(@"\b(?:" + KindLexicon.Open38ResolutionGermanicPattern + @")\b", Options)]
    private static partial Regex Open38ResolutionGermanic();

    [GeneratedRegex(@"\b(?:" + KindLexicon.Open38ImpactPattern + @")\b", Options)]
    private static partial Regex Open38Impact();
}
