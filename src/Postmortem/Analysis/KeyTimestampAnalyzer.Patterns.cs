using System.Text.RegularExpressions;
using Postmortem.Ingest.Notes;

namespace Postmortem.Analysis;

// KeyTimestampAnalyzer, in part: the patterns its rules read (each with the writing it stands for).
public static partial class KeyTimestampAnalyzer
{
    // A scribe's note that a stretch has no entries ("[No entries 10:22 – 11:34]", "gap in the log") is not a window of impact.
    [GeneratedRegex(@"(?i)^\W*(?:no (?:entries|updates|notes|events|log(?:ged)?|activity)|nothing (?:logged|recorded|noted)|(?:log )?gap\b|quiet period)")]
    private static partial Regex NothingLogged();

    // A standing schedule told with its hours ("Support hours are Mon-Fri 09:00-17:00 UTC", "our office hours, 8:00–18:00", "the
    // nightly batch window runs 01:00-03:00") is no window of impact (session 35, review35b).
    [GeneratedRegex(@"(?i)\b(?:(?:support|business|office|opening|working|service desk|help ?desk|staffed|on-?call) hours|(?:batch|backup|maintenance|change|freeze) window (?:is|runs|opens)|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*(?:-|–|—|to|through|thru)\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)")]
    private static partial Regex Schedule();

    // A failure told as coming back: "and it's gone again", "the errors recurred", "failed once more".
    [GeneratedRegex(@"(?i)\b(?:again|once more|recur\w*|re-?occur\w*|relapse\w*)\b")]
    private static partial Regex Recurs();

    // The failure told as back: "it's gone again", "service dropped again", "the link went down again", "died again". Not a
    // measure falling ("latency down again", "error rate dropped again": the recovery) nor a message going out ("status
    // update out again").
    [GeneratedRegex(@"(?i)\b(?<!\b(?:latency|lag|errors?|error rates?|rates?|cpu|load|queues?|backlogs?|usage|memory|response times?|p\d\d)(?:\s+(?:is|are|was|were|has|have|had|went|gone|goes|going|came|come|comes))*\s+)(?:gone|went|goes|down|dropped|drops|died|dies|failed|fails|broke|breaks|lost|crashed|crashes|stopped|stops|(?<!\b(?:updates?|notices?|posts?|e-?mails?|comms|tweets?|messages?|notifications?|statements?)\s+)out)\b(?:\s+[\w'-]+){0,2}?\s+again\b")]
    private static partial Regex FailedAgain();

    // A return told negated in its clause: "so this does not happen again", "should never recur", "won't recur".
    [GeneratedRegex(@"(?i)\b(?:not|never|no|nor|won't|cannot|can't|doesn't|don't|didn't)\b|n't\b")]
    private static partial Regex RecurNegated();

    // A follow-up, action item or plan: "Follow-up: add an alert … so this does not recur", "to prevent it happening again".
    [GeneratedRegex(@"(?i)\b(?:follow[- ]?ups?|action items?|to ?do|so that|so this|to prevent|will|should)\b")]
    private static partial Regex PlanLine();

    // An action told as having changed nothing: "restarted auth, errors unchanged", "the failover did not help", "still failing".
    // Our own work going on is not the impact going on: "we are still looking into errors reported by a subset of users" says
    // the team keeps at it, not that the action did nothing (twenty-eighth session, OurEffortGoesOn).
    [GeneratedRegex(@"(?i)\b(?:unchanged|no change|didn't help|did not help|does not help|doesn't help|no effect|no improvement|still" + OurEffortGoesOn + @" (?:\w+ ){0,2}?(?:errors?|erroring|failing|fails|down|broken|degraded|unavailable|slow|timing out|time ?outs?|5\d\d|impact\w*|affected|seeing))\b")]
    private static partial Regex NoEffect();

    // An action told as not happening, the action its subject: "the HA failover never fired", "failover did not kick in", "the
    // rollback script failed to trigger". Not another subject ("the alert never fired") nor another verb ("never started failing").
    [GeneratedRegex(@"(?i)\b(?:fail-?over|switch-?over|roll-?back|restart|reboot|script|automation|runbook|job|cron|flag|kill switch|circuit breaker|fallback|redundancy)s?(?: [\w-]+){0,2}? (?:never|did not|didn't|failed to|would not|wouldn't|does not|doesn't) (?:fire|fired|kick in|kicked in|trigger|triggered|take effect|took effect|engage|engaged)\b")]
    private static partial Regex NeverHappened();

    // Another company's incident told as its own: its status page ("GCP status has network connectivity issues since 3:51", "AWS
    // status page shows elevated errors in us-east-1", "per Azure's status page", "their status page says"; not ours: "our status
    // page", "Status page updated"), or the provider as the subject ("our cloud provider (Google Cloud) had a network outage from
    // 3:51PM"). Only when nothing after it tells of us (OurSide): "… had a fibre cut and our network went down" is ours too.
    [GeneratedRegex(@"(?:\b(?:[A-Z]{2,}[\w&-]*|(?!(?:Our|The|Status|This|That|Their|Its|An?|Internal|Public)\b)[A-Z][\w.&-]*'s|(?!(?:Our|The|Status|This|That|Their|Its|An?|Internal|Public)\b)[A-Z][\w.&-]*(?= status ?page)|(?i:their|the (?:provider|vendor|carrier|upstream|cloud provider)'s)) (?i:status(?: ?page)?) (?i:has|had|shows|showed|says|said|reports|reported|lists|listed|confirms|confirmed|mentions|is showing|now shows|is reporting)\b(?! been\b))|\b(?i:per|according to) (?:the )?(?!(?i:our|my)\b)[A-Za-z][\w.&-]*(?:'s)? (?i:status(?: ?page)?)\b|\b(?i:(?:our|the|their) )?(?i:(?:cloud|network|hosting|upstream|dns|cdn|transit|payments?|e-?mail|sms|data ?cent(?:er|re)) )?(?i:provider|vendor|carrier|supplier)(?:'s)?(?: \([^)]{1,40}\))? (?i:had|has had|was having|suffered|experienced)\b")]
    private static partial Regex OthersIncident();

    [GeneratedRegex(@"(?i)\b(?:we|our|us|customers?|users?|clients?|merchants?|visitors?|players?)\b(?!-)")]
    private static partial Regex OurSide();

    // A telling sent out of ours: "notified customers", "posted on the status page", "emailed the affected accounts", "first
    // mentioned the problem on X" (X, Twitter's name since 2023, only as a capital letter; ours, at a clause's end: KindPhrases).
    [GeneratedRegex(@"(?i)\b(?:status ?page|notice|informed?|informing|notif(?:y|ied|ying)|e-?mail(?:ed|ing)?|posted|posting|tweeted|announced|told (?:customers|users|clients)|" + KindPhrases.OurSubjectBefore + @"mentioned(?= (?:[\w-]+ ){0,3}" + KindPhrases.OnSocialAtClauseEnd + @"))\b")]
    private static partial Regex Outbound();

    // A telling whose subject is others: "customers on Twitter posting that search is broken", "users e-mailed support".
    [GeneratedRegex(@"(?i)^\W*(?:(?:some|many|several|a few|the|two|three|affected|angry|frustrated) )?(?:customers?|users?|clients?|people|members|merchants|subscribers|shoppers|players|someone|somebody|they)\b")]
    private static partial Regex OthersTell();

    // A retelling's sign: a clock time in the text ("by 14:30 it was back"), or a length of two minutes or more ("down for 19 minutes").
    [GeneratedRegex(@"(?i)\b\d{1,2}[:.]\d{2}\b|\b\d{1,2} ?(?:am|pm)\b|\b(?:[2-9]|\d{2,}|two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty|thirty|forty|fifty|sixty|several|a few|an|one) (?:" + MomentSplitter.LengthUnits + @"|days?)\b")]
    private static partial Regex RetellingSign();

    // A recovery or an action told as only part of the whole: "a partial fix", "most instances started to recover", "back in
    // read-only mode", "bulk of the move is done", "the majority of the migration was finished", "largely complete".
    // Session 32: a count of the whole ("39 of 647 systems restored", Korean "누적 39개 시스템 복구" but not after 전체/모든, "all"), 일부
    // (some), "복구와 전환 작업은 계속 진행" (the work goes on).
    [GeneratedRegex(@"(?i)\b(?:partial(?:ly)?|(?:the )?(?:bulk|majority) of|most|mostly|largely|read-only|some of|(?<![0-9])(?<n>[0-9]+) (?:out )?of (?:the |our |all )?(?!\k<n>(?![0-9,]))[0-9][0-9,]*|(?<!(?:전체|모든)\s?|[0-9,])(?>[0-9][0-9,]*)개(?!\s?(?:모두|전부|전체))|일부|계속\s?진행|진행\s?중)\b")]
    private static partial Regex ToldPartial();

    // A recovery of a share of the whole, however fully: "95% of clients were fully restored", "half of the stores are back",
    // "all but two regions recovered". What is left out of the share was still hurt.
    [GeneratedRegex(@"(?i)(?:\b(?:[1-9]\d?(?:[.,]\d+)?|0[.,]\d+) ?(?:%|per ?cent\b|percent\b) of\b|\bhalf (?:of )?(?:the|our|all|its|their)\b|\ball but\b)")]
    private static partial Regex Proportion();

    // Work the failure held up, told done: "the backlog it left was fully worked off", "all pending webhooks were processed",
    // "queue empty, everything delivered", "finished delivering the delayed mail", "caught up on the queue". Not under way
    // ("working through the backlog"), not to come ("queued mail will be delivered"), not half done ("backlog still large").
    [GeneratedRegex(@"(?i)\b(?:backlogs?|queues?|queued|pending|delayed|held[- ]up|stuck|unsent|deferred)\b[^.;!?]{0,60}?\b(?:processed|cleared|worked (?:off|through)|drained|delivered|caught up|emptied|empty|finished|completed?|flushed|sent out)\b|\b(?:finished|completed|done) (?:processing|delivering|sending|draining|clearing|working (?:off|through))\b|\b(?:caught up (?:on|with)|cleared|drained|processed|flushed|worked (?:off|through)) (?:the |all |every |our )?(?:[\w-]+ )?(?:backlogs?|queues?|pending|delayed|queued|stuck)\b")]
    private static partial Regex BacklogDone();

    // Words that keep the held-up work from being done yet: a plan, an expectation, a part still to go.
    [GeneratedRegex(@"(?i)\b(?:will|should|would|expect\w*|once|until|being|to be|still|yet|not|never)\b|n't\b")]
    private static partial Regex NotYetDone();

    // A part of the held-up work still to go, anywhere in the message: "nearly all", "almost", "still", "most of".
    [GeneratedRegex(@"(?i)\b(?:nearly|almost|partial(?:ly)?|most(?:ly)?|still|remaining|except)\b")]
    private static partial Regex ShareLeft();

    // A recovery told of all of it: "all banking services had been restored", "every VPS is up", "everything is back".
    [GeneratedRegex(@"(?i)\b(?:all (?:of )?(?:the |our |its |their )?(?:[\w-]+ ){0,2}(?:services|systems|channels|products|features|functions|sites|regions|customers|users|clients)|every (?:[\w-]+ ){0,2}(?:service|system|channel|product|feature|site|region|customer|user|client|\w+)\b(?= (?:[\w/-]+ ){0,3}(?:is|are|was|were|has|have)\b)|everything)\b")]
    private static partial Regex AllOfIt();

    // A note after the recovery that checks, watches or closes it rather than telling it: "confirmed with all customers that
    // service is restored", "after monitoring, everything is back", "we are closing the incident".
    [GeneratedRegex(@"(?i)\b(?:confirm\w*|verif\w*|monitor\w*|watch(?:ed|ing)|observ(?:ed|ing)|clos(?:e|ed|es|ing)|all clear|post-?mortem|still|remains?|remained|stayed|stays)\b")]
    private static partial Regex Afterword();

    [GeneratedRegex(@"(?i)(?:ing|ed|es|s)$")]
    private static partial Regex ActionEnding();

    // An action told done: "the failover finished", "rollout complete", "the restart is done".
    [GeneratedRegex(@"(?i)\b(?:finished|completed?|done|succeeded|successful(?:ly)?)\b")]
    private static partial Regex Done();

    [GeneratedRegex(@"(?i)\bpaging\s+(?!me\b)\S+|\bpaged\s+(?:the\s+)?\S+\s+(?:team|on-?call|oncall|engineers?|folks)\b")]
    private static partial Regex SendsPage();

    [GeneratedRegex(@"(?i)\b(?:got|been|was|were|i'm being|am being) paged\b|\bpaged me\b")]
    private static partial Regex ReceivedPage();

    [GeneratedRegex(@"(?i)^(?:join\w*|i'm here|i am here|hopping on|jumping on|on my way|omw|logging on|getting online)$")]
    private static partial Regex Arrival();

    [GeneratedRegex(@"(?i)\b(?:" + MomentSplitter.Approximately + @")\b|~")]
    private static partial Regex Approximate();

    // A region, zone or site named in the event's words: "US West", "eu-west-1", "Singapore", "our Frankfurt region".
    [GeneratedRegex(@"\b(?:(?:US|EU|AP|Asia|North America|South America)[ -](?:West|East|Central|North|South|Pacific|Southeast|Northeast)|(?:us|eu|ap|sa|ca|me|af)-[a-z]+-\d|Europe|EMEA|APAC|LATAM|Asia|Singapore|Tokyo|Sydney|Frankfurt|London|Amsterdam|Paris|Mumbai|S[aã]o Paulo|Virginia|Oregon|Ohio|Ireland|Canada|Australia|Japan|Brazil|India|(?:one|this|that|the other|remaining|other) regions?|regions? \S+|(?:US|EU|UK) (?:location|site|data ?cent(?:er|re)|accounts|customers|users|tenants))\b")]
    private static partial Regex RegionPhrase();

    // "Errors started to improve", "services reconnecting" is the bleeding stopping, seen; not an action still under way.
    // "Site is serving again", "uploads working again": a state regained ("-ing again"), not an action still going on.
    [GeneratedRegex(@"(?i)\b(?:improv\w*|recover\w*|fell|dropped|declined|decreased|coming back|come back|returning|resum\w*|bring\w*|brought|reconnect\w*|(?:serv|work|load|respond|flow|run|sync|send|connect|process)ing again)\b")]
    private static partial Regex RecoverySign();

    // "Engineers started the failover", "a rollback had been initiated": begun, not done.
    // "Going with the rollback, starting now": the action begun at the message, not done (twenty-fourth session).
    [GeneratedRegex(@"(?i)\b(?:initiated|started|starts|began|begun|kicked off|under ?way|in progress|starting (?:now|it|the|a|an|our)|(?:now|just) starting\b(?! to\b))\b")]
    private static partial Regex UnderWay();

    [GeneratedRegex(@"(?i)^(?:(?:ok(?:ay)?|right|alright|go ahead(?: and)?|please)[,!.]?\s+)+")]
    private static partial Regex InstructionLead();

    // A question asking someone to join is a call (twenty-sixth session): "@Jordan Kim can you join?", "could someone hop on".
    // A ticket with another party is a call too: "logging a P1 with the upstream provider", "opened a case with the carrier", and
    // in the passive, "fault logged with the hardware vendor", "a case was raised with the carrier".
    [GeneratedRegex(@"(?i)\b(?:pag\w*|escalat\w*|brought|bring\w*|loop\w*|pull\w*|call\w* in|need\w*|help\w*|ask\w*|request\w*|wak\w*|woke|reach\w* out|invit\w*|involv\w*|reported|(?:can|could|would) (?:you|u|someone|somebody|anyone) (?:please )?(?:join|hop on|jump on|come (?:in|over|online))|(?:ticket|case|fault|p[0-4]|sev(?:erity)?[- ]?[0-4])(?: (?:was|has been|had been))?(?: (?:opened|raised|logged|filed|placed|lodged|submitted))? (?:with|to))\b")]
    private static partial Regex CallPhrase();

    // "The e-mail systems took longer and only recovered at 7pm": what took longer to come back was what remained. Only when
    // the sentence goes on to the coming back ("took longer to recover", "took longer, it is back up now"): "the analysis took
    // longer than planned" is a task, not a part of the service (the review's F5).
    [GeneratedRegex(@"(?i)\b(?:the\s+)?remaining\b|\bthe rest of\b|\btook (?:much |a (?:bit|little) |even |far )?longer(?=[\s,]+(?:(?:and|but)\s+)?(?:(?:only|then|finally|eventually)\s+)*(?:to\s+(?:come back|come up|come online|recover|return|be restored|restore)\b|recovered\b|came back\b|returned\b|(?:it|they)\s+(?:is|are|was|were)\s+(?:now\s+)?back\b|(?:was|were)\s+(?:only\s+)?restored\b))|\blast\s+\d+\s*%|\b(?:last|final)\s+(?:few\s+)?(?:customers|clients|users|companies|tenants|hosts|servers|nodes|shards|regions|sites|accounts)\b")]
    private static partial Regex Remaining();

    // The service itself brought back: "brought the network back", "traffic moved back onto the primary link", "site restored".
    [GeneratedRegex(@"(?i)\b(?:brought|brings?|bringing|moved|switched|put|got)\s+(?:\w+\s+){0,3}back\b|\bback\s+(?:online|up|onto|on|to normal)\b|\b(?:restored|fixed|repaired)\b")]
    private static partial Regex RestoresService();

    // "We resolved the issue", "we have fixed it", "our team restored service": the end told as the team's own action.
    [GeneratedRegex(@"(?i)\b(?:we|our (?:team|engineers))\s+(?:have\s+|had\s+)?(?:resolved|fixed|restored|repaired|corrected)\b")]
    private static partial Regex OurFix();

    [GeneratedRegex(@"(?i)\b(?:customers?|users?|clients?|visitors?|subscribers?|members?) (?:\w+ )?(?:saw|see|seeing|experienced|experiencing|met|hit)\b")]
    private static partial Regex UsersSaw();

    // Another party's report opening the sentence: "KDDI reported …", "NTT Communications said its backbone …", "the carrier stated …".
    // Each word of the party starts with a letter or digit, so the leading run of marks and the words never share a character:
    // a long run of "'", "-", "&" or "." is read once, not split every way (the review's F2).
    // Not ours either: our on-call, SRE, engineers, support, NOC, team or monitoring reporting a window is the WeSaw form (F8).
    [GeneratedRegex(@"(?i)^\W*(?!(?:we|i|our|my|us|users?|customers?|clients?|(?:the\s+)?(?:on-?call|sres?|engineers?|support|noc|ops|team|monitoring|oncall)|the\s+(?:sre|engineer)s?\s+on[\s-]call)\b)(?:\w[\w&.'-]*\s+){1,4}?(?:said|reported|stated|announced|confirmed)\b")]
    internal static partial Regex PartyReported();

    // Others talking on a channel, just before its name: "what people were saying on Twitter", "customers posting on Reddit",
    // "trending on Twitter".
    [GeneratedRegex(@"(?i)(?:\b(?:people|users|customers|clients|everyone|everybody|folks|others|fans|readers|players|the public)\b(?:\s+[\w'-]+){0,2}?\s+(?:(?:were|are|was|is|had been|have been|kept)\s+)?(?:saying|talking|posting|tweeting|complaining|writing|joking|asking|said|posted|tweeted|complained|wrote)|\btrend(?:ed|ing|s)?)(?:\s+(?:on|in|about it on|over on))\s+(?:the\s+)?$")]
    private static partial Regex OthersOnChannel();

    // A channel full of others' talk, told right after its name: "twitter going wild", "Twitter is blowing up", "reddit full of
    // angry users", "the forum flooded with reports" (no word of ours between; a state, not a post).
    // A channel the public talks on, as the whole communication phrase: "twitter", "tweets", "social media" (not "email", "status page").
    [GeneratedRegex(@"^(?i:twitter|tweets?|(?-i:X)|reddit|facebook|forums?|downdetector|social media|socials|mastodon|bluesky|linkedin|instagram|threads)$")]
    private static partial Regex OthersChannel();

    [GeneratedRegex(@"(?i)^\s{0,3}(?:(?:is|was|are|were|has been|have been|'s|’s)\s{1,3})?(?:(?:all|just|absolutely|totally|already|now)\s{1,3})?(?:going (?:wild|crazy|nuts|mad|off)|blowing up|blew up|exploding|exploded|lit up|lighting up|on fire|full of|filling up|filled with|flooded with|awash with|buzzing|abuzz)\b")]
    private static partial Regex ChannelAbuzz();

    // Our own answer to them, before the others in the clause: "replied to customers complaining on Twitter", "we answered people
    // asking on Reddit" (the review's F3).
    [GeneratedRegex(@"(?i)\b(?:repl(?:y|ies|ied|ying)|respond(?:s|ed|ing)?|answer(?:s|ed|ing)?|wrote back|got back|reached out|told|informed|updated|apologi[sz]ed)\b")]
    private static partial Regex OurAnswer();

    // The writer's own "we saw / observed / experienced …" opening the sentence, over a window "between" two times.
    [GeneratedRegex(@"(?i)^\W*we (?:\w+ )?(?:saw|observed|noticed|experienced|recorded|measured)\b.*\bbetween\b")]
    private static partial Regex WeSaw();

    // Users said to begin feeling the fault: "users began seeing these errors", "customers first felt it", "customer impact began".
    [GeneratedRegex(@"(?i)\b(?:customers?|users?|clients?|subscribers?|visitors?)\b(?: [\w'’-]+){0,2}? (?:first |initially )?(?:began|begin|begins|started|starts|start) (?:to )?(?:see|seeing|experienc\w*|notic\w*|feel\w*|hit|hitting|get|getting|receiv\w*|encounter\w*|los\w*)\b|\b(?:customers?|users?|clients?) first (?:felt|saw|noticed|experienced|hit|encountered|ran into|lost)\b|\b(?:customer|user)[- ](?:facing |visible )?impact (?:began|begins|started|starts)\b")]
    private static partial Regex UserOnset();

    [GeneratedRegex(@"(?i)\b(?:incident|outage|impact|disruption|downtime) (?:start(?:s|ed)?|begins?|began)\b")]
    private static partial Regex StartMarker();

    // The name of the procedure ("with the escalation not working"), not a call made.
    [GeneratedRegex(@"(?i)^escalations?$")]
    private static partial Regex ProcedureNamed();

    // A sentence whose subject is another company: "Our cloud provider (Google Cloud) had a network outage", "The upstream
    // carrier's fibre was cut", "A third-party DNS vendor saw errors".
    [GeneratedRegex(@"^(?i:(?:our|the|an?|one of our)\s+(?:[\w-]+\s+){0,3}?(?:provider|vendor|supplier|upstream|carrier|partner|third[- ]party)(?:'s|s)?\b)")]
    private static partial Regex ProviderSubject();

    internal static bool IsProviderSubject(string text) => ProviderSubject().IsMatch(text);

    // An estimate or an expectation of the team's: "our current estimate … is", "we (now) expect", "expected to", "ETA".
    [GeneratedRegex(@"(?i)\b(?:(?:our|the|a|current|new|revised|latest|best) estimate|estimated (?:time|completion|resolution|restoration|recovery)|(?:we|i)(?: now| still| currently)? (?:expect|anticipate|estimate|think it will|hope)|(?:is|are) (?:now )?expected to|ETA|forecast)\b")]
    private static partial Regex Forecast();

    // No user met the problem, unqualified: "no customers affected", "no customer impact", "without any user impact"; not "no
    // customers in the EU were affected", "no customer impact so far / at this time / until 10:05".
    [GeneratedRegex(@"(?i)\b(?:no (?:customers?|users?|clients?|subscribers?)(?: (?:were|was|have been|has been))? (?:affected|impacted)|no (?:customer|user|client)[- ](?:facing |visible )?impact|without (?:any )?(?:customer|user|client)[- ](?:facing |visible )?impact)\b(?!\s*(?:so far|yet|at (?:this|the moment|present)|for now|until|before|since|expected|beyond|other than|except|outside|in\b|on\b|from\b))")]
    private static partial Regex NoneAffected();

    // "Customers may see 503s": a warning of what readers might meet, not someone seeing it. Becoming aware is noticing ("we became
    // aware of packet loss", "we were made aware of failed logins"). "Find out why logins failed", "we need to find out whether
    // …": a question still to answer (an action item, a plan), not something seen; "we found out that …" is.
    [GeneratedRegex(@"(?i)(?<!\b(?:may|might|could|would|will|can) )\b(?:reports?|reported|notic\w*|sees?|saw|seeing|observ\w*|finds|find(?! out\b)|found|spott\w*|points? out|flag\w*|inform\w*|detect\w*|shows?|showed|showing|(?:became|become|becomes|becoming) aware|(?:we|i|team)(?:'re|’re| are| am| were| was| have been| had been)(?: made)? aware)\b")]
    private static partial Regex ObservedPhrase();

    // A responder's opening word in a chat that they are on it: "Looking into it now", "NOC looking now", "on it", "ok, taking a
    // look", "checking". At the message's start (after at most two short words), and not "looking good" or "looks like".
    [GeneratedRegex(@"(?i)^\W{0,3}(?:[\w'’]{1,8}[,:!.]?\s+){0,2}?(?:looking(?: (?:into|at) (?:it|this|that|these|those)| now| into it now)|(?:i'm |i am |we're |we are )?on it|having a look|taking a look|checking(?: (?:it|this|that|now))?|investigating(?: (?:it|this|that|now))?)(?![\w'’-])(?!\s+(?:good|fine|ok|okay|great|better|like|out|over|back|forward)\b)")]
    private static partial Regex OnIt();

    // The team saying it is on the problem ("We are looking into problems with some of our
    // services", "We're still hunting for the source", "Engineers continue to look into …"): the prose form of a status
    // page's Investigating label.
    [GeneratedRegex(@"(?i)\b(?:we(?:'re|’re| are)|(?:our |the )?(?:engineers|engineering team|team|teams)(?: are| is)?) (?:currently |still |now |actively )?(?:(?:continue|continues|continuing) to )?(?:looking into|look into|investigating|investigate|hunting|aware of)\b")]
    private static partial Regex LookingInto();

    [GeneratedRegex(@"(?i)\b(?:(?:knew nothing|did not know|didn't know|were unaware|was unaware|had no idea) (?:about|of) (?:[\w-]+ ){1,3}until|noticed|detected|discovered|became aware|spotted|notices|discovers|becomes aware|reali[sz]es|observed|caught|(?:begins?|began|starts?|started) (?:to )?investigat\w*|investigation (?:began|started)|were alerted|first (?:signs?|indications?|reports?))\b")]
    private static partial Regex NoticedPhrase(); // session 32: "we knew nothing about the problem until 8:40" (the moment it was learned)

    [GeneratedRegex(@"(?i)\b(?:is|are|has|have|will|can|may)\b|['’](?:re|ve|ll)\b")]
    private static partial Regex PresentVoice();

    [GeneratedRegex(@"(?i)\b(?:we|our|us)\b")]
    private static partial Regex WeVoice();

    [GeneratedRegex(@"(?i)\b(?:customers?|users?|subscribers?|you|your|sorry|apologi[sz]\w*|inconvenience|patience|updates?)\b")]
    private static partial Regex Readers();
}
