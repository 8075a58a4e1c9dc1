using System.Text.RegularExpressions;
using Postmortem.Model;

namespace Postmortem.Analysis;

// KeyTimestampAnalyzer, in part: the end of impact is a recovery reached, and the bleeding stopped is an action's effect
// (twenty-fifth session, docs/accuracy.md "key judgement checked on a validation set").
public static partial class KeyTimestampAnalyzer
{
    /// <summary>
    /// "Things are returning to normal" at 08:15, "works from everywhere now" at 08:23; "operations began to come back" at 09:25,
    /// "everything was back to normal" at 09:41: a recovery told on its way (begun, coming, improving) says the impact was still
    /// ending, so it is the bleeding stopping, not the end, when a later recovery is told as reached. With none later it stands.
    /// </summary>
    private static bool RecoveryOnItsWay(IReadOnlyList<TimelineEvent> candidates, TimelineEvent c) =>
        OnItsWay(c.Text) && !KindLexicon.TellsWhole(c.Text)
        && candidates.Any(o => o.Time > c.Time && !OnItsWay(o.Text) && !RetellsTimes(o) && !NoticeOfEnd(o));

    private static bool OnItsWay(string text) => RecoveryUnderWay().IsMatch(text);

    /// <summary>How long after a recovery told on its way the recovery told reached may come and still be its end.</summary>
    private static readonly NodaTime.Duration ReachedWithin = NodaTime.Duration.FromHours(6);

    /// <summary>
    /// "V4 answering, things are returning to normal" at 08:15 and "works from Germany now", "happy again from the US too" at 08:23;
    /// "operations began to come back" at 09:25 and "everything should have been back to normal" at 09:41: when the last recovery
    /// the lexicon reads is told on its way, the impact ended at the next moment that tells the recovery reached in plain words,
    /// though no recovery phrase of the lexicon is in them. Not a line that tells it negated, partial ("except", "still", "most"),
    /// hoped for or a notice of it (a status post, an update sent), nor a later retelling with its own times.
    /// </summary>
    private static TimelineEvent? ReachedAfter(IReadOnlyList<TimelineEvent> core, TimelineEvent c) =>
        !OnItsWay(c.Text) || KindLexicon.TellsWhole(c.Text) ? null
            : core.FirstOrDefault(e => e.Time > c.Time && e.Time - c.Time <= ReachedWithin && TellsReached(e.Text) && !OnItsWay(e.Text)
                && !Has(e, EventKind.Communication) && !NoticeOfEnd(e) && !RetellsTimes(e));

    // The end at a recovery (or action) taken as the end, unless it was told on its way and a later moment tells it reached.
    private static KeyTimestamp Reached(IReadOnlyList<TimelineEvent> core, TimelineEvent c, string rule) =>
        ReachedAfter(core, c) is { } reached
            ? new KeyTimestamp(reached.Time, "the recovery told reached, after the last one told on its way", reached)
            : new KeyTimestamp(c.Time, rule, c);

    private static bool TellsReached(string text) =>
        ReachedInWords().IsMatch(text) && !ReachedDoubted().IsMatch(text) && !RelapseOrPerson().IsMatch(text);

    // A recovery reached, in plain words: "back to normal", "it's back", "everything is back up", "works from here now", "happy
    // again", "loading fine again", "running again". Bounded gaps only, so it stays linear. "Running" and "serving" only right
    // before "again": "running the smoke tests now" is an action under way, "serving errors again" a relapse (review30 F1).
    [GeneratedRegex(@"(?i)\b(?:back to normal|(?:it'?s|it is|is|are|everything(?:'s)?|all)\s+(?:(?:all|fully|now)\s+)?back\b(?!\s+(?:to|in|at|from|with|above|over|below|under)\b)|(?:works?|working|answering|loading|happy|fine|flowing)\s+(?:[\w-]+\s+){0,3}?(?:again|now)\b|(?:running|serving)\s+again\b)")]
    private static partial Regex ReachedInWords();

    // A recovery told negated, partial, hoped for or still to come: "not back to normal", "works again except for EU", "most users
    // are back", "should be back once the cache warms", "still", "reads fine now, writes to follow", "working again in EU only".
    [GeneratedRegex(@"(?i)\b(?:not|no|never|except|still|partial\w*|partly|most|some|remaining|remains?|only|yet|pending|to follow|once|until|will|expect\w*|hope\w*|if|when|should be|eta)\b|n't\b")]
    private static partial Regex ReachedDoubted();

    // What is back is the trouble or a person, not the service (review30 F1): "errors are back", "the 502s are back", "latency is
    // back", "alerts firing again" (not "latency is back to normal", "load back down"); "I'm back", "Dan is back, handing over", "back from lunch". Fixed words, bounded gaps.
    [GeneratedRegex(@"(?i)\b(?:errors?|5xx|[45][0-9]{2}s?|latency|alerts?|alarms?|timeouts?|failures?|cpu|load|spikes?|issues?|problems?|outages?|bugs?|crash(?:es)?|exceptions?|retries|lag)\s+(?:(?:are|is|were|was|firing|showing|coming)\s+){0,2}(?:back|again)\b(?!\s+(?:to|down|under|below|within)\b)|\b(?:i'?m|i am|he'?s|she'?s|he is|she is|they'?re|they are)\s+back\b|\bhand(?:ing|ed)?\s+(?:it\s+)?over\b|\bback\s+from\s+(?:lunch|break|holiday|vacation|leave|the\s+\w+)\b")]
    private static partial Regex RelapseOrPerson();

    /// <summary>
    /// "Rolled back the release" at 10:20, "checkout still failing for most users" at 10:40, "restarted the cart service, checkout
    /// works again" at 10:55: a mitigation is an action that changed the impact, so one after which the text next reports the same
    /// impact as still going on (before any recovery or other action is told, and before the end) stopped no bleeding. A report
    /// of impact that does not say it goes on (a late customer ticket, the impact told in other words) does not undo it, and an
    /// action told with its own effect ("restarted the auth pods, logins going through again") changed the impact, though some of
    /// it went on.
    /// </summary>
    private static bool StillHurtAfter(IReadOnlyList<TimelineEvent> core, TimelineEvent e, KeyTimestamp? resolution) =>
        !Has(e, EventKind.Resolution) && !RecoverySign().IsMatch(e.Text) && !(WorksAgain().IsMatch(e.Text) && !FailedAgain().IsMatch(e.Text))
        && core.FirstOrDefault(x => x.Time > e.Time && (resolution is null || x.Time < resolution.Time)
            && (Has(x, EventKind.Resolution) || Has(x, EventKind.Mitigation) || Renews(x))) is { } next
        && Renews(next) && !ReferenceEquals(next, e) && StillGoingOn().IsMatch(next.Text) && !PlanLine().IsMatch(next.Text);

    // A recovery told as begun or under way: "began to come back", "starting to recover", "returning to normal", "coming back
    // online", "is recovering", "errors are improving". Not reached ("came back", "recovered", "back to normal").
    [GeneratedRegex(@"(?i)\b(?:(?:began|begins?|beginning|started|starts?|starting) to (?:come back|recover|return|improve|clear|normali[sz]e|stabili[sz]e|work again|load again)|(?:is|are|was|were|now|slowly|gradually|steadily) (?:(?:now|slowly|gradually|steadily) )?(?:returning|coming back|recovering|improving|stabili[sz]ing|normali[sz]ing)|\b(?:returning|coming back) (?:to normal|online|up)\b|\brecovery (?:is )?(?:under ?way|in progress|has (?:begun|started)))")]
    private static partial Regex RecoveryUnderWay();

    // Impact told as going on: "still failing", "errors continue", "the outage persists", "remains down", "no improvement",
    // "getting worse", "not yet resolved".
    // Not our own work going on ("we are still investigating the errors", "still looking into reports from a subset of users"):
    // the team keeping at it says nothing of whether the impact goes on.
    [GeneratedRegex(@"(?i)\b(?:still\b" + OurEffortGoesOn + @"|continu(?:e|es|ed|ing) to (?:fail|see|error|time out|return|be (?:down|degraded|unavailable|affected|slow))|(?:errors?|failures?|outage|impact|problems?|issues?|disruption|degradation) (?:continu(?:e|es|ing)|persist(?:s|ing)?)|persist(?:s|ing)|remains? (?:down|degraded|unavailable|affected|high|elevated|broken|offline)|no improvement|(?:getting|got|gotten) worse|not (?:yet )?(?:resolved|fixed|recovered|restored))\b")]
    private static partial Regex StillGoingOn();

    // After "still": the team's own work on the problem, with at most one listed adverb before the verb ("still actively looking
    // into", "still busy investigating"), as a negative lookahead. Not any word: "still not working", "still isn't working" are
    // the impact going on (review28 F1); nor "still looking bad" (looking only into/at/for/over), "still working fine" (working
    // only on/through/to), "users still trying to pay" (no "trying"). Bounded, so it adds no backtracking.
    private const string OurEffortGoesOn = @"(?!\s+(?:(?:actively|busy|also|now|currently|closely)\s+)?(?:looking\s+(?:into|at|for|over)|investigating|working\s+(?:on|through|to)|monitoring|watching|checking|digging|chasing|reviewing|analy[sz]ing|assessing|evaluating|triaging|debugging)\b)";

    // An effect told with the action: "logins going through again", "site back up again", "all fine again".
    [GeneratedRegex(@"(?i)\b(?:\w+ing|through|back|up|ok|fine|normal)\s+again\b")]
    private static partial Regex WorksAgain();
}
