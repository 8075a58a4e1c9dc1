using System.Text.RegularExpressions;

namespace Postmortem.Ingest.Notes;

// Spans whose "between" comes after both ends (session 28): Turkish "06:00 ile 11:00 saatleri arasında" (between the hours 06:00
// and 11:00), "21:00 ile 08:00 arasında". "ile" (and, with) alone stands between the two clocks, and "arasında" (between) follows
// the second, with at most "saatleri"/"saatler" (hours) before it. Both patterns are anchored and bounded; the text after the
// second clock is looked at only when the gap is "ile", and never more than 32 characters of it.
internal static partial class MomentSplitter
{
    [GeneratedRegex(@"(?i)^\s*ile\s*$")]
    private static partial Regex IleGap();

    [GeneratedRegex(@"(?i)^\s*(?:saat(?:ler|leri)\s+)?arasında(?!\p{L})")]
    private static partial Regex ArasindaAfter();

    private static bool TurkishBetween(string sentence, string gap, TimeExpression previous, TimeExpression t)
    {
        if (!IleGap().IsMatch(gap))
        {
            return false;
        }

        var after = t.Index + t.Length;
        return ArasindaAfter().IsMatch(sentence.AsSpan(after, Math.Min(32, sentence.Length - after)))
            && (t.Time >= previous.Time || AcrossMidnight(previous, t) || DaysBetween(previous, t) is > 0 and < 7);
    }
}
