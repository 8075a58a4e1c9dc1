using System.Text.RegularExpressions;
using NodaTime;
using Postmortem.Model;

namespace Postmortem.Analysis;

// KeyTimestampAnalyzer, in part: the action that ended the impact, told beside the end rather than in its words (twenty-ninth
// session, docs/accuracy.md "the action told beside the end").
public static partial class KeyTimestampAnalyzer
{
    /// <summary>How long before the end the step just before it may be told and still be the step that ended the impact.</summary>
    private static readonly Duration StepBeforeEnd = Duration.FromMinutes(30);

    /// <summary>
    /// An end of impact our own action brought about carries the mitigation at the same moment (Corpus/README.md, "Mitigation is
    /// what stopped the bleeding": "revert deployed, outage ends" gives both keys that time). The action may be told in the end's
    /// own words ("the update was out and the problem was resolved"), in the untimed sentences of its paragraph ("between 9:30
    /// and 10:30 … We renewed the certificate and normal operation came back"), in another line at the same moment ("16:55 our
    /// engineer stopped all activity on the affected host"), or in the step just before the end: a timed line that tells our step
    /// with no kind of its own ("made the correction and started pushing it to production"), or the untimed sentences after that
    /// line, between it and the end. Not when the action is negated, failed, only planned or another party's (NotOurDeed).
    /// </summary>
    private static bool ActionBesideEnd(IReadOnlyList<TimelineEvent> core, KeyTimestamp ended, KindLexicon lexicon)
    {
        var end = ended.Event;
        var at = ended.Time;
        if (at != end.Time && at != end.EndTime)
        {
            return false;
        }

        // A written window's text is its story from the start: a change told there ("since we launched") is no step of the end's.
        if ((at == end.Time ? EndedByUs(end) : OurFix().IsMatch(end.Text)) || OurStep(end.Text) || OurDeedIn(end.Context, withRecovery: true, lexicon))
        {
            return true;
        }

        if (core.Any(x => x.Time == at && !ReferenceEquals(x, end) && OurStep(x.Text)))
        {
            return true;
        }

        // The step just before: the last timed line before the end, not long before it, that no rule already took or rejected
        // as an action (one with an action kind was weighed above as the mitigation, and a rejected one did nothing).
        var before = core.LastOrDefault(x => x.Time < at && !ReferenceEquals(x, end));
        if (before is not null && at - before.Time <= StepBeforeEnd && !Has(before, EventKind.Mitigation) && !Has(before, EventKind.Resolution)
            && (OurStep(before.Text) || OurDeedIn(before.Context, withRecovery: false, lexicon)))
        {
            return true;
        }

        // An action begun earlier and completed by the end ("starting the recovery of that component now" at 09:52, "payments are
        // being created again" at 10:35): a step of ours told as begun, with no kind, after which nothing else was done or recovered
        // and the impact was not told going on before the end, is what the end completed.
        var begun = core.LastOrDefault(x => x.Time < at && at - x.Time <= BegunBeforeEnd && !ReferenceEquals(x, end) && (OurBegun(x.Text) || OurBegun(x.Context)));
        return begun is not null && !core.Any(x => x.Time > begun.Time && x.Time < at
            && (Has(x, EventKind.Mitigation) || Has(x, EventKind.Resolution) || (Renews(x) && StillGoingOn().IsMatch(x.Text))));
    }

    /// <summary>How long before the end an action told as begun may be and still be the action the end completed.</summary>
    private static readonly Duration BegunBeforeEnd = Duration.FromHours(1);

    private static bool OurBegun(string? text) => text is { Length: > 0 }
        && Sentences(text).Any(s => BegunStep().IsMatch(s) && !NotOurDeed().IsMatch(s) && !BegunNoStep().IsMatch(s));

    // Begun, but no step (review30 F2): talk or thought about the step ("started investigating the fix", "began discussing a
    // rollback", "began drafting the recovery plan"), or a state told begun ("services started recovering on their own",
    // "customers started recovering their carts": "recovering" right after the verb with no object of ours).
    [GeneratedRegex(@"(?i)\b(?:start(?:ing|ed)|began|begun|beginning|initiated|launched|kicked\s+off|commenced)\s+(?:(?:the|our|a)\s+)?(?:[\w-]+\s+){0,2}?(?:investigat|discuss|draft|plan|look|consider|review|prepar|talk|think|evaluat|explor|assess|writ|document|debat)\w*|\b(?:start(?:ing|ed)|began|begun|beginning)\s+recovering\b(?!\s+(?:the|our|all|each|every)\b)|\bon\s+(?:its|their)\s+own\b|\bby\s+(?:itself|themselves)\b")]
    private static partial Regex BegunNoStep();

    // A step of ours told as begun: "starting the recovery of that component", "began restoring the database", "activated measures
    // to recover", "kicked off the rollback", "fix being implemented". Bounded gaps only.
    [GeneratedRegex(@"(?i)\b(?:(?:start(?:ing|ed)|began|begun|beginning|activated|initiated|launched|kicked\s+off|commenced)\s+(?:(?:the|our|a)\s+)?(?:[\w-]+\s+){0,2}?(?:recovery|recovering|restor(?:e|ation|ing)|repair(?:ing)?|fix(?:ing)?|roll-?back|rolling\s+back|fail-?over|measures\s+to\s+(?:recover|restore|fix|resolve))|(?:fix|patch|rollback|repair|restore)\s+(?:is\s+)?being\s+(?:implemented|applied|deployed|rolled\s+out))\b")]
    private static partial Regex BegunStep();

    // A step of ours told in one sentence of the text, not negated, failed, planned or another party's.
    private static bool OurStep(string text) => Sentences(text).Any(s => OurStepPhrase().IsMatch(s) && !NotOurDeed().IsMatch(s));

    // Untimed sentences that tell an action of ours done: the action of the lexicon in force, a team's phrases too (not a state
    // regained, "came back"; not one under way, "restarting") or one of OurStepPhrase's steps, in a sentence not negated, failed, planned or another party's. In the
    // end's own paragraph the sentence must tell the recovery too ("We renewed the certificate and normal operation came back"):
    // an untimed action alone ("manually scaling up the service mitigated it") may have come at any moment of the window. Between
    // the step just before and the end it came in that stretch, so the action alone is enough.
    private static bool OurDeedIn(string? context, bool withRecovery, KindLexicon lexicon) =>
        context is { Length: > 0 } && Sentences(context).Any(s =>
        {
            if (NotOurDeed().IsMatch(s))
            {
                return false;
            }

            var read = lexicon.Read(s, null);
            return (OurStepPhrase().IsMatch(s) || read.Any(x => x.Kind == EventKind.Mitigation && x.Origin == "text" && !StateBack().IsMatch(x.Phrase)
                    && !RecoverySign().IsMatch(x.Phrase) && !x.Phrase.Split(' ')[0].EndsWith("ing", StringComparison.Ordinal)))
                && (!withRecovery || read.Any(x => x.Kind == EventKind.Resolution || (x.Kind == EventKind.Mitigation && StateBack().IsMatch(x.Phrase))));
        });

    private static IEnumerable<string> Sentences(string text) => SentenceEnd().Split(text).Where(s => s.Length > 0);

    [GeneratedRegex(@"(?<=[.!?;])\s+")]
    private static partial Regex SentenceEnd();

    // Steps the lexicon gives no action kind: a fix made or shipped ("made the necessary correction", "pushed the patch", "pushing
    // it to production", "the update was out", "the fix is live"), the faulty part taken out ("stopped all activity on the affected
    // host", "isolated the failing node", "disabled the faulty port"), the load moved off it ("moved I/O operations to working
    // hardware", "shifted traffic to the healthy region"). A status or customer update going out is no fix.
    [GeneratedRegex(@"(?i)\b(?:(?:made|applied|pushed|deployed|shipped|released|rolled out)\s+(?:the|a|an|our)\s+(?:[\w-]+\s+){0,2}?(?:correction|fix|patch|hotfix)|(?:pushing|pushed|deploying|deployed|shipping|shipped|rolling out|rolled out)\s+(?:it|them|(?:the|our|a)\s+(?:[\w-]+\s+){0,2}?(?:fix|correction|patch|hotfix|change|update))\s+(?:out\b|live\b|to\s+(?:production|prod|live|all))|(?<!\b(?:status|e-?mail|customer|public|social|twitter)\s+)(?:update|fix|patch|hotfix|correction)\s+(?:was|is|went)\s+(?:now\s+)?(?:out|live|deployed|in\s+place)|(?:stopped|disabled|drained|isolated|removed|shut\s+down|took|taken|fenced)\s+(?:(?:[\w/-]+\s+){0,4}?(?:on|from|of|out\s+of|off)\s+)?the\s+(?:affected|faulty|failing|failed|defective|bad|broken|sick)\s+(?:host|node|server|disk|drive|link|port|switch|router|card|machine|instance|replica|member)|(?:moved|shifted|switched|redirected|rerouted|diverted)\s+(?:[\w/-]+\s+){0,3}?(?:traffic|operations|load|requests|I/O|writes|reads|queries)\s+(?:[\w/-]+\s+){0,2}?(?:to|onto)\s+(?:the\s+)?(?:working|healthy|other|spare|standby|backup|secondary))\b")]
    private static partial Regex OurStepPhrase();

    // A sentence whose action did not end the impact: negated or failed ("did not deploy anything", "the restart failed", "but
    // errors continued", "errors continued", "no better"; not the failing part named, "isolated the failing node"), only planned
    // ("will", "plan to", "scheduled", "after the freeze", "tomorrow"), tried ("attempted"), or another party's ("the provider
    // replaced the card", "Stripe's fix is live", "the processor says the update is out"). A company named bare ("Google rolled out a
    // fix") is not told from a team of ours by its name; the review's F4.
    [GeneratedRegex(@"(?i)\b(?:not|never|no (?:effect|change|improvement|difference)|didn't|wasn't|weren't|fail(?:ed|s|ing)?(?!\s+(?:over\b|host|node|server|disk|drive|link|port|switch|router|card|machine|instance|replica|member|controller|component)s?\b)|attempt\w*|tried|trying|but|however|still|continu\w*|persist\w*|remained|kept|unchanged|no better|will|would|going to|plans?|planned|scheduled|next|after the|once|tomorrow|later|tonight|pending|provider'?s?|vendor'?s?|carrier'?s?|upstream|supplier|ISP|third[- ]party|partner'?s?|they|their|says|said|reports?|reported)\b|(?<!\b(?:our|we|my|i))\b(?!(?:our|we|my|the|a|an|its|this|that)\b)\w+(?:'s|’s)\s+(?:[\w-]+\s+)?(?:fix|patch|hotfix|update|change|rollback|release)\b")]
    private static partial Regex NotOurDeed();
}
