using System.Text.RegularExpressions;
using Postmortem.Model;

namespace Postmortem.Analysis;

// KeyTimestampAnalyzer, in part: what is not yet the end, and what is no longer impact (twenty-fourth session, docs/accuracy.md
// "reading and judgement from batch 20's train half").
public static partial class KeyTimestampAnalyzer
{
    /// <summary>
    /// "Monitoring - The database is back and we are working through the backlog of data" at 10:17, "Resolved - The system has fully
    /// recovered" at 10:31: a recovery told with the work the failure held up still being worked off left its users waiting for it,
    /// so the impact had not ended. The end is the next recovery that no longer tells the backlog under way, when the failure was
    /// not told back in between; with none, the first recovery stands.
    /// </summary>
    private static KeyTimestamp? BacklogStillWorked(IReadOnlyList<TimelineEvent> core, KeyTimestamp resolution)
    {
        if (resolution.Time != resolution.Event.Time || !BacklogUnderWay().IsMatch(resolution.Event.Text))
        {
            return null;
        }

        var next = core.FirstOrDefault(e => e.Time > resolution.Time && Has(e, EventKind.Resolution) && !BacklogUnderWay().IsMatch(e.Text) && !RetellsTimes(e));
        return next is null || core.Any(e => e.Time > resolution.Time && e.Time < next.Time && Renews(e))
            ? null
            : new KeyTimestamp(next.Time, "the first recovery after one told with the held-up work still being worked off", next);
    }

    /// <summary>
    /// "Customers confirming on the tickets :tada:", "customers confirm they can log in again": a customer's word after the fix that
    /// confirms it reports no impact; it is not the impact reported again. A confirmation of the trouble ("customers confirm the
    /// errors are back", "customer confirms the bug") carries its own impact words and still is.
    /// </summary>
    private static bool CustomerConfirms(TimelineEvent e) =>
        Has(e, EventKind.CustomerReport) && !Has(e, EventKind.Impact) && Confirms().IsMatch(e.Text);

    /// <summary>
    /// A later update that tells two or more clock times of its own ("At 6:22am EDT … the application in that region suffered an
    /// outage … reachable again at 7:05am", a postmortem stamped hours after) retells the incident: its region and its recovery
    /// are the earlier moments told again, not a region recovering later.
    /// </summary>
    private static bool RetellsTimes(TimelineEvent e) => ToldClock().Count(e.Text) >= 2;

    /// <summary>
    /// "Most of the service was back within about 20 minutes, and recovery was complete at 1:30 PM": a partial recovery told as a
    /// state, at the moment the impact ended, did not stop the bleeding before the end (Corpus/README.md, "Label
    /// conventions": mitigation is before impact ended). An action at that moment ("rollback complete, users back") still is the
    /// mitigation, the action and the end at one moment.
    /// </summary>
    private static bool PartBackAtEnd(TimelineEvent e, KeyTimestamp? resolution) =>
        resolution is not null && e.Time == resolution.Time && Has(e, EventKind.Mitigation) && !Has(e, EventKind.Change)
        && e.Evidence.Where(x => x.Kind == EventKind.Mitigation).All(x => StateBack().IsMatch(x.Phrase));

    // The held-up work still being worked off: "working through the backlog", "processing the queued jobs", "the queue is still
    // draining", "catching up on delayed data".
    [GeneratedRegex(@"(?i)\b(?:work(?:ing|s)?|chewing) (?:through|off|down) (?:the |a |our |its |any |all )?(?:[\w-]+ ){0,2}?(?:backlogs?|queues?|queued|pending|delayed)\b|\b(?:processing|draining|clearing|replaying|reprocessing|catching up (?:on|with)) (?:the |a |our |its |any |all )?(?:[\w-]+ ){0,2}?(?:backlogs?|queues?|queued|pending|delayed|held[- ]up)\b|\b(?:backlogs?|queues?) (?:is |are )?(?:still )?(?:being (?:processed|worked (?:off|through)|drained|cleared)|draining|clearing)\b")]
    private static partial Regex BacklogUnderWay();

    // Confirmation, not a report of trouble: "customers confirming", "customer confirmed"; not "confirm the errors", "confirms the bug".
    [GeneratedRegex(@"(?i)\bconfirm(?:s|ed|ing)?\b(?!\s+(?:that\s+)?(?:the\s+|an?\s+)?(?:errors?|failures?|outages?|issues?|problems?|bugs?|impact|trouble)\b)")]
    private static partial Regex Confirms();

    [GeneratedRegex(@"(?i)\b\d{1,2}[:.]\d{2}\b|\b\d{1,2} ?(?:am|pm)\b")]
    private static partial Regex ToldClock();

    // A state regained rather than an action: "was back", "are back", "came back", "recovered", "errors fell", "serving again";
    // not "brought all systems back", "restarted".
    [GeneratedRegex(@"(?i)^(?!.*\b(?:bring\w*|brought|restart\w*|roll\w*|fail\w*|switch\w*|mov\w*)\b).*\b(?:(?:is|are|was|were|came|comes|come|been)\s+back|improv\w*|recover\w*|fell|dropped|declined|decreased|returning|returned|resum\w*|reconnect\w*|\w+ing again)\b")]
    private static partial Regex StateBack();
}
