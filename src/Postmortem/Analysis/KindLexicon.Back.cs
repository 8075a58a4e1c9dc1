using System.Text.RegularExpressions;

namespace Postmortem.Analysis;

// KindLexicon, in part: what a recovery phrase told as something "back" says came back (thirty-second session, review31 F1, F3)
// and the partial recoveries of French and German (review31 F8).
public sealed partial class KindLexicon
{
    /// <summary>What a recovery told as "… is back" / "came back" / "back online" says about the end.</summary>
    private enum BackReading
    {
        /// <summary>The service back, or a level regained: the recovery as read so far.</summary>
        End,

        /// <summary>The trouble back: "errors are back", "error rates are back up to 30%", "the error rate is back above 5%".</summary>
        Relapse,

        /// <summary>A measure at a number, or a load measure up again: "latency is back to 4 s", "CPU is back above 90%".</summary>
        Level,

        /// <summary>A person back: "Dan is back online and looking into it", "Priya is back from lunch", "I'm back".</summary>
        Person,

        /// <summary>Another party telling of its own thing: "Cloudflare says their edge network is back", "AWS reports the region is back".</summary>
        Theirs,
    }

    /// <summary>
    /// What a Resolution or Mitigation phrase that tells something back says, from the words before it in its clause
    /// (<paramref name="before"/>) and the text after it (<paramref name="after"/>).
    /// </summary>
    private static BackReading ReadBack(string phrase, ReadOnlySpan<char> before, ReadOnlySpan<char> after)
    {
        if (!ToldBack().IsMatch(phrase))
        {
            // "Rolling back", "brought the DB back": an action, not something told back (a person's "I'm rolling back" is ours).
            return TheirsTold(before) ? BackReading.Theirs : BackReading.End;
        }

        var backUp = phrase.Equals("back up", StringComparison.OrdinalIgnoreCase);
        if (backUp || ReturnedVerb().IsMatch(phrase))
        {
            if (RelapseSubject().IsMatch(before))
            {
                // "Error rates are back up to 30%", "5xx back up" are the trouble again; "latency is back to 4 s" a level, good or
                // bad; "back to normal", "back under 1%", "back to 0" the level regained.
                return backUp ? BackReading.Relapse : GoodLevel().IsMatch(after) ? BackReading.End : NumberLevel().IsMatch(after) ? BackReading.Level
                    : BackToLevel().IsMatch(after) && !UpAgain().IsMatch(after) ? BackReading.End : BackReading.Relapse;
            }

            var measure = MeasureSubject().IsMatch(before);
            if (measure && (backUp || NumberLevel().IsMatch(after) || UpAgain().IsMatch(after)))
            {
                return BackReading.Level; // "CPU is back above 90%", "load is back to 40": a measure, neither impact nor its end.
            }

            if (!measure && !backUp && DownAgain().IsMatch(after))
            {
                return BackReading.Relapse; // "Checkout is back down for EU users": the service down again ("errors back down" is above).
            }
        }

        if (PersonBefore().IsMatch(before) || PersonAfter().IsMatch(after))
        {
            return BackReading.Person;
        }

        return TheirsTold(before) ? BackReading.Theirs : BackReading.End;
    }

    // Something told back, the subject before: "is back", "came back", "back online", "back up".
    [GeneratedRegex(@"(?i)^(?:(?:is|are|was|were|came|come|comes)\s+)?back(?:\s+(?:up|online))?$")]
    private static partial Regex ToldBack();

    // The impact as the subject of "is back" / "came back", a measure of it and a short place between: "errors", "error rates",
    // "the 5xx rate", "the errors on checkout", "timeouts in EU". Fixed words, each optional part once: linear.
    [GeneratedRegex(@"(?i)\b(?:errors?|5xx|4xx|50\d(?:s|'s)?|[45]\d\d(?:s|'s)|failures?|timeouts?|problems?|issues?|outages?|latenc(?:y|ies)|spikes?|alerts?|alarms?|crash(?:es)?|the bug|exceptions?|retries|packet loss|drops|response times?)(?:\s+(?:rates?|ratios?|levels?|counts?|spikes?|percentages?|numbers?|volumes?))?(?:\s+(?:on|in|for|from|at|across)\s+(?:the\s+|our\s+)?[\w-]+)?\s+(?:(?:now|all|also|then|suddenly)\s+)?$")]
    private static partial Regex RelapseSubject();

    // A measure of load rather than of impact: "CPU", "memory usage", "the queue depth on db-1".
    [GeneratedRegex(@"(?i)\b(?:cpu|load|memory|disk(?:\s+usage)?|queue(?:\s+(?:depth|length|size))?|lag|p50|p9\d|heap|traffic|usage|utili[sz]ation|temperatures?|requests|throughput|volume)(?:\s+(?:usage|utili[sz]ation|levels?|pressure))?(?:\s+(?:on|in|for|at|across)\s+(?:the\s+|our\s+)?[\w-]+)?\s+(?:(?:now|all|also|then)\s+)?$")]
    private static partial Regex MeasureSubject();

    // A level that is the normal one: "back to normal", "back at baseline", "back to pre-incident levels", "back to 0", "back under 1%".
    [GeneratedRegex(@"(?i)^\s+(?:(?:to|at)\s+(?:(?:its|their|the|our|a|an)\s+)?(?:normal|usual|baseline|expected|healthy|nominal|typical|regular|historical|pre-?incident|pre-?outage|previous|acceptable|green|zero|where|what)\b|(?:to|at)\s+0(?![.,]?\d)|(?:under|below|within|down)\b)")]
    private static partial Regex GoodLevel();

    // A number as the level: "back to 4 s", "back at 40%", "back to about 30%".
    [GeneratedRegex(@"(?i)^\s+(?:to|at)\s+(?:(?:about|around|roughly|approximately|nearly|almost|over|~)\s*)?\d")]
    private static partial Regex NumberLevel();

    // Down again, not down to a level: "back down for EU users", "back down again".
    [GeneratedRegex(@"(?i)^\s+down\b(?!\s+(?:to|at|below|under|from)\b)")]
    private static partial Regex DownAgain();

    // Up again: "back up to 30%", "back above 5%", "back over 2 s", "back higher".
    [GeneratedRegex(@"(?i)^\s+(?:up|above|over|higher)\b")]
    private static partial Regex UpAgain();

    // "I'm back", "she's back online", "he is back": a person by pronoun ("they're back" is as often the servers).
    [GeneratedRegex(@"(?i)\b(?:i['’]?m|i\s+am|he['’]?s|she['’]?s|he|she)\s+$")]
    private static partial Regex PersonBefore();

    // A person by what follows: back from a break, on the call, or back "and" doing what only people do, with no new subject
    // ("Dan is back online and looking into it"; "checkout is back up, investigating the cause" is our end and our work).
    [GeneratedRegex(@"(?i)^(?:\s+online)?(?:\s+(?:now|too))?(?:\s+(?:from|after)\s+(?:(?:his|her|their|my|a|the)\s+)?(?:lunch|break|holiday|vacation|leave|pto|dinner|breakfast|coffee|meeting|call|dentist|doctor|gym|appointment|weekend|school run|commute|trip|sick leave|stand-?up)\b|\s+(?:on|in|at)\s+(?:the\s+|his\s+|her\s+|their\s+|my\s+)?(?:call|bridge|channel|office|desk|zoom|huddle|war ?room)\b|\s+(?:and|&)\s+(?:(?:is|now)\s+)?(?:looking\s+(?:into|at)|investigating|digging\s+in|taking\s+(?:a\s+look|point|comms|command|the\s+lead|over\s+(?:comms|command|as|from|ic)\b)|on\s+it\b|picking\s+(?:it|this)\s+up))")]
    private static partial Regex PersonAfter();

    /// <summary>
    /// Another party telling of its own thing, up to the recovery phrase: "Cloudflare says their edge network", "the provider
    /// confirmed that its API", "AWS reports the region". Their word about their system is not our users' impact ended (the end is
    /// when our impact ends, Corpus/README.md): a provider's recovery told as a fact ("the carrier restored the link") still is,
    /// and the impact told after it keeps the end later. Customers or our own people telling of theirs are not another party.
    /// </summary>
    private static bool TheirsTold(ReadOnlySpan<char> before)
    {
        foreach (var m in PartyTells().EnumerateMatches(before))
        {
            var who = before[m.Index..];
            var end = who.IndexOfAny(' ', '\t');
            if (end > 0 && !NotAParty().IsMatch(who[..end]))
            {
                return true;
            }
        }

        return false;
    }

    // Who tells, the verb of telling, then "their" and at most four words ("Cloudflare says their edge network", "the carrier
    // reported that their backbone"); a party word with "its" ("the provider confirmed that its API"); a party word or a provider
    // named, in the present of notes, with "the" ("AWS reports the region", "the datacenter tells us the AC"). A company telling
    // of its own systems in a news write-up ("OCBC said its card services were working again") is the incident's own recovery:
    // "its" and "the" only after a party word or a provider. Bounded, linear.
    [GeneratedRegex(@"(?i)(?<![\w.&'’-])[\w.&'’-]+\s+" + TellsAny + @"\s+(?:that\s+)?their\s+(?:[\w-]+\s+){0,4}$|\b" + PartyWords + @"(?:['’]s)?(?:\s+(?:status\s+page|support|team))?\s+" + TellsAny + @"\s+(?:that\s+)?its\s+(?:[\w-]+\s+){0,4}$|\b(?:" + PartyWords + @"|aws|amazon|azure|microsoft|google|gcp|cloudflare|fastly|akamai|stripe|twilio|github|heroku|digitalocean|linode|ovh|hetzner|vercel|netlify|okta|auth0|salesforce|atlassian|sendgrid|mailgun|oracle|equinix)(?:['’]s)?(?:\s+(?:status\s+page|support|team))?\s+(?:says|reports|confirms|announces|states|posts|claims|tells\s+us)\s+(?:that\s+)?the\s+(?:[\w-]+\s+){0,4}$")]
    private static partial Regex PartyTells();

    private const string TellsAny = @"(?:says?|said|reports?|reported|confirms?|confirmed|announced|announces|posted|posts|states?|stated|claims?|claimed|tells\s+us|told\s+us)";

    private const string PartyWords = @"(?:provider|vendor|upstream|supplier|carrier|isp|host(?:ing company)?|data ?cent(?:er|re)|partner|third[- ]party)";

    // Not another party: customers tell of our service as they see it, and our own people of ours.
    [GeneratedRegex(@"(?i)^(?:customers?|users?|clients?|merchants?|members|players|people|everyone|everybody|we|i|it|he|she|team|engineers?|ops|sres?|on-?call|staff|support|monitoring|dashboards?|grafana|datadog|pingdom|officials?|spokes(?:wo)?m[ae]n|spokesperson|company|firm|airline|bank|management|executives?|ceo|cto|cio)$")]
    private static partial Regex NotAParty();

    // French and German partial recoveries beside the English Partial() (review31 F8): "partiellement rétabli", "en partie",
    // "rétabli pour la plupart des clients", "… toujours en panne pour Lyon"; "teilweise wiederhergestellt", "größtenteils wieder
    // erreichbar", "noch gestört". Not the gradual words ("le trafic a repris progressivement", "peu à peu", "schrittweise"),
    // which the French reading (Judgement30Tests) keeps as the end. Fixed words: linear.
    [GeneratedRegex(@"(?i)\b(?:partiellement|partiel(?:le)?s?|en partie|la plupart|majorité|certaine?s|quelques|sauf|excepté|hormis|à l['’]exception|(?:toujours|encore)\s+(?:en panne|indisponibles?|inaccessibles?|perturbée?s?|coupée?s?|hors service|hors ligne|bloquée?s?|dégradée?s?|affectée?s?|touchée?s?|impactée?s?|en cours|en attente)|teilweise|größtenteils|grösstenteils|weitgehend|zum Teil|überwiegend|eingeschränkt|einige|bis auf|ausgenommen|(?:noch|weiterhin|immer noch)\s+(?:gestört|ausgefallen|betroffen|offline|down|nicht erreichbar))\b")]
    private static partial Regex ForeignPartial();

    // A recovery or a step told as a forecast (thirty-second session): "ETA 15:30 for full recovery", "we expect full recovery by
    // 15:00", "full recovery expected around 15:00", "rollback ETA 10:00". "As expected" and "than expected" tell what happened.
    [GeneratedRegex(@"(?i)(?<!\b(?:as|than)\s)\b(?:eta|etr|expected|expect|expects|expecting|estimated|anticipated|projected|forecast)\b(?:\s+[^\s,.;!?]+){0,4}\s+$")]
    private static partial Regex ForecastBefore();

    [GeneratedRegex(@"(?i)^\s*(?:(?:is|are|was|were|now|currently|still)\s+)*(?:expected|estimated|anticipated|projected|forecast|eta|etr)\b")]
    private static partial Regex ForecastAfter();
}
