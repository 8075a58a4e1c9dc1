using System.Text.RegularExpressions;

namespace Postmortem.Analysis;

// KindLexicon, in part: a recovery or mitigation asked about is no evidence of one (review33 F18, review34 F1).
public sealed partial class KindLexicon
{
    // The phrase between start and end is asked about: a question mark follows it within its clause (no comma, colon, bracket, dash,
    // cell bar or end of sentence between; not a URL's "?tab="), no answer follows in the same breath ("resolved? yes, all green"),
    // and either the phrase is what is asked ("back up?", "all good now?": at most two words before the mark) or an auxiliary or
    // question word opens its clause ("has the outage been resolved?", "czy awaria została usunięta?"). "Checkout working again, can
    // someone confirm?" asks something else (review34 F1). The look is bounded: 120 characters on, 80 back.
    private static bool AsksAbout(string text, int start, int end)
    {
        var stop = Math.Min(text.Length, end + 120);
        var mark = -1;
        for (var i = end; i < stop && mark < 0; i++)
        {
            switch (text[i])
            {
                case '?' or '？':
                    if (i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] is '=' or '&'))
                    {
                        return false; // "…/incidents/42?tab=updates"
                    }

                    mark = i;
                    break;
                case '\n' or '。' or '！' or ',' or '，' or '、' or ';' or ':' or '(' or '|' or '—' or '–':
                    return false;
                case '.' or '!' or '-' when i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]):
                    return false;
            }
        }

        if (mark < 0 || Affirmed().IsMatch(text.AsSpan(mark + 1)))
        {
            return false;
        }

        if (text.AsSpan(end, mark - end).Trim().Count(' ') < 2)
        {
            return true;
        }

        var from = start;
        while (from > 0 && start - from < 80 && text[from - 1] is not ('\n' or '.' or '!' or '?' or ',' or ';' or ':' or '(' or '|'))
        {
            from--;
        }

        return QuestionOpening().IsMatch(text.AsSpan(from, start - from));
    }

    [GeneratedRegex(@"^\s*(?:yes|yep|yeah|yup|confirmed|correct|tak|ja|oui|s[ií]|sim|はい|是)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Affirmed();

    [GeneratedRegex(@"^\W*(?:@[\w.-]+\s+)?(?:has|have|had|is|are|was|were|did|does|do|can|could|will|would|should|shall|may|might|any(?:one|body)?|anything|czy|est-ce|ist|sind|hat|haben|wurde|how|why|when|what|who|which)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionOpening();
}
