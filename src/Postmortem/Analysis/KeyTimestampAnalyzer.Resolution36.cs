using System.Text.RegularExpressions;
using Postmortem.Model;

namespace Postmortem.Analysis;

// KeyTimestampAnalyzer, in part: a recovery that left part of the impact behind (thirty-sixth session, s36-res, docs/accuracy.md
// "resolution and mitigation: where the end of impact is judged wrong").
public static partial class KeyTimestampAnalyzer
{
    /// <summary>
    /// "Orders synced, clients see current data again" at 05:52, "exits allowed again, fresh orders still blocked" at 06:08, "all
    /// order restrictions lifted" at 06:39; "Links are back but … restoring the data, this will take a while", then "both sites
    /// processing again, we're done": a recovery after which (in its own words or a later moment's, before the next recovery) the
    /// text tells part of the impact still left, and a later recovery that leaves nothing, was a part back, not the end. The
    /// moment that tells what is left often also tells a recovery or an action, or names no impact word ("still on one site
    /// only", "older articles will be restored over the coming days"), so it is not impact reported again (Renews), yet it says
    /// user impact had not ended. Not our own work going on ("still watching", "still investigating"), nor a notice of the end
    /// or a retelling with its own clock times as the later recovery, nor a closing or checking note ("closing the incident",
    /// Afterword). "Dead" is left out: the lexicon counts it only with our servers as the subject ("the old fax machine is still dead").
    /// </summary>
    private static bool LeftBehind(IReadOnlyList<TimelineEvent> core, IReadOnlyList<TimelineEvent> candidates, TimelineEvent c)
    {
        var later = candidates.FirstOrDefault(o => o.Time > c.Time && !TellsLeft(o.Text) && !NoticeOfEnd(o) && !RetellsTimes(o) && !Afterword().IsMatch(o.Text));
        return later is not null
            && (TellsLeft(c.Text) || core.Any(x => x.Time > c.Time && x.Time < later.Time && !RetellsTimes(x) && TellsLeft(x.Text)));
    }

    private static bool TellsLeft(string text) => PartLeft().IsMatch(text);

    // Part of the impact told as still left: "fresh orders still blocked", "one server still has a queue", "still on BER only",
    // "older articles will be restored over the coming days", "this will take a while", "not fully sent", "not visible yet",
    // "yet to be restored", "expected back tomorrow". Not our own work going on after "still" (OurEffortGoesOn), nor a state that is
    // fine ("still up", "still stable": not in the list), nor a negation ("still no stuck orders", "no merchants still affected"),
    // nor words a team uses of its own precautions and follow-ups ("still waiting for the RCA", "still disabled as a precaution",
    // "without errors", "will be delivered", "leftover lock files": review36 H2). Bounded gaps only.
    [GeneratedRegex(@"(?i)(?<!\b(?:no|not|none|nothing|zero|never)\s+(?:[\w'-]+\s+){0,2})\bstill\b(?!\s+(?:no|none|nothing|zero|never)\b)" + OurEffortGoesOn + @"(?:\s+[\w'-]+){0,2}?\s+(?:blocked|down|unavailable|affected|impacted|failing|broken|degraded|offline|missing|delayed|queued|stuck|being (?:restored|recovered|processed|brought back|rebuilt)|to (?:be )?(?:restored|recovered|processed|delivered|cleared|come back)|(?:has|have|holds?) (?:an? |some )?(?:[\w-]+ )?(?:queue|backlog)|not (?:working|loading|reachable|answering|responding|available|back|visible|sent|delivered)|on (?:[\w-]+ ){1,2}only)\b|\b(?:will|to) be (?:restored|recovered|brought back)\b|\bexpected back\b|\b(?:not|n't) (?:yet|fully) (?:[\w-]+ )?(?:back|restored|recovered|sent|delivered|visible|available|working|processed)\b|\bnot (?:back|restored|recovered|visible|available|processed|delivered) yet\b|\byet to (?:be )?(?:restored|recovered|processed|delivered|come back)\b|\b(?:this|that|it|which) will take (?:a while|some time|time|a few hours|hours|days)\b")]
    private static partial Regex PartLeft();
}
