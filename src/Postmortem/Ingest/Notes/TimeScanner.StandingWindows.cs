using System.Buffers;
using System.Text.RegularExpressions;

namespace Postmortem.Ingest.Notes;

// A standing window is no moment (session 25, `s25-forms`): "between 7-9am on Tuesday mornings", "Mondays to Fridays between 08:00
// and 17:00", "on weekdays from 9 to 5": a clock or a span tied to a weekday in the plural (or "weekdays", "weekends") names a time
// that comes back every week — a maintenance policy or opening hours — not one that happened. The clocks next to such a phrase
// (within the clause: no sentence mark, semicolon or line break between) are dropped. A weekday in the singular ("on Tuesday
// morning", "Saturday 00:00") still dates its clock. A pass of its own behind a cheap test for "days" and "mornings"/"evenings"/
// "nights"/"afternoons"; the pattern is bounded, without nested quantifiers.
public static partial class TimeScanner
{
    // The endings a plural day needs ("Mondays", "Sundays" "ndays"; "Tuesdays" … "Thursdays" "sdays"; "Fridays" "idays";
    // "Saturdays" "rdays"; "weekdays" "kdays"), not "days" alone: "for two days" and "today's" are prose (session 27).
    private static readonly SearchValues<string> PluralDayWords =
        SearchValues.Create(["ndays", "sdays", "idays", "rdays", "kdays", "mornings", "afternoons", "evenings", "nights", "weekends"], StringComparison.OrdinalIgnoreCase);

    // "Tuesdays", "Tuesday mornings", "Mondays to Fridays", "weekdays", "weekends", "on Saturday and Sunday nights".
    [GeneratedRegex(@"(?<![\p{L}])(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:s\b|\s(?i:mornings|afternoons|evenings|nights)\b)|(?i:weekdays|weekends|week\snights|weeknights)\b)")]
    private static partial Regex PluralDayPattern();

    // "every Saturday", "Every 2nd Tuesday", "every last weekend", "the fourth Thursday and Friday of every month", "the third Sunday
    // of the month" (session 26): a day that comes back each week or month, as a plural day does.
    [GeneratedRegex(@"(?<![\p{L}])(?:(?i:every|each)\s(?:(?i:other|first|1st|second|2nd|third|3rd|fourth|4th|last)\s)?(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|day|night|morning|evening|weekend|week|month)|(?i:of\s(?:the|every|each)\smonth))(?![\p{L}])")]
    private static partial Regex EveryDayPattern();

    // How far, within its clause, a plural day may stand from a clock it makes a standing one.
    private const int StandingReach = 40;

    // The cheap test asks for what the patterns need (session 27; the s26 review found "every", "month", "days" and "hours" let most
    // prose lines through): a plural day's ending, "every" or "each" followed by a space (not "everyone"; the s27 review found
    // "each second month" lost), "month" after "the", "every" or
    // "each" ("of the month"), "hours" after "the" or "after" (the rule hours' leads). Each word is found with IndexOf and looked at
    // around its place: linear in the line.
    private static bool MayHoldStandingWindow(string text) =>
        text.AsSpan().ContainsAny(PluralDayWords) || AnyWordAt(text, EveryWord, EveryLead) || AnyWordAt(text, EachWord, EveryLead)
        || AnyWordAt(text, MonthWord, MonthLead) || AnyWordAt(text, HoursWord, HoursLead);

    // Searched as CaseBlindWord searches: string.IndexOf case-blind upper-cases every character under invariant globalisation.
    private static readonly CaseBlindWord EveryWord = new("every"), EachWord = new("each"), MonthWord = new("month"), HoursWord = new("hours");

    private static bool AnyWordAt(string text, CaseBlindWord word, Func<string, int, int, bool> fits)
    {
        for (var i = word.IndexOf(text); i >= 0; i = word.IndexOf(text, i + word.Length))
        {
            if (fits(text, i, i + word.Length))
            {
                return true;
            }
        }

        return false;
    }

    // "every Saturday", "each second month" (the every-day pattern's "(?:every|each)\s", no letter before it: not "reach").
    private static bool EveryLead(string text, int start, int end) =>
        end < text.Length && char.IsWhiteSpace(text[end]) && (start == 0 || !char.IsLetter(text[start - 1]));

    // "of the month", "of every month", "of each month".
    private static bool MonthLead(string text, int start, int end) =>
        WordBefore(text, start, requireSpace: true) is var w && (w.Equals("the", StringComparison.OrdinalIgnoreCase)
            || w.Equals("every", StringComparison.OrdinalIgnoreCase) || w.Equals("each", StringComparison.OrdinalIgnoreCase));

    // "between the hours of", "during the hours of", "after hours (", "after-hours (".
    private static bool HoursLead(string text, int start, int end) =>
        start > 0 && text[start - 1] == '-' ? WordBefore(text, start - 1, requireSpace: false).Equals("after", StringComparison.OrdinalIgnoreCase)
            : WordBefore(text, start, requireSpace: true) is var w && (w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("after", StringComparison.OrdinalIgnoreCase));

    // The letters right before index (after the white space there, which must be present when requireSpace).
    private static ReadOnlySpan<char> WordBefore(string text, int index, bool requireSpace)
    {
        var j = index;
        while (j > 0 && char.IsWhiteSpace(text[j - 1]))
        {
            j--;
        }

        if (requireSpace && j == index)
        {
            return [];
        }

        var k = j;
        while (k > 0 && char.IsLetter(text[k - 1]))
        {
            k--;
        }

        return text.AsSpan(k, j - k);
    }

    // "between the hours of 9 p.m. and 6 a.m.", "during the hours of 1 and 5": the hours a rule names; and "after hours (4:30pm -
    // 8:30am)": the span in brackets defines the words before it. Right before the clock.
    [GeneratedRegex(@"(?i)\b(?:(?:between|during)\s+the\s+hours\s+of|after[\s-]hours\s*\()\s*$")]
    private static partial Regex HoursOfLead();

    // A clause that states a rule rather than tells what happened: a future or present verb, no past one.
    [GeneratedRegex(@"(?i)\b(?:will|won't|may|can|cannot|are|is|please)\b")]
    private static partial Regex RuleVerb();

    [GeneratedRegex(@"(?i)\b(?:was|were|had|did|went)\b")]
    private static partial Regex PastVerb();

    // Drops the clocks that stand within reach of a plural weekday in their clause, and the hours a rule names.
    private static void DropStandingWindows(string text, List<TimeExpression> results)
    {
        if (HoursWord.In(text))
        {
            DropRuleHours(text, results);
        }

        // "every" inside brackets is an aside to a dated window ("2002-04-09 (and every Tuesday) between 08:00 and 08:30").
        foreach (var day in PluralDayPattern().Matches(text).Concat(EveryDayPattern().Matches(text).Where(m => !text.AsSpan(m.Index + m.Length).TrimStart().StartsWith(")"))))
        {
            var dayEnd = day.Index + day.Length;
            // Within the clock's own text ("7-9am on Tuesday" read with its weekday), or within reach before or after it and tied to
            // it by a schedule's words. The distance is tested first, so that each gap read is at most StandingReach long: on one
            // long line of plural days and clocks the pass stays linear in the clocks it meets (StandingWindowReviewTests).
            results.RemoveAll(r => (day.Index < r.Index + r.Length && dayEnd > r.Index)
                || ((TiedAcross(text, r.Index + r.Length, day.Index) || TiedAcross(text, dayEnd, r.Index)) && !OwnMoment(text, r)));
        }
    }

    // "Texts are not sent between the hours of 9 p.m. and 6 a.m.": the clock right after the lead and the one joined to it by "and"
    // or a dash, in a clause with a rule's verb and no past one, and no date, weekday or "yesterday" of their own.
    private static void DropRuleHours(string text, List<TimeExpression> results)
    {
        if (!Enumerable.Range(1, Math.Max(0, results.Count - 1)).All(i => results[i - 1].Index <= results[i].Index))
        {
            var ordered = results.OrderBy(r => r.Index).ToList(); // stable: results at one index keep their order
            results.Clear();
            results.AddRange(ordered);
        }

        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            var from = Math.Max(0, r.Index - 32);
            if (!HoursOfLead().IsMatch(text.AsSpan(from, r.Index - from)) || r.Date is not null || r.MonthDay is not null || r.Weekday is not null || r.DaysBack > 0)
            {
                continue;
            }

            var next = i + 1 < results.Count && results[i + 1].Index - (r.Index + r.Length) is >= 0 and <= 6
                && text.AsSpan(r.Index + r.Length, results[i + 1].Index - (r.Index + r.Length)).Trim() is var gap
                && (gap.Equals("and", StringComparison.OrdinalIgnoreCase) || gap is "-" or "–") ? i + 1 : -1;
            var last = next >= 0 ? results[next] : r;
            var clauseStart = text.AsSpan(0, r.Index).LastIndexOfAny(".;!?\n") + 1;
            var clauseEnd = text.AsSpan(last.Index + last.Length).IndexOfAny(".;!?\n") is var e and >= 0 ? last.Index + last.Length + e : text.Length;
            var isSpan = r.EndTime is not null || next >= 0;
            var lead = text.AsSpan(from, r.Index - from).TrimEnd();
            var afterHours = lead.Length > 0 && lead[^1] == '(';
            if (afterHours ? !isSpan : (!RuleVerb().IsMatch(text.AsSpan(clauseStart, Math.Max(0, clauseEnd - clauseStart))) || PastVerb().IsMatch(text.AsSpan(clauseStart, Math.Max(0, clauseEnd - clauseStart)))))
            {
                continue;
            }

            if (next >= 0)
            {
                results.RemoveAt(next);
            }

            results.RemoveAt(i);
            i--;
        }
    }

    // A plural day and a clock from..to apart (from <= to, at most StandingReach) with only a schedule's words between them.
    private static bool TiedAcross(string text, int from, int to) => to - from is >= 0 and <= StandingReach && Tied(text.AsSpan(from, to - from));

    // A clock that dates itself (a date, a weekday, "yesterday") or leads its line ("- 02:13 The job that runs on weekdays
    // failed", "**2024-01-01 02:13** …") tells a moment of its own: a plural day near it does not make it a standing window.
    private static bool OwnMoment(string text, TimeExpression r)
    {
        if (r.Date is not null || r.MonthDay is not null || r.Weekday is not null || r.DaysBack > 0)
        {
            return true;
        }

        var lineStart = text.AsSpan(0, r.Index).LastIndexOf('\n') + 1;
        return text.AsSpan(lineStart, r.Index - lineStart).TrimStart(LineLeaders).IsEmpty;
    }

    private const string LineLeaders = " \t-*•◦–—+>#|[(";

    // The words between a plural day and a clock tie them when they are only the words of a schedule: "between 7-9am on Tuesday
    // mornings", "Mondays to Fridays between 08:00", "on weekdays from 9 to 5". "The job, which runs on Sundays, kicked off at 02:00"
    // has a verb of its own between them: the clock tells what happened.
    private static bool Tied(ReadOnlySpan<char> gap)
    {
        if (gap.ContainsAny(ClauseEnds))
        {
            return false;
        }

        foreach (var range in gap.SplitAny(" ,-–—:/()"))
        {
            var word = gap[range];
            if (word.IsEmpty || char.IsAsciiDigit(word[0]) || ScheduleWordSpans.Contains(word) || (word.Length > 1 && word[^1] is 's' or 'S' && ScheduleWordSpans.Contains(word[..^1])))
            {
                continue;
            }

            return false;
        }

        return true;
    }

    private static readonly SearchValues<char> ClauseEnds = SearchValues.Create(".;!?\n");

    private static readonly HashSet<string> ScheduleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "on", "between", "from", "to", "and", "or", "at", "during", "the", "hours", "hour", "of", "until", "till", "through", "thru", "in",
        "every", "each", "all", "am", "pm", "a.m", "p.m", "morning", "afternoon", "evening", "night", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "weekday", "weekend", "weeknight", "week", "utc", "local", "time",
    };

    // The words looked up by span: no string per word of a gap.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ScheduleWordSpans = ScheduleWords.GetAlternateLookup<ReadOnlySpan<char>>();
}
