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
    private static readonly SearchValues<string> PluralDayWords =
        SearchValues.Create(["days", "mornings", "afternoons", "evenings", "nights", "weekends"], StringComparison.OrdinalIgnoreCase);

    // "Tuesdays", "Tuesday mornings", "Mondays to Fridays", "weekdays", "weekends", "on Saturday and Sunday nights".
    [GeneratedRegex(@"(?<![\p{L}])(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:s\b|\s(?i:mornings|afternoons|evenings|nights)\b)|(?i:weekdays|weekends|week\snights|weeknights)\b)")]
    private static partial Regex PluralDayPattern();

    // How far, within its clause, a plural day may stand from a clock it makes a standing one.
    private const int StandingReach = 40;

    private static bool MayHoldStandingWindow(string text) => text.AsSpan().ContainsAny(PluralDayWords);

    // Drops the clocks that stand within reach of a plural weekday in their clause.
    private static void DropStandingWindows(string text, List<TimeExpression> results)
    {
        foreach (Match day in PluralDayPattern().Matches(text))
        {
            var dayEnd = day.Index + day.Length;
            // Within the clock's own text ("7-9am on Tuesday" read with its weekday), or within reach before or after it.
            results.RemoveAll(r => (day.Index < r.Index + r.Length && dayEnd > r.Index)
                || (SameClause(text, r.Index + r.Length, day.Index) && day.Index - (r.Index + r.Length) <= StandingReach)
                || (SameClause(text, dayEnd, r.Index) && r.Index - dayEnd <= StandingReach));
        }
    }

    // True when nothing between from and to (from <= to) ends a clause: a sentence mark, a semicolon or a line break.
    private static bool SameClause(string text, int from, int to) =>
        from <= to && text.AsSpan(from, to - from).IndexOfAny(".;!?\n") < 0;
}
