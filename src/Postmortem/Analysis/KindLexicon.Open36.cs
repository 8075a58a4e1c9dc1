using System.Text.RegularExpressions;
using Postmortem.Model;

namespace Postmortem.Analysis;

// KindLexicon, in part: two readings from batch 32's train half (thirty-sixth session, docs/accuracy.md, `s36-open`).
public sealed partial class KindLexicon
{
    /// <summary>
    /// A phrase that is not the kind it names in this place: "woke up to the alerts" is the speaker waking to what was already
    /// sent (no one is called in); "the failover config is yours" names the failover's settings, not a failover done.
    /// </summary>
    internal static bool IsNamedNotDone(EventKind kind, string phrase, ReadOnlySpan<char> rest) => kind switch
    {
        EventKind.Escalation => WakeUpWord().IsMatch(phrase) && WokeUpTo().IsMatch(rest),
        EventKind.Mitigation => FailoverNoun().IsMatch(phrase) && FailoverThing().IsMatch(rest),
        _ => false,
    };

    [GeneratedRegex(@"(?i)^(?:wak(?:e|es|ing)|woke|woken)\s+up$")]
    private static partial Regex WakeUpWord();

    // "woke up to these", "just woke up to the pages": what woke the speaker follows, no one else is woken. Not a number ("had to
    // wake up to five people": as many as, review36 L1).
    [GeneratedRegex(@"(?i)^\s+to\s+(?!(?:help|join|look|take|handle|check|fix|deal|\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen)\b)")]
    private static partial Regex WokeUpTo();

    [GeneratedRegex(@"(?i)^fail-?over$")]
    private static partial Regex FailoverNoun();

    // "failover config", "the failover settings are wrong": the thing that fails over, named. Not a script, runbook, plan or
    // procedure, which a team runs to fail over ("Ran the failover script", review36 H3).
    [GeneratedRegex(@"(?i)^\s+(?:config(?:uration)?s?|settings?|logic|rules?|polic(?:y|ies)|docs?|documentation|design|setup|mechanisms?|code|group|pair|partner)\b")]
    private static partial Regex FailoverThing();
}
