using System.Text.RegularExpressions;
using Postmortem.Model;

namespace Postmortem.Analysis;

// KeyTimestampAnalyzer, in part: what a sentence aims at or asks for is not yet done, and a join notice names who joined
// (twenty-sixth session, docs/accuracy.md "batches 21 and 22 opened").
public static partial class KeyTimestampAnalyzer
{
    /// <summary>
    /// "Our teams were at work on it, looking for the cause and bringing connectivity back", "working to get the portal back
    /// up", "trying to bring the mail server back online": the recovery named as the goal of an effort going on is neither a
    /// recovery reached nor an action that stopped the bleeding (it names no means, and no step begun). True when every recovery and mitigation
    /// word the event carries in its own text lies inside such an aim.
    /// </summary>
    private static bool OnlyAimed(TimelineEvent e)
    {
        var any = false;
        MatchCollection? aims = null;
        foreach (var x in e.Evidence)
        {
            if (x.Kind is not (EventKind.Resolution or EventKind.Mitigation))
            {
                continue;
            }

            if (x.Origin != "text")
            {
                return false;
            }

            aims ??= RecoveryAim().Matches(e.Text);
            var at = e.Text.IndexOf(x.Phrase, StringComparison.OrdinalIgnoreCase);
            // The phrase must be the aim's own "bring/get … back": "we got the queue drained and …" before it is a step done.
            if (at < 0 || !aims.Any(m => at + x.Phrase.Length > m.Groups["aim"].Index && at >= m.Index && at + x.Phrase.Length <= m.Index + m.Length))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>
    /// "The app was still down, which matches what people were saying on Twitter", "customers posting on Reddit": every
    /// communication word of the event names a channel others talk on, not an update of ours. The channel may come first:
    /// "Downdetector and twitter going wild", "twitter full of other customers" (its state told right after its name) — only
    /// where the phrase is the name of such a channel: "an email full of workaround steps", "our status page is lit up red" are ours.
    /// </summary>
    private static bool OthersTalk(TimelineEvent e) =>
        e.Evidence.Where(x => x.Kind == EventKind.Communication && x.Origin == "text").ToList() is { Count: > 0 } told
        && told.Count == e.Evidence.Count(x => x.Kind == EventKind.Communication)
        && told.All(x => Occurrences(e.Text, x.Phrase).ToList() is { Count: > 0 } all
            && all.All(at => OthersAt(ClauseBefore(e.Text, at)) || (OthersChannel().IsMatch(x.Phrase) && ChannelAbuzz().IsMatch(e.Text.AsSpan(at + x.Phrase.Length)))));

    // Every place the phrase stands in the text: "folks complaining on twitter, I replied on twitter" names the channel twice.
    private static IEnumerable<int> Occurrences(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0 && phrase.Length > 0; at = text.IndexOf(phrase, at + phrase.Length, StringComparison.OrdinalIgnoreCase))
        {
            yield return at;
        }
    }

    // Others talking, with no answer of ours before them in the clause ("replied to customers complaining on").
    private static bool OthersAt(string clause) =>
        OthersOnChannel().Match(clause) is { Success: true } others && !OurAnswer().IsMatch(clause.AsSpan(0, others.Index));

    /// <summary>
    /// "IC. joanne please get something on the status page", "can someone update the status page?": a request for an update
    /// is the update asked for, not sent; the communication is when it goes out. A sending told after the request ("we need to
    /// update customers hourly and posted the first status page update") is the update.
    /// </summary>
    private static bool AskedToPost(TimelineEvent e) =>
        e.Evidence.Where(x => x.Kind == EventKind.Communication).ToList() is { Count: > 0 } told
        && told.All(x => e.Text.IndexOf(x.Phrase, StringComparison.OrdinalIgnoreCase) is var at and >= 0
            && RequestToPost().Match(ClauseBefore(e.Text, at)) is { Success: true } asked
            && !PostedAfter().IsMatch(ClauseBefore(e.Text, at)[(asked.Index + asked.Length)..]));

    /// <summary>
    /// "-!- joanne.t [@joanne.t:chat.example] has joined #ops", "Ana joined the call": a join notice with no author whose
    /// subject is the first responder is their own arrival, not someone brought in. "bob from the db team joined the bridge at
    /// ana's request" names the first responder too, but someone else joined.
    /// </summary>
    private static bool ResponderJoins(TimelineEvent e, string? firstResponder) =>
        e.Actor is null && firstResponder is { Length: > 1 }
        && e.Evidence.Where(x => x.Kind == EventKind.Escalation).ToList() is { Count: > 0 } calls && calls.All(x => Arrival().IsMatch(x.Phrase))
        && OpensWith(e.Text, firstResponder);

    // The text's subject is the name: the name first after any marks ("-!- ", "* ", "@"), a whole word, not a possessive ("ana's").
    private static bool OpensWith(string text, string name)
    {
        var at = 0;
        while (at < text.Length && !char.IsLetterOrDigit(text[at]))
        {
            at++;
        }

        var end = at + name.Length;
        return text.AsSpan(at).StartsWith(name, StringComparison.OrdinalIgnoreCase)
            && (end == text.Length || (!char.IsLetterOrDigit(text[end]) && text[end] is not ('\'' or '’')));
    }

    // The recovery as the goal of work going on: an effort told in the same sentence ("working", "at work on it", "trying",
    // "attempting", "busy") and then bringing or getting something back: "at work on it …, looking for the cause and bringing
    // connectivity back", "working to get the mail service back online", "still trying to get payments back up". Not the result
    // of a done action ("rotated our server IP, bringing all systems back up") nor a restoration begun ("we are starting to
    // bring services back"): those are the action, as before.
    // An effort over ("after working through the night", "was able to", "managed to", "which did bring", "finally", a past tense
    // between) is the recovery reached, the stretch between effort and "bring/get" stays up to 120 characters (48 lost belnet-2016-08-02, the case the rule was made for).
    [GeneratedRegex(@"(?i)(?<!\bafter\s+)\b(?:working|at work|works? (?:to|on)|trying|tried to|attempting|attempted to|striving|busy|racing to|pushing to|focused on)\b(?:(?!\b(?:able|managed|which|finally|eventually|did|got|was|were|had|\w{2,}ed)\b)[^.;!?]){0,120}?\b(?<aim>bringing|getting|bring|get)\s+(?:[\w/.&'-]+\s+){0,4}?(?:back|online)(?:\s+(?:up|online|to normal|again))?\b")]
    private static partial Regex RecoveryAim();

    // A sending told after a request, in the same clause: "… and posted the first update", "so I published a notice".
    [GeneratedRegex(@"(?i)\b(?:posted|sent|published|updated|e-?mailed|tweeted|notified|announced|shared|done)\b")]
    private static partial Regex PostedAfter();

    // A request for an update: "please get something on", "can someone post", "we should update", "need to send".
    [GeneratedRegex(@"(?i)\b(?:please|pls|plz|can (?:you|someone|somebody|we|u)|could (?:you|someone|somebody|we)|(?:someone|somebody|we) (?:should|needs? to|must)|let'?s|need to)\s+(?:\w+\s+){0,2}?(?:get|put|post|update|send|write|draft|tweet|e-?mail|notify|publish)\b")]
    private static partial Regex RequestToPost();

    /// <summary>
    /// "Find out why logins were briefly unavailable", "To do: work out how the API went down": a task that names the impact as
    /// what to explain is a follow-up written after it, not the impact reported again (a line that opens with the imperative of
    /// finding out). "Investigating why checkout is failing again" reports it and is not one.
    /// </summary>
    private static bool ToDoAboutImpact(string text) => ToDoInquiry().IsMatch(text);

    [GeneratedRegex(@"(?i)^\W*(?:(?:to ?do|follow[- ]?up|action(?: item)?|next steps?)\s*[:\-–]\s*)?(?:find out|work out|figure out|understand|determine|explain|document|establish)\s+(?:why|how|what|whether|when)\b")]
    private static partial Regex ToDoInquiry();
}
