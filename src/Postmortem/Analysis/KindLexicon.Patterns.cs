using System.Text.RegularExpressions;

namespace Postmortem.Analysis;

// KindLexicon, in part: the patterns of its clause reading (negation, plans, partial recoveries, other parties …).
public sealed partial class KindLexicon
{
    [GeneratedRegex(@"(?i)\b(?:the|all|any|every|those|these|our|its|their|some|other|remaining|to|of|with|for)\s+$")]
    private static partial Regex AffectedDeterminer();

    // A noun after it: "affected router", "affected Kubernetes pods"; not "affected by", "affected in", "affected and".
    [GeneratedRegex(@"(?i)^\s+(?!(?:by|in|at|on|as|and|or|since|from|for|to|with|until|between|during|when|while|but|so|because|is|are|was|were)\b)[a-z]")]
    private static partial Regex AffectedNoun();

    [GeneratedRegex(@"(?i)\b(?:what|which|whether|who)\s+(?:\w+\s+){0,3}(?:is|are|was|were|had been|has been|have been)\s+$")]
    private static partial Regex WhatWasHit();

    [GeneratedRegex(@"(?i)\b(?:fail(?:s|ed|ing)? ?over|failover)\b")]
    private static partial Regex OwnFailover();

    // Done by someone, told in the passive: "your VPS has been restarted on another host".
    [GeneratedRegex(@"(?i)\b(?:been|was|were|is|are|be|being|got|get|gets)\s+(?:\w+\s+)?$")]
    private static partial Regex Passive();

    // A failover or restart as an event rather than a plan or a step of a named procedure.
    [GeneratedRegex(@"(?i)^(?:fail(?:s|ed|ing)? ?over|failover|restart(?:s|ed|ing)?|reboot(?:s|ed|ing)?)$")]
    private static partial Regex SwitchVerb();

    // Something failed over or restarted: "restarting the other hosts", "failed them over", "rebooted it".
    [GeneratedRegex(@"(?i)^\s+(?:the|a|an|it|them|this|that|these|those|our|all|every|each|both|its|their|his|her|my|some|\d)\b")]
    private static partial Regex SwitchObject();

    // Someone who does it: "we failed over", "engineers restarted", "I'm restarting".
    [GeneratedRegex(@"(?i)\b(?:we|i|i'm|we're|we've|you|engineers?|team|teams|ops|operators?|on-?calls?|SREs?|admins?|staff|responders?|someone|somebody|manually|by hand)\b")]
    private static partial Regex Doer();

    // The failure told before or with it ("took the zone offline", "DOWN since 10:50", "keeps crashing"), or the switch told as
    // the cause ("findings point to a line card reboot", "the reboot was set off by a software bug").
    [GeneratedRegex(@"(?i)\b(?:down|offline|outage|crash\w*|died|dies|dying|killed|panick?\w*|faults?|faulty|failures?|(?:failed|fails|failing)(?! ?over)|lost|unreachable|overheat\w*|shut (?:off|down)|power cut|bugs?|root cause|caused by|set off by|triggered by|due to|points? to|pointed to)\b")]
    private static partial Regex Fault();

    [GeneratedRegex(@"^\s*(?:\*\*)?(?<label>Investigating|Identified|Monitoring|Resolved|Updated?|Postmortem|Scheduled|In progress|Completed|Verifying)(?:\*\*)?\s*(?:[-–—:|]\s|$)")]
    private static partial Regex StatusLabel();

    [GeneratedRegex(@"(?i)\bstatus(?: ?page)?\s+(?:(?:back|over|again)\s+)?(?:to|as)\s+['""‘“](?<label>investigating|identified|monitoring|resolved)\b")]
    private static partial Regex QuotedStatusLabel();

    // Chat drops the apostrophe ("we dont need the network team on this", "didnt help"); a typographic one is one too (review29 F3).
    [GeneratedRegex(@"(?i)\b(?:no|not|never|cannot|can not|without|nothing|nobody|neither|nor|didn't|did not|wasn't|weren't|hadn't|hasn't|haven't|isn't|aren't|don't|doesn't|couldn't|won't|didnt|dont|doesnt|wasnt|werent|hadnt|hasnt|havent|isnt|arent|couldnt|wont|cant|prior to|before any|fail(?:s|ed)? to)\b|n['’]t\b")]
    private static partial Regex Negation();

    // French negation and future (review30 F4): "n'est pas encore rétabli", "ne reprend pas", "toujours pas", "sera rétabli vers
    // 11h", "devrait être rétabli", "rétablissement prévu"; German (s31-open): "noch nicht wieder erreichbar", "kein Neustart", "wird
    // voraussichtlich wieder verfügbar", "soll … wieder laufen". Linear: fixed words, no nested repeat.
    // "ne" and "n'" in lower case only (review31 F5): "NE" is north-east or a region code in English ("Crews in NE Ohio restored
    // power"), and this window is read before every phrase of every kind; a sentence opening "Ne"/"N'" still has its "pas".
    [GeneratedRegex(@"(?i)\b(?:(?-i:ne\s+\w|n['’]\w)|(?:pas|jamais|sera|seront|serait|seraient|devrait|devraient|doit|doivent|prévue?s?|d['’]ici|nicht|kein(?:e|en|er|em)?|nie|wird|werden|soll|sollte|sollen|voraussichtlich)\b)")]
    private static partial Regex FrenchNegation();

    // "Le trafic reprend pas", "retour à la normale prévu vers 11h": a French negation or forecast right after the phrase; with
    // its auxiliary too, "Le retour du service est prévu vers 11h", "… estimé à 11h" (review31 F7). German tells the plan after
    // the noun (review31 F10): "Neustart der Datenbank geplant für 10 Uhr", "Normalbetrieb ab 12 Uhr erwartet". Linear: the
    // repeat takes whole words, each ended by a space.
    [GeneratedRegex(@"(?i)^\s*(?:(?:est|sont|reste|restent)\s+)?(?:pas|jamais|prévue?s?|attendue?s?|envisagée?s?|estimée?s?|programmée?s?)\b|^\s*(?:interviendra|aura lieu|dans la journée)\b|^\s*(?:\S+\s+){0,3}(?:geplant|vorgesehen|erwartet|angesetzt|angekündigt)\b|^\s*(?:ab|bis)\s+\d")]
    private static partial Regex FrenchNotAfter();

    // A Japanese or Chinese recovery run that says "not (yet)" or tells a plan (review31 F4): "まだ正常に戻っていません",
    // "正常に稼働していない", "復旧完了予定時刻は未定です", "支付服务尚未恢复正常". The built-in CJK phrases take the whole run
    // of word characters around the stem, so the negation is inside the phrase.
    [GeneratedRegex(@"ない|ません|ず[、。]|ずに|予定|見込み|目処|未定|次第|尚未|还没|没有|未恢复")]
    private static partial Regex CjkNotYet();

    // What watches or configures the service rather than is it: "all monitors were back on", "the alerts are back on", "feature
    // flags were back on" (review30 F9). Switched back on, they are neither the service back nor the impact returning.
    [GeneratedRegex(@"(?i)\b(?:alerts?|alerting|alarms?|monitors?|monitoring|checks?|probes?|pagers?|paging|flags?|toggles?|notifications?|dashboards?)\s+(?:(?:now|all)\s+)?$")]
    private static partial Regex WatchSubject();

    [GeneratedRegex(@"(?i)^\s+on\b(?!\s+(?:the|a|an|our|their|its|track|time|schedule|line)\b)")]
    private static partial Regex SwitchedOnAfter();

    // Session 34: Japanese 一部 (a part), 順次 / 徐々に / 段階的 (by degrees), inside a run of CJK letters with no \b around them.
    // Session 32: a count of the whole ("30 of 647 services restored", Korean "647개 가운데 30개", "누적 39개 시스템" — a count, not "전체"/"모든" (all) — "일부" some, "단계적으로" in stages).
    [GeneratedRegex(@"(?i)\b(?:except|(?<![0-9])(?<n>[0-9]+) (?:out )?of (?:the |our |all )?(?!\k<n>(?![0-9,]))[0-9][0-9,]*|(?<!(?:전체|모든)\s?|[0-9,])(?>[0-9][0-9,]*)개(?!\s?(?:모두|전부|전체))|일부|단계적\w*|apart from|other than|but (?:the|for)|partial\w*|partly|some|most|mostly|majority|nearly|almost|largely|subset|a few|small (?:number|set|group|part|portion|fraction)|begin\w*|began|beginning|start(?:ed|ing)? to|gradual\w*|slowly|step[- ]by[- ]step|bit by bit|little by little|not yet|yet to|one by one|piece by piece|in stages|signs? of|in progress|towards? (?:a )?(?:complete|full)|left ?over|first(?!\s+time)|initial(?:ly)?|still (?:being|not|has|have|had|holds?|held|processing|draining|delayed|affected|seeing|working through|blocked|down|failing|broken|unavailable|degraded|impacted|disabled|offline|stuck|missing|erroring|to (?:work through|process|clear|drain)))\b|一部|順次|徐々に|段階的")]
    private static partial Regex Partial();

    // "A server was restarted by mistake", "an engineer accidentally rolled back the wrong cluster": a step done in error is the
    // change that hurt, not the bleeding stopped (session 32).
    [GeneratedRegex(@"(?i)^\s*(?:[\w-]+\s+){0,3}?(?:by mistake|by accident|in error(?=\s*(?:$|[,.;!?]))|accidentally|mistakenly|inadvertently|unintentionally|erroneously)\b")]
    private static partial Regex ByMistakeAfter();

    [GeneratedRegex(@"(?i)\b(?:accidentally|mistakenly|inadvertently|unintentionally|erroneously|wrongly)\s+(?:[\w-]+\s+)?$")]
    private static partial Regex ByMistakeBefore();

    // Work still to do on the rest: "the remaining servers will be started", "starting the remaining servers", "the rest of the fleet is being restored".
    [GeneratedRegex(@"(?i)\b(?:the )?(?:remaining|rest of the) (?:[\w-]+ ){0,2}(?:will|are being|is being|are still|is still|still need|have yet|has yet|to be|need to)\b|\b(?:start|restart|bring|boot|recover|restor|migrat|reconnect|power)\w* (?:up |back |on )?(?:the |all )?(?:remaining|rest of)\b")]
    private static partial Regex RemainingWork();

    // A recovery seen ("performance is better but still degraded"): improvement, however partial, is not an action that failed.
    [GeneratedRegex(@"(?i)\b(?:better|improv\w*|recover\w*|fell|dropped|declined|decreased|falling|dropping|declining|decreasing)\b")]
    private static partial Regex Improvement();

    // A mitigation that undoes a change: "reverted", "rolled the upgrade back", "backed out".
    [GeneratedRegex(@"(?i)\b(?:revert\w*|roll\w*(?: \w+){0,3}[- ]?back|rollback|back(?:ed|ing|s)?\b.*\bout|back-?out|undo\w*|undid)\b")]
    private static partial Regex Undo();

    // Work the failure held up, named as what is being or has been worked off: "working through the backlog", "the backlog should
    // clear within 20 minutes", "the backlog of webhooks started to be processed", "with a backlog still to work through". The
    // word names the work, not impact told at that moment; "a backlog built up", "emails were delayed" still are.
    [GeneratedRegex(@"(?i)^(?:backlog\w*|delay(?:ed)?)$")]
    private static partial Regex HeldUpWord();

    [GeneratedRegex(@"(?i)\b(?:work(?:s|ed|ing)? (?:off|through|down)|chew(?:s|ed|ing)? through|clear(?:s|ed|ing)?|process(?:es|ed|ing)?|drain(?:s|ed|ing)?|flush(?:es|ed|ing)?|deliver(?:s|ed|ing|y|ies)?(?: of)?|catch(?:es|ing)? up on|caught up on)\s+(?:the|a|an|our|its|their|any|all|this|that|these|those)\s+(?:[\w-]+\s+){0,2}$")]
    private static partial Regex WorkingOff();

    [GeneratedRegex(@"(?i)^(?:\s+(?!(?:not|never|and|but|while|then|before|until|after|for|grew|grows|growing|built|builds|building|piled|reached|hit|kept)\b)[\w'-]+){0,4}?\s+(?:(?:has|have|had|was|were|is|are|should|will|would|can|could|started to|began to|still to)\s+)?(?:(?:now|since|all|fully|finally|then|be|been|being)\s+)*(?:clear(?:ed|s|ing)?|processed|drained|emptied|delivered|caught up|worked (?:off|through)|work(?:ed)? through|(?:be )?processed)\b")]
    private static partial Regex BeingWorkedOff();

    // Harm avoided, not impact: told as luck ("Thankfully the corrupted invoices were never sent"), or what never went out or was
    // stopped is itself the harm ("the bad config was never synced", "the breaker stopped the bad requests from reaching the database").
    [GeneratedRegex(@"(?i)\b(?:thankfully|luckily|fortunately|happily|mercifully)\b")]
    private static partial Regex Luck();

    [GeneratedRegex(@"(?i)\b(?:bad|corrupt\w*|faulty|wrong|broken|duplicat\w*|malicious|erroneous|invalid|bogus|spurious|malformed|incorrect|rogue|poison\w*|harmful|unwanted|spam\w*|fraudulent)\b")]
    private static partial Regex HarmfulThing();

    [GeneratedRegex(@"(?i)^(?:never|stopped)\b")]
    private static partial Regex AvoidedWord();

    // A responder's obstacle, not users' impact: "the on-call engineer had no access to the runbook", "we had no power to change their DNS".
    [GeneratedRegex(@"(?i)\b(?:we|i|on-?call\w*|engineers?|responders?|SREs?|operators?|admins?|administrators?|developers?|(?:the|our) team|incident commander)\s+(?:\w+\s+)?$")]
    private static partial Regex ResponderSubject();

    [GeneratedRegex(@"(?i)^\s+to\s+(?!(?:the|a|an|our|their|its|all|some|most|half|every|each)\b)[a-z]+\b")]
    private static partial Regex AbilityTo();

    [GeneratedRegex(@"(?i)\b(?:fully|completely|entirely)\b")]
    private static partial Regex Whole();

    // A recovery still awaited in the same clause: "will take 10 minutes for everyone to come back", "working to get things back to normal", "until latency has recovered",
    // or only supposed: "should have been redeployed once deployments were back", or on its way: "it is coming back up". A "once"
    // clause told in the past and closed by a comma is a fact, not a wait: "Once those tasks were stopped, services went back to normal";
    // a present passive or perfect is still a wait: "Once the hotfix is deployed, checkout should be back", "once it has been patched, …".
    [GeneratedRegex(@"(?i)\b(?:will|should(?!\s+(?:now\s+)?(?:all\s+|fully\s+|again\s+)?be\s+$)|once(?!\s+(?:[\w'-]+\s+){1,5}?(?:was|were|had|(?<!\b(?:is|are|am|be|been|being|get|gets|has|have)\s+)\w+ed)\b[^,;]{0,80},)|working to|work to|until|expect(?:ed|s)? to|hop(?:e|es|ed|ing) to|aim(?:s|ed|ing)? to|in order to|(?:for|want|wait(?:ing)? for) (?:\w+ ){1,3}to)\b|\b(?:coming|getting|starting to come)\s*$|\b\w+ed(?:\s+[\w'-]+){1,4}\s+to\s+$")]
    private static partial Regex Awaited();

    // Words that make the phrase a plan rather than a fact ("preparing to roll back", "will fail over"), or an effort still towards
    // it ("technicians are working to bring the system back", "crews work to restore power", "in an effort to reroute").
    // An obligation in the present ("I think we have to fail over", "we must roll back") is the action still to do; "had to" told it done, and "must have" is a guess at the past.
    [GeneratedRegex(@"(?i)(?:'ll|’ll)\b|\b(?:plan\w*|prepar\w*|will|would|gonna|let me|let's|about to|hold(?:s|ing)? off|held off|could|should|going to|intend\w*|consider\w*|discuss\w*|propos\w*|in case|needs? to|(?:have|has) to|must(?! have\b)|ought to|gotta|attempt\w*|tried|try(?:ing)?|working(?: hard| urgently| around the clock)? to|work to|efforts? to|option|ready to|in order to|to prevent|to avoid|make sure|ensure|to (?:confirm|verify|check)|whether|can (?:you|someone|somebody|we)|please)\b")]
    private static partial Regex Intent();

    [GeneratedRegex(@"(?i)^(?:working|work|efforts?)\b")]
    private static partial Regex EffortWords();

    // The clause after an effort's action telling it done: "efforts to roll back the release succeeded", "… worked", "… was complete".
    [GeneratedRegex(@"(?i)\b(?:succeeded|worked|completed|finished|paid off|took effect|successful(?:ly)?|(?:is|are|was|were|been) (?:now )?(?:complete|done|finished))\b")]
    private static partial Regex Completed();

    // A phrase opening with a past-tense verb: the clause's own main verb, not the one after an effort's "to".
    [GeneratedRegex(@"(?i)^(?:\w+ed|brought|took|put|shut|cut|ran|rebuilt|spun|split|set|sent|swung)\b")]
    private static partial Regex PastVerb();

    [GeneratedRegex(@"(?i)^\W*(?:@?[\w.-]+[:,]\s+)?(?:i'll|i’ll|we'll|we’ll|i will|we will|i'm going to|we're going to|going to|gonna|let me|let's|can (?:you|someone|somebody|we)|could (?:you|someone|somebody)|please)\b")]
    private static partial Regex PlanLead();

    // "Incident declared resolved": declaring the end is not bringing people in.
    [GeneratedRegex(@"(?i)^\s+(?:as\s+)?(?:resolved|over|closed|mitigated|ended)\b")]
    private static partial Regex Ended();

    [GeneratedRegex(@"(?i),\s*(?:but|however|although|though|while|yet)\b|;|\bbut\b|\bhowever\b|\bwhile\b|\bafter\b|\bbecause\b|\bwhich\b|\buntil\b|\s[-–—]\s")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"(?i)\bstatus ?(?:page|site)\b|\bstatuspage\b")]
    private static partial Regex StatusChannel();

    // The impact itself as the subject of "is back" / "came back".
    [GeneratedRegex(@"(?i)\b(?:errors?|5xx|50\d(?:s|'s)?|failures?|timeouts?|problems?|issues?|outages?|latency|spikes?|alerts?|alarms?|crash(?:es)?|the bug)\s+$")]
    private static partial Regex ImpactSubject();

    [GeneratedRegex(@"(?i)^(?:is|are|was|were|came|come|comes) back$")]
    private static partial Regex ReturnedVerb();

    // What a call or request came back with, when it failed: "… coming back with errors", "came back with a 503".
    [GeneratedRegex(@"(?i)^\s+(?:up\s+)?with\s+(?:an?\s+|the\s+|more\s+|lots of\s+)?(?:[\w-]+\s+)?(?:errors?|failures?|timeouts?|5xx|50\d|4\d\d|exceptions?|garbage|nothing)\b")]
    private static partial Regex WithFailures();

    // Someone answering: "ICT came back asking for more details", "the vendor came back to us with a question", "support came back
    // and said …". A reply, not the service back.
    [GeneratedRegex(@"(?i)^\s+(?:to\s+(?:us|me|them|you|him|her)\b|asking\b|and\s+(?:asked|said|told)\b|saying\b|with\s+(?:an?\s+|the\s+|some\s+|more\s+|their\s+)?(?:[\w-]+\s+)?(?:questions?|answers?|repl(?:y|ies)|requests?|details|logs|info\w*|quotes?|estimates?|feedback)\b)")]
    private static partial Regex Replied();

    // "Latency is back at its usual level", "errors are back to zero": a level regained, not the impact returning.
    [GeneratedRegex(@"(?i)^\s+(?:at|to|under|below|within|down|up|online|in line|on track|normal)\b")]
    private static partial Regex BackToLevel();

    // "no longer degraded", "not failing anymore" is read at the impact word; the words before it end the clause so far.
    [GeneratedRegex(@"(?i)\bno longer\s+(?:\w+\s+)?$")]
    private static partial Regex NoLonger();

    // Another party's own record of its incident: "for their incident", "marked it resolved on their status page".
    [GeneratedRegex(@"(?i)\btheir\s+(?:own\s+)?(?:status|incident|side)\b")]
    private static partial Regex TheirRecord();

    // What joins another clause with a subject of its own: "… on their side and the system was back", "…, and our errors stopped".
    [GeneratedRegex(@"(?i)(?:[,;]\s*(?:(?:and|but|so|then)\s+)?|\b(?:and|but|so|then)\s+)(?:(?:then|now|since)\s+)?(?:the|our|we|all|every|everything|it|its|service|services|users|customers)\b")]
    private static partial Regex JoinsAnother();

    [GeneratedRegex(@"(?i)\b(?:provider|vendor|upstream|supplier|third[- ]party|partner)(?:'s)?\b|\btheir\s+(?:own\s+)?(?:status|update|incident|page)")]
    private static partial Regex OtherParty();

    // "The reboot of the core switches did not bring the network back": the object of "bring … back" is a noun phrase of its own.
    [GeneratedRegex(@"(?i)^[^.]{0,80}?(?:[;,]|\band\b)\s*(?:the\s+)?(?:errors?|failures?|latency|impact|problems?|issues?|timeouts?|outage)\s+(?:continu\w*|persist\w*|remain\w*|(?:is|are|was|were) still)|^[^.;]{0,80}?\b(?:but|however|yet)\b[^.;]{0,60}?\b(?:continu\w*|persist\w*|remain\w*|still|no (?:effect|improvement|change)|(?:did|does|do|wo|would|will)(?:n't| not) (?:help|work|improve|resolve|fix|restore|come back|come up|bring (?:\w+ ){0,3}back|recover|return|start|load|respond|change anything))|^[^.;]{0,40}?,\s*(?:but\s+)?(?:it|they|that|the \w+)\s+(?:died|crashed|failed|broke|fell over|went down)\s+again\b|^[^.;]{0,60}?\b(?:looked like|seemed (?:like|to)|appeared to)\b[^.;]{0,60}?\bbut\b|^[^.;]{0,60}?\b(?:had no (?:effect|impact)|to no avail|without (?:effect|success|improvement)|(?:did|does|do)(?:n't| not) (?:help|work|improve|resolve|fix|restore|come back|come up|bring (?:\w+ ){0,3}back|recover|return|start|load|respond|change anything)|was unsuccessful|fail(?:s|ed)? to (?:help|restore|resolve|bring|fix|improve|reduce|stop|work))")]
    private static partial Regex NoEffect();

    // "We waited while they replaced the switch and brought the network back", "waiting for the provider to restore power": another
    // party's work the team waited on, up to the action (no comma between: "While we waited for the vendor, we failed over" is ours).
    [GeneratedRegex(@"(?i)\bwait(?:ed|ing)\s+(?:while|for|until|till|as)\s+(?:they|them|the(?:ir)?\s+(?:[\w-]+\s+){0,2}?(?:provider|vendor|upstream|supplier|partner|carrier|isp|data ?cent(?:er|re)s?|host|landlord|utility|utilities|electricity board|power company|technicians|contractors?))\b[^.;:!?,]{0,100}$")]
    private static partial Regex WaitedOnOthers();

    // What the other party's work brought back: "brought the network back", "restored power", "came back online".
    [GeneratedRegex(@"(?i)\b(?:back|restor\w*|online|recover\w*|up)\b")]
    private static partial Regex BroughtBack();

    [GeneratedRegex(@"(?i)^(?:restart(?:s|ed|ing)?|reboot(?:s|ed|ing)?)$")]
    private static partial Regex RestartWord();

    // Said to be unplanned: "an unplanned reboot", "went through an unexpected restart".
    [GeneratedRegex(@"(?i)\b(?:unplanned|unexpected(?:ly)?|unintended|unintentional(?:ly)?|accidental(?:ly)?|spontaneous(?:ly)?|uncontrolled)\s+(?:\w+\s+)?$")]
    private static partial Regex Unplanned();

    // Repeated by itself ("the web servers kept rebooting"); with a doer ("we kept restarting it") it is still the team's action.
    [GeneratedRegex(@"(?i)\b(?:kept|keeps|keep|constantly|repeatedly)\s+$")]
    private static partial Regex Repeated();

    // What a public acknowledgement names: "acknowledge the outage", "acknowledged the root cause".
    [GeneratedRegex(@"(?i)^\s+(?:the |an? |this |that |our )?(?:outage|incident|issue|problem|root cause|cause|impact|disruption|degradation|errors?|delays?)\b")]
    private static partial Regex AcknowledgedFact();

    [GeneratedRegex(@"(?i)^(?:\s+(?:(?:all )?at once|at the same time|simultaneously|unexpectedly|without warning|on (?:its|their) own|by (?:itself|themselves))|[- ]?(?:loops?|cycles?|storms?))\b")]
    private static partial Regex AllAtOnce();

    // A change or a command as the doer: "the upgrade rebooted", "an unintended change restarted all workloads".
    [GeneratedRegex(@"(?i)^\W*(?:(?:the|an?|our|this|that|its|their)\s+)?(?:[\w-]+\s+){0,2}(?:upgrade|update|change|deploy(?:ment)?|script|command|migration|release|patch|bug)s?\s+$")]
    private static partial Regex ChangeSubject();

    // A cause found before the impact word: "we identified …", "responders confirmed that …", "traced the errors to …".
    [GeneratedRegex(@"(?i)\b(?:identified|confirmed that|determined|pinpointed|traced|established that|found that|discovered that)\b")]
    private static partial Regex CauseFound();

    [GeneratedRegex(@"(?i)\b(?:(?:the|a|root) cause|causes? of|caused by|behind the|culprit|responsible for|traced (?:to|back))\b")]
    private static partial Regex CauseWord();

    // A ticket we handle: "we escalated the ticket", "IT updated the case", "leaving the ticket open".
    [GeneratedRegex(@"(?i)\b(?:we|i|our (?:\w+ )?team|engineers?|staff|IT|admins?|administrators?|support)\s+(?:\w+\s+)?(?:escalat\w*|updat\w*|clos\w*|leav\w*|left|chas\w*|reopen\w*|kept|keep\w*|assign\w*|forward\w*|link\w*|merg\w*)\s+(?:the|this|that|our|a|an|its)?\s*(?:\w+\s+)?$")]
    private static partial Regex OurTicket();

    // A thing we made to check the service: "opened a test ticket", "placed a dummy order", "a synthetic report".
    [GeneratedRegex(@"(?i)\b(?:test|dummy|sample|synthetic|canary)\s+$")]
    private static partial Regex MadeToCheck();

    // What a change or a piece of work is for, just before a ticket's number: "deploy for ticket 4411", "the fix for ticket #812".
    // Only "for" after a change word: "per ticket 5521", "under ticket 4411", "from ticket #8812" name where a report came from
    // (the review's F6).
    [GeneratedRegex(@"(?i)\b(?:deploy\w*|fix(?:es|ed)?|hotfix\w*|release[sd]?|change[sd]?|patch(?:es|ed)?|pr|pull request|merge[sd]?|commits?|migrations?|rollouts?|work)\s+(?:[\w-]+\s+){0,2}?for\s+(?:(?:the|our|support|jira|zendesk)\s+){0,2}$")]
    private static partial Regex WorkFor();

    // A ticket's number or key right after the word: "4411", "#812", "OPS-1234".
    [GeneratedRegex(@"^\s*(?:#|no\.?\s*)?(?:[A-Za-z]{2,10}-)?\d{2,}\b")]
    private static partial Regex TicketNumber();

    // A ticket held with another party: "a ticket with the carrier", "a case on the provider's portal".
    [GeneratedRegex(@"(?i)^\s+(?:with|on|at)\s+(?:the\s+|our\s+|their\s+)?(?:[\w'-]+\s+){0,3}(?:provider|vendor|supplier|carrier|dc|data ?cent(?:er|re)|datacenter|colo\w*|interconnect|manufacturer|telco|host\w*|isp|upstream|noc|[\w-]+'s portal)\b")]
    private static partial Regex TicketWithParty();

    // Impact still told after a recovery in the same sentence: "restored; the API is still unavailable", "while the free tier
    // was still being brought back", "the upstream is back but my servers still do not answer". Dead or not answering only with
    // ours as the subject (servers, hosts, sites …): a customer or a vendor "still does not answer" our e-mail, a retired fax
    // machine "is still dead" (the review's F7).
    // Session 32: "saving works again, older articles not visible yet": something named not back yet after the recovery.
    // Session 35: impact still seen after it ("the API is back up, but the EU region is still returning errors", "most pages load
    // again while some users are still seeing timeouts", "logins work but search is still slow").
    [GeneratedRegex(@"(?i)^[^.;]*?(?:[;,]|\b(?:but|while|though|although|whereas|and)\b)[^.;]*?(?:\bnot\s+(?:(?:yet|fully)\s+)?(?:visible|back|available|working|loading|restored|reachable|synced|recovered|processed|delivered|up)\b|\b(?:is|are|remains?|remained|stays?|stayed)\s+(?:still\s+)?(?:\w+\s+)?(?:unavailable|down|offline|degraded|failing|broken|impacted|unreachable|inaccessible|erroring|stuck|disrupted|suspended)\b|\bstill\s+(?:\w+ly\s+)?(?:being\s+)?(?:down|unavailable|offline|degraded|failing|broken|affected|impacted|delayed|missing|erroring|stuck|disrupted|suspended|brought back|restored|recovering|slow|timing out|intermittent|flapping)\b|\bstill\s+(?:\w+ly\s+)?(?:seeing|getting|returning|throwing|hitting|reporting|experiencing|showing|serving|logging|having)\s+(?:(?:some|a few|a|an|the|occasional|intermittent|elevated|increased|high|higher|more|many)\s+)*(?:[\w-]+\s+)?(?:errors?|5\d\ds|5xx|50\d|timeouts?|failures?|latency|delays?|issues?|problems?|slowness|degradation|packet loss)\b|\b(?:(?:my|our)\s+(?:[\w-]+\s+)?(?:servers?|hosts?|nodes?|machines?|vms?|boxes|services?|sites?|websites?|apps?|databases?|systems?|instances?|routers?|switches|containers?|pods?|clusters?|backends?)|(?:the|all|some|many|most|both)\s+(?:[\w-]+\s+)?(?:servers|hosts|nodes|machines|vms|boxes|services|sites|websites|apps|databases|systems|instances|routers|switches|containers|pods|clusters|backends)|(?:every|each)\s+(?:[\w-]+\s+)?(?:server|host|node|machine|vm|box|service|site|website|app|database|system|instance|router|switch|container|pod|cluster|backend)|ours|mine)\s+(?:(?:is|are|was|were|remains?|remained|stays?|stayed)\s+)?(?:still\s+)?(?:dead|unresponsive|not (?:answering|responding|reachable)|(?:do|does|did) not (?:answer|respond)|(?:don't|doesn't|didn't|won't|can't) (?:answer|respond|start|boot|be reached))\b)")]
    private static partial Regex OngoingAfter();

    // A recovery told with a day still to come after it: "delivered by 9 AM tomorrow", "restored by the end of the day", "back
    // next Monday", "fixed by tonight". Only words that name the future whatever the tense ("tonight" alone may be tonight's past).
    [GeneratedRegex(@"(?i)^\s*,?\s*(?:(?:by|before|until|till|no later than)\s+(?:(?:about|around|approximately|roughly|~)\s*)?(?:(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?|noon|midnight)\s+)?(?:tonight|this (?:evening|afternoon)|(?:the )?(?:end|close) of (?:the )?(?:day|week|business day))|(?:(?:by|before|until|till|no later than)\s+)?(?:(?:about|around|approximately|roughly|~)\s*)?(?:(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?|noon|midnight)\s+)?(?:tomorrow|later today|eod|next (?:week|month|mon|tues|wednes|thurs|fri|satur|sun)\w*))\b")]
    private static partial Regex StillAhead();

    // A time still to come after "should be": "should be back by 17:00", "should be restored within the hour".
    [GeneratedRegex(@"(?i)^\s*(?:[\w-]+\s+){0,4}?(?:by|within|shortly|soon|later|once|when|after|tomorrow|tonight|over the|in (?:about |around |roughly )?(?:\d+|an?|one|two|a few|the next))\b")]
    private static partial Regex StillToCome();

    [GeneratedRegex(@"(?i)\bshould\s+(?:now\s+)?(?:all\s+|fully\s+|again\s+)?be\s+$")]
    private static partial Regex ShouldBe();

    // What we did, told before a recovery in its sentence ("we rebooted the switch and traffic returned to normal", "after we
    // failed over, errors stopped", "restored by switching to the spare link"): the action that ended the impact is also the
    // mitigation. Verbs of seeing, telling, deciding or trying are not actions on the system.
    [GeneratedRegex(@"(?i)\b(?:we|we've|i|engineers?|the team|our team|team|ops|SREs?|staff|admins?|administrators?|developers?|on-?call)\s+(?:(?:have|had|then|quickly|finally|also|immediately|manually|successfully)\s+){0,2}(?!(?:confirmed|noticed|saw|seen|observed|verified|checked|found|determined|identified|monitored|watched|declared|marked|closed|posted|updated|announced|noted|believed?|expected|thought|were|was|are|is|had|have|did|could|can|will|would|should|may|might|see|got|received|learned|heard|reali[sz]ed|suspected|continued|kept|started|began|tried|attempted|planned|decided|agreed|asked|told|informed|notified|emailed|called|paged|escalated|contacted|opened|investigated|traced|discovered|detected|waited|needed|wanted|hoped|considered|discussed|reported|explained|apologi[sz]ed|published|shared)\b)(?:\w+ed|made|put|ran|took|brought|rebuilt|built|set|cut|shut|sent|gave|swapped|split|moved|spun)\b")]
    private static partial Regex OurAction();

    // Session 35: an action told as done before a recovery in its sentence, without a doer: "With the resources increased, all
    // the nodes came back online", "Once the cache was flushed, pages loaded again", "After the bad node was removed from the pool,
    // error rates returned to normal". A thing that happened on its own ("once the errors cleared") or another party's action ("when the
    // provider fixed their router, service came back") is no action of ours.
    [GeneratedRegex(@"(?i)\b(?:with|once|after|as soon as|when|now that)\s+(?!(?:[\w'-]+\s+){0,3}?(?:provider|vendor|supplier|carrier|upstream|isp|hoster|host|datacenter|data cent(?:er|re)|they|their|its)\b)(?:the\s+|our\s+|all\s+|a\s+|an\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,4}?(?:(?:was|were|had been|has been|have been|got)\s+)?(?:increased|restarted|rebooted|rolled back|reverted|replaced|fixed|scaled(?:\s+(?:up|out))?|added|disabled|removed|drained|flushed|purged|deployed|redeployed|patched|failed over|switched(?:\s+(?:over|off))?|renewed|upgraded|reconfigured|corrected|applied|isolated|killed|blocked|throttled|resized|rerouted|re-?enabled)\b(?=[^.;]*$)")]
    private static partial Regex ActionDoneBefore();

    // "We decided to move to the backup provider. That worked: normal traffic was back": a recovery told as the result of the
    // action just told ("that worked", "this did the trick", "it fixed it") is that action done.
    [GeneratedRegex(@"(?i)\b(?:that|this|it)\s+(?:(?:change|move|step|fix|switch|failover|rollback|restart)\s+)?(?:worked|did the trick|fixed it|fixed things|sorted it)\b")]
    private static partial Regex ThatWorked();

    // "Getting the manual failover to the backup provider ready": an action made ready is not yet done. The action is what
    // "get" takes as its object, a few words after it with no clause between ("after getting paged, we rolled back the
    // release and staged a fix" is done), and "ready" closes that object, no clause word before it.
    [GeneratedRegex(@"(?i)\b(?:get|gets|getting|got)(?:\s+[\w'-]+){0,3}\s+$")]
    private static partial Regex GettingWord();

    [GeneratedRegex(@"(?i)^(?:\s+(?!(?:and|but|or|so|then|once|when|while|after|before|until|which|who|that|was|were|is|are)\b)[\w'-]+){0,6}?\s+(?:ready|prepared|lined up|staged)\b")]
    private static partial Regex ReadyAfter();

    [GeneratedRegex(@"(?i)^[^.;]*?\b(?:by\s+(?!(?:the|a|an|our|their|its|then|now)\b)\w+ing|after\s+(?:we|engineers?|the team|ops)\s+\w+ed)\b")]
    private static partial Regex ByDoing();

    // Between a change word and a mitigation it names: "deployed an ad-hoc flooding control", "pushed the temporary fix".
    [GeneratedRegex(@"(?i)^\s+(?:(?:an?|the|our|some|new|this|that)\s+)?$")]
    private static partial Regex LeadIn();

    // Between an impact word and the recovery it is the subject of: a few words, no new clause ("latency stabilised",
    // "the broken deployment was rolled back"); "errors spiked and the pods restarted" is two things.
    [GeneratedRegex(@"(?i)^(?:\s+(?!(?:and|but|then|so|or|while|when|after|before|because|as|until)\b)[\w'-]+){0,5}\s+$")]
    private static partial Regex SubjectGap();
}
