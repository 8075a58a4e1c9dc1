using System.Text.RegularExpressions;
using NodaTime;
using Postmortem.Model;

namespace Postmortem.Analysis;

// KeyTimestampAnalyzer, in part: written impact windows as bounds of the response, and the call that brings the first responder
// (twenty-third session, docs/accuracy.md "reading and judgement from batch 19's train half").
public static partial class KeyTimestampAnalyzer
{
    /// <summary>
    /// "EU between 14:39 and 14:53 • BR between 14:39 and 15:12 • MX between 14:39 and 15:10": when the impact's end is the close of
    /// the last written window, a window running beside it that closed first (one market, one region, one product back) is the
    /// bleeding stopped there, a partial recovery. Only a window that began no later than the last one and was still open when the
    /// last one began: a stretch inside it that began later ("between 10:05 and 10:10 errors peaked") closed nothing, and periods
    /// one after another ("12:45 - 12:55, 13:10 - 14:30, 14:46 - 15:21", the impact coming and going) are not a part back.
    /// </summary>
    private static KeyTimestamp? EarlierWindowEnd(IReadOnlyList<TimelineEvent> core, KeyTimestamp? resolution, Instant? impactStart)
    {
        if (resolution is null)
        {
            return null;
        }

        var spans = core.Where(IsImpactSpan).ToList();
        if (spans.Count < 2 || spans.Where(s => s.EndTime == resolution.Time).MinBy(s => s.Time) is not { } last)
        {
            return null;
        }

        var closed = spans.Where(s => !ReferenceEquals(s, last) && s.Time <= last.Time && s.EndTime > last.Time && s.EndTime < last.EndTime && (impactStart is null || s.EndTime > impactStart))
            .MinBy(s => s.EndTime);
        if (closed is not null && spans.Any(s => s.Time >= closed.EndTime))
        {
            return null; // Periods one after another: the impact came and went, no part of it came back for good.
        }

        return closed is null ? null
            : new KeyTimestamp(closed.EndTime!.Value, "the first written impact window to close before the last one (a region, market or outage back)", core.FirstOrDefault(e => e.Time == closed.EndTime) ?? closed);
    }

    /// <summary>
    /// "Improve the application monitoring so automated alerts are sent earlier", in a report posted the day after the written window
    /// "between 14:39 and 15:12" closed: what the text tells after the impact's written end, with no impact reported again in between,
    /// is the afterword (lessons, a postmortem), not the moment the team knew.
    /// </summary>
    private static bool AfterWrittenEnd(IReadOnlyList<TimelineEvent> core, KeyTimestamp? resolution, TimelineEvent e) =>
        resolution is not null && resolution.Rule.StartsWith("end of the written impact window", StringComparison.Ordinal) && e.Time > resolution.Time
        && !Renews(e) && !core.Any(r => r.Time > resolution.Time && r.Time < e.Time && Renews(r));

    /// <summary>
    /// "Short grid dip, UPS carried everything. all racks green" at 16:56, the cooling alarm at 17:24: a recovery told before the first
    /// sign of trouble (the impact's start or the team knowing, whichever came first) recovered from nothing: it is a state of health,
    /// never the end nor a partial recovery. An action told that early ("10:00 Rolled back the deploy" before the 10:10 alert) still
    /// stands as the mitigation, and the keys out of order are reported (PM0201), not hidden.
    /// </summary>
    private static Instant? FirstTrouble(KeyTimestamp? impact, KeyTimestamp? detection) =>
        impact is null ? detection?.Time : detection is null ? impact.Time : Instant.Min(impact.Time, detection.Time);

    // A call to the rota's own on-call brings the first responder, not people beyond them: "CRITICAL … -- paging duty (pieter)",
    // "paging rhys (sysadmin on call)", "@mike you're on call? can you look", "paging the on-call engineer". Another team's on-call
    // ("paging the payments on-call too", "Ravi, db on-call") or a duty manager is someone beyond, and stays an escalation.
    [GeneratedRegex(@"(?i)\b(?:pag(?:e|es|ed|ing)|call(?:s|ed|ing)?|ring(?:s|ing)?|rang|wak(?:e|es|ing)|woke)\s+(?:up\s+)?(?:the\s+)?(?:(?:duty|on-?call|oncall)(?:\s+(?:engineer|person|sre|sysadmin|admin|tech))?\b(?!\s+(?:manager|lead|director|officer|team|too|also|as well|for the|from the|of the)\b)|@?[\w.-]+\s+\((?:[\w-]+\s+){0,2}on[- ]?call\))|\byou(?:'re|’re| are)\s+on[- ]?call\b")]
    private static partial Regex CallsTheOnCall();
}
