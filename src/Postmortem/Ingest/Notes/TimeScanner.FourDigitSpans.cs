using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

// Four-digit clocks after "between" (session 26, `s26-forms`): "may lose connectivity for a few minutes between 0700 and 0900",
// "an outage yesterday evening between approximately 1730 and 1830, when services were restored". British and military notices
// write clocks without a colon; after "between … and …" and before the clause ends (a mark, the line's end, "hrs" or a zone) two
// such numbers, each a valid clock, are a window. Not a count ("between 1000 and 1500 customers": a word follows) and not a pair of
// years (both 1900-2099). A pass of its own behind a cheap test for "between"; the pattern is bounded, without nested quantifiers.
// The sentence must also say that the numbers are clocks (TimeCue, review of session 26): a word of a planned or suffered outage
// ("window", "outage", "maintenance", "offline", "lose", "at risk"), a unit of time ("minutes", "hrs"), a part of the day or a zone.
// "the queue depth hovered between 1200 and 1800, well above the usual 50" says none, and is a measure, not a window.
public static partial class TimeScanner
{
    [GeneratedRegex(@"(?i)\bbetween\s(?:(?:approximately|approx\.?|about|around|roughly)\s)?(?<a>[01]\d|2[0-3])(?<am>[0-5]\d)(?:\s?hrs)?\s(?:and|&)\s(?<b>[01]\d|2[0-3])(?<bm>[0-5]\d)(?:\s?hrs)?(?=\s?(?:$|[.,;:)!?]|(?:UTC|GMT|BST|local)\b))")]
    private static partial Regex FourDigitSpanPattern();

    [GeneratedRegex(@"(?i)\b(?:window|outage|maintenance|offline|unavailable|downtime|(?:be|go|goes|went|was|were|is|are)\sdown|lose|losing|disrupt\w*|interrupt\w*|at\srisk|minutes?|mins?|hours?|hrs|morning|afternoon|evening|tonight|night|overnight|UTC|GMT|BST|CET|CEST|local)\b")]
    private static partial Regex TimeCue();

    // The sentence around a match (bounded to 200 characters each side, so a long line of matches stays linear) holds a TimeCue.
    private static bool SaysClocks(string text, int start, int end)
    {
        var from = Math.Max(0, start - 200);
        var stop = text.AsSpan(from, start - from).LastIndexOfAny(SentenceEnds);
        from = stop < 0 ? from : from + stop + 1;
        var to = Math.Min(text.Length, end + 200);
        var next = text.AsSpan(end, to - end).IndexOfAny(SentenceEnds);
        to = next < 0 ? to : end + next;
        return TimeCue().IsMatch(text.AsSpan(from, to - from));
    }

    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create(".!?;\n");

    private static bool MayHoldFourDigitSpan(string text) => BetweenWord.In(text);

    private static readonly CaseBlindWord BetweenWord = new("between");

    private static void AddFourDigitSpans(string text, List<TimeExpression> results)
    {
        foreach (Match m in FourDigitSpanPattern().Matches(text))
        {
            var a = m.Groups["a"];
            var b = m.Groups["b"];
            var start = int.Parse(a.ValueSpan, provider: null) * 100 + int.Parse(m.Groups["am"].ValueSpan, provider: null);
            var end = int.Parse(b.ValueSpan, provider: null) * 100 + int.Parse(m.Groups["bm"].ValueSpan, provider: null);
            if ((start is >= 1900 and <= 2099 && end is >= 1900 and <= 2099) || results.Exists(r => r.Index < m.Index + m.Length && a.Index < r.Index + r.Length)
                || !SaysClocks(text, m.Index, m.Index + m.Length))
            {
                continue;
            }

            results.Add(new TimeExpression
            {
                Index = a.Index,
                Length = m.Index + m.Length - a.Index,
                Raw = text[a.Index..(m.Index + m.Length)],
                Time = new LocalTime(start / 100, start % 100),
                EndTime = new LocalTime(end / 100, end % 100),
            });
        }
    }
}
