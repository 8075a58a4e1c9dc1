using NodaTime;
using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Analysis;

/// <summary>Finds the seed's key timestamps, the gaps between them and silent stretches in a classified timeline.</summary>
/// <remarks>The rules are stated in docs/analysis.md, "Key timestamps"; each result names its rule.</remarks>
public static partial class KeyTimestampAnalyzer
{
    /// <summary>Events this far from the rest of the timeline are background (a change weeks before), not key moments.</summary>
    public static readonly Duration BackgroundGap = Duration.FromHours(36);

    /// <summary>How many runners-up a key lists.</summary>
    public const int MaxCandidates = 3;

    /// <summary>Applies the key-timestamp rules to a timeline sorted by time (docs/analysis.md, "Key timestamps").</summary>
    public static KeyTimestamps Find(IReadOnlyList<TimelineEvent> timeline) => Find(timeline, KindLexicon.Default);

    /// <summary>
    /// The key-timestamp rules with the lexicon in force (the built-in phrases plus a team's, `.postmortem.yml`): the untimed
    /// sentences the rules read again (the action told beside the end) are read with it, as the events were.
    /// </summary>
    internal static KeyTimestamps Find(IReadOnlyList<TimelineEvent> timeline, KindLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(lexicon);
        var core = Core(timeline);

        // A moment a chat message recalls ("failing since about 11:40") was not noticed then: the message is when someone saw it.
        var recalled = Recalled(core);
        // A status page's history pasted as lines led by their times, in its voice ("00:20 We have lost service on a core
        // link … customers are affected"): each update is a communication, and one that reports impact is the team knowing.
        var updates = StatusHistory(core);
        bool Noticed(TimelineEvent e) => !recalled.Contains(e) && (NoticedNow(e) || (updates.Contains(e) && Has(e, EventKind.Impact) && !Has(e, EventKind.Resolution)));

        // Detection: the first alert, page or engineer noticing; a customer report only when nothing else.
        // "Logs and alerts confirmed everything had recovered" is a check on the recovery, not an alert firing.
        var detected = core.FirstOrDefault(e => ((Has(e, EventKind.Alert) || Has(e, EventKind.Page)) && !Has(e, EventKind.Resolution)) || Noticed(e));
        var customer = core.FirstOrDefault(e => Has(e, EventKind.CustomerReport));
        KeyTimestamp? detection = null;
        string? method = null;
        if (detected is not null)
        {
            method = Has(detected, EventKind.Alert) ? "automated alert" : Has(detected, EventKind.Page) ? "page" : "engineer noticed";
            detection = new KeyTimestamp(detected.Time, method switch
            {
                "automated alert" => "first alert or page",
                "page" => "first alert or page",
                _ => "first impact noticed by the team (no earlier alert or page)",
            }, detected);
        }
        // "Between 10:49 and 11:01 users saw degraded service" tells what users met over the stretch, not someone on the team seeing it.
        // "We saw elevated errors between 00:19 and 01:14" is the writer giving a window's bounds, told after it closed: not a
        // moment of noticing (the window's start is the impact's).
        // So is another party's report of its window ("KDDI reported instability from 12:24 to 12:39", "the carrier said its
        // backbone had packet loss from 09:10 to 09:40"): the report dates the window, not anyone noticing at its start.
        else if (core.FirstOrDefault(e => IsImpactEvidence(e) && !Has(e, EventKind.CustomerReport) && ObservedPhrase().IsMatch(e.Text) && !UsersSaw().IsMatch(e.Text)
            && !(IsImpactSpan(e) && (WeSaw().IsMatch(e.Text) || PartyReported().IsMatch(e.Text)))) is { } observed)
        {
            method = "engineer noticed";
            detection = new KeyTimestamp(observed.Time, "first impact someone reported seeing (no alert, page or earlier observation)", observed);
        }
        else if (customer is not null)
        {
            method = "customer report";
            detection = new KeyTimestamp(customer.Time, "first customer report (no alert, page or internal observation)", customer);
        }

        // Impact start: the first user-facing impact, never after a detection that measured it.
        var impactEvent = core.FirstOrDefault(IsImpactEvidence);

        // "We inform the affected organisations of the problem" at 20:41, staff "start investigating" at 21:20: a team telling
        // customers or stakeholders of a problem knew of it. Detection is no later than our first communication sent while the
        // impact was on (after the first impact told, before any recovery told); a notice before the impact (planned work) or a
        // summary after the end is not one. With no detection at all, see below (after the calls for people).
        // Only a telling of ours counts: a status update, or words of sending ("notified", "emailed", "posted a notice"); a
        // customer's report ("customers on Twitter reporting …") or a note to ourselves ("added a note to the wiki") is not one.
        TimelineEvent? ToldWhileOn(Instant from) =>
            core.FirstOrDefault(e => e.Time >= from && (updates.Contains(e)
                || (Has(e, EventKind.Communication) && !Has(e, EventKind.CustomerReport) && Outbound().IsMatch(e.Text) && !OthersTell().IsMatch(e.Text)))) is { } told
            && !recalled.Contains(told) && !core.Any(r => Has(r, EventKind.Resolution) && r.Time <= told.Time) ? told : null;
        if (detection is not null && impactEvent is not null && ToldWhileOn(impactEvent.Time) is { } told && told.Time < detection.Time)
        {
            method = "communication";
            detection = new KeyTimestamp(told.Time, "first communication of ours while the impact was on, before any other sign the team knew", told);
        }

        // "[03:30] Hannah: another caller says 000 calls just fail", "[03:33] Sam: NOC looking now": in a chat, a responder's first
        // word that they are on a problem already reported or seen ("looking into it now", "on it", "taking a look") is the team
        // knowing it, earlier than the page they send next; and a customer's report stands for detection only when nothing else does.
        if (core.FirstOrDefault(e => e.Actor is { } who && who != "Customer" && !recalled.Contains(e) && OnIt().IsMatch(e.Text)
                && core.Any(p => p.Time <= e.Time && !ReferenceEquals(p, e) && IsImpactEvidence(p))) is { } onIt
            && (detection is null || onIt.Time < detection.Time || method == "customer report"))
        {
            method = "engineer noticed";
            detection = new KeyTimestamp(onIt.Time, "first responder in a chat saying they are on the problem, once it was reported or seen", onIt);
        }

        // "Customers first felt it at 17:31", "users began seeing these errors at 11:02": the writer dates when users were hurt,
        // and a fault inside before it (a bad configuration generated, a database failing all day) was not yet their impact.
        // A written impact window or a customer report earlier still stands.
        if (impactEvent is not null && !IsImpactSpan(impactEvent) && !Has(impactEvent, EventKind.CustomerReport)
            && core.FirstOrDefault(e => e.Time > impactEvent.Time && UserOnset().IsMatch(e.Text) && !Has(e, EventKind.Resolution) && !Has(e, EventKind.Mitigation)) is { } onset
            && !core.Any(e => e.Time < onset.Time && (IsImpactSpan(e) || Has(e, EventKind.CustomerReport))))
        {
            impactEvent = onset;
        }
        KeyTimestamp? impact = impactEvent is null ? null
            : new KeyTimestamp(impactEvent.Time, Has(impactEvent, EventKind.CustomerReport) && !Has(impactEvent, EventKind.Impact) ? "first customer report" : "first impact observation or customer report", impactEvent);
        // A problem the team noticed or posted about ("Investigating - We are looking into this problem") was already felt; an
        // alarm on a cause ("inlet temperature over 40C") can come before the users feel anything.
        if (detection is not null && (impact is null || (impact.Time > detection.Time && (Has(detection.Event, EventKind.Impact) || method is "engineer noticed" or "customer report" or "communication"))))
        {
            impact = detection with { Rule = impact is null ? "detection (no earlier impact observation or customer report)" : "detection, which measured user impact, came before any other impact evidence" };
        }

        // The first of each; never moved to fit the others: out-of-order keys are reported (PM0201), not clamped.
        // A mitigation under way ("rolling back now", "a rollback was initiated") counts when nothing completed
        // follows it within the hour; a recovery seen after it ("dns1 removed, page loads back to normal") is it done.
        // "Starting at 15:23 our app was down for 19 minutes … by 15:42 it was back to normal", stamped 15:23: a retelling of the
        // whole incident stamped with its start tells the end at another time, so its recovery and action words are not a recovery
        // or an action at that stamp. Impact ends and bleeding stops after impact began, never at or before it.
        var trouble = FirstTrouble(impact, detection);
        var resolution = Resolution(core, impact?.Time, trouble, out var partial);
        if (BacklogCleared(core, resolution) is { } cleared)
        {
            partial ??= resolution!.Event;
            resolution = cleared;
        }

        // What the text tells after the written window closed the impact is its afterword, not when the team knew (AfterWrittenEnd).
        if (detection is not null && AfterWrittenEnd(core, resolution, detection.Event))
        {
            (detection, method) = (null, null);
        }

        // "Incident closed, no customers affected": the writer closing the incident says no user met it, so nothing dates a user
        // impact (an alarm on a cause, a failure the system absorbed). Said at the close, not in an early update ("no customer
        // impact at this time"), and unqualified ("no customers outside the EU were affected" is not it).
        if (impact is not null && resolution is not null && core.Any(e => e.Time >= resolution.Time && NoneAffected().IsMatch(e.Text)))
        {
            impact = null;
        }

        // Bleeding is stopped before impact ends: an action told after the end, once a recovery was already told ("changed the BGP
        // configuration to mitigate", posted after "connectivity has been restored"), is the end's story or a follow-up, not the
        // mitigation. With no recovery told before it the end may be misplaced (a window's end read early), and it stands.
        // "The HA failover never fired", "the failover did not kick in": an action told as not happening stopped nothing.
        var started = core.FirstOrDefault(e => !RetoldFromStart(e, impact?.Time) && (Has(e, EventKind.Mitigation) || ReferenceEquals(e, partial)) && !UndoneNext(core, e) && !OnlyAimed(e)
            && !(Has(e, EventKind.Mitigation) && !Has(e, EventKind.Resolution) && NeverHappened().IsMatch(e.Text))
            && !(resolution is { } end && e.Time > end.Time && core.Any(r => r.Time < e.Time && Has(r, EventKind.Resolution)))
            && !PartBackAtEnd(e, resolution) && !StillHurtAfter(core, e, resolution));
        var mitigation = started is not null && InProgress(started)
            ? RecoveryNext(core, started) ?? core.FirstOrDefault(e => Has(e, EventKind.Mitigation) && !InProgress(e) && e.Time >= started.Time && e.Time - started.Time <= Duration.FromHours(1))
                ?? Finished(core, started, resolution) ?? started
            : started;
        // "Fix deployed, service recovered", "pushed, realm is back", "we resolved the issue": when nothing stopped the bleeding
        // before the end and the end is told as our action, the action and the end are the same moment (Corpus/README.md,
        // "Label conventions"); a recovery with no action of ours in it (a provider's, a problem that went away) leaves it unknown.
        // The action may also be told beside the end rather than in its words, and the end may be a written window's (ActionBesideEnd).
        KeyTimestamp? endedByAction = null;
        if (mitigation is null && resolution is { } ended && ActionBesideEnd(core, ended, lexicon))
        {
            if (ended.Time == ended.Event.Time)
            {
                mitigation = ended.Event;
            }
            else
            {
                endedByAction = new KeyTimestamp(ended.Time, "the end of impact, brought about by an action of ours told beside it", ended.Event);
            }
        }

        // "EU between 14:39 and 14:53, BR between 14:39 and 15:12": a written window that closed before the last one (EarlierWindowEnd).
        var windowClosed = EarlierWindowEnd(core, resolution, impact?.Time);
        if (windowClosed is not null && mitigation is not null && mitigation.Time <= windowClosed.Time)
        {
            windowClosed = null;
        }

        // "They replaced the hardware and brought the network back", "fix is live, players reconnecting", "the final phase of the
        // restarts took place", and no recovery told in other words: a completed action after which no impact is reported is where
        // the impact ended; the writer who tells no recovery lets the action stand for it. The action and the end are then the same
        // moment. Impact told as back days later (beyond the incident's core: "reported degraded performance once more") still says
        // the action did not end it; a later page of a status history that only lists what is down does not. An action the
        // writer tells as partial ("a partial fix", "most instances started to recover", "back in read-only
        // mode") left impact behind, and the end stays unknown.
        if (resolution is null && mitigation is not null
            && core.LastOrDefault(e => Has(e, EventKind.Mitigation) && !InProgress(e) && e.Time >= mitigation.Time) is { } last
            && (RestoresService().IsMatch(last.Text) || !ToldPartial().IsMatch(last.Text)) && !NoEffect().IsMatch(last.Text)
            && !core.Any(e => e.Time > last.Time && Renews(e)) && !timeline.Any(e => e.Time > last.Time && Renews(e) && TellsRecurrence(e.Text)))
        {
            resolution = Reached(core, last, "the last completed action that restored service, with no impact reported after it (no recovery told)");
        }

        // "I'm here. The 11:30 deploy bumped the pool size": joining happens when the message is sent, not at a time it mentions.
        // The first person in the notes arriving ("joining the bridge") is the first responder, not someone brought in.
        var firstResponder = core.Where(e => e.Actor is not null).MinBy(e => (e.Provenance.File, e.Provenance.Line, e.Provenance.Column))?.Actor;
        // Someone already on the incident paging another team ("paging the payments on-call too") brings people in; the
        // first responder saying they got paged ("opened this bridge, got paged for …") is the response, not more people.
        // The call for more people is the escalation (Corpus/README.md, "Label conventions"); someone arriving, or an incident
        // declared, counts only when no call is recorded: "joined, sites failing" at 10:44 and "paging Ravi, db on-call, we need
        // him" at 10:47 → 10:47.
        var spoke = new HashSet<string>(StringComparer.Ordinal);
        var escalations = core.Where(e =>
        {
            var pagesOthers = Has(e, EventKind.Page) && e.Actor is { } a && spoke.Contains(a) && SendsPage().IsMatch(e.Text);
            if (e.Actor is not null)
            {
                spoke.Add(e.Actor);
            }

            return !recalled.Contains(e) && (pagesOthers || (Has(e, EventKind.Escalation)
                && !(e.Actor is not null && e.Actor == firstResponder && (ReceivedPage().IsMatch(e.Text) || e.Evidence.Where(x => x.Kind == EventKind.Escalation).All(x => Arrival().IsMatch(x.Phrase))))))
                && !CallsTheOnCall().IsMatch(e.Text) && !ResponderJoins(e, firstResponder);
        }).ToList();
        // A call told only in the sentences after a timed one ("… We raised it with our provider, who restored connectivity")
        // is weaker than one an event says itself: a summary's later sentences retell the whole night.
        TimelineEvent? FirstCall(IEnumerable<TimelineEvent> found) =>
            found.FirstOrDefault(e => CallsPeople(e) || (Has(e, EventKind.Page) && SendsPage().IsMatch(e.Text))) ?? found.FirstOrDefault();
        var escalation = FirstCall(escalations.Where(e => Has(e, EventKind.Page) || e.Evidence.Any(x => x.Kind == EventKind.Escalation && x.Origin != "context"))) ?? FirstCall(escalations);
        // "A senior engineer escalated the degraded storage to the vendors", with nothing earlier that tells the team knew: calling
        // others about a problem is knowing of it. Detection is no later than the first call for people made once the impact began.
        if (escalation is not null && impact is not null && escalation.Time >= impact.Time && (detection is null || escalation.Time < detection.Time)
            && escalation.Evidence.Any(x => x.Kind == EventKind.Escalation && x.Origin != "context" && CallPhrase().IsMatch(x.Phrase) && !ProcedureNamed().IsMatch(x.Phrase)))
        {
            method = "engineer noticed";
            detection = new KeyTimestamp(escalation.Time, "first call for people about the problem (no earlier alert, page or sign the team knew)", escalation);
        }

        // "Network Rail issued its first notice shortly before 04:00" with no alarm, page or call told anywhere: a team telling its
        // customers of a problem while it was on knew of it by then (the README's convention: with nothing earlier recorded, the
        // team's first status update is detection). Only when nothing else above dated the knowing; a summary after the end, a
        // notice before the impact, a customer's report or a note to ourselves is not one (ToldWhileOn).
        if (detection is null && impact is not null && ToldWhileOn(impact.Time) is { } firstTold && !AfterWrittenEnd(core, resolution, firstTold))
        {
            method = "communication";
            detection = new KeyTimestamp(firstTold.Time, "first communication of ours while the impact was on (nothing earlier tells when the team knew)", firstTold);
        }

        // "The app was still down, which matches what people were saying on Twitter": others talking on a channel is not our update.
        var communication = core.FirstOrDefault(e => (Has(e, EventKind.Communication) && !AskedToPost(e) && !OthersTalk(e)) || updates.Contains(e));
        KeyTimestamp? WithCandidates(KeyTimestamp? key, Func<TimelineEvent, bool> could) =>
            key is null ? null : key with { Candidates = core.Where(e => !ReferenceEquals(e, key.Event) && could(e)).Take(MaxCandidates).ToList() };

        return new KeyTimestamps
        {
            ImpactStart = WithCandidates(impact, IsImpactEvidence),
            Detection = WithCandidates(detection, e => Has(e, EventKind.Alert) || Has(e, EventKind.Page) || Noticed(e) || Has(e, EventKind.CustomerReport)),
            DetectionMethod = method,
            FirstCustomerReport = customer is null ? null : new KeyTimestamp(customer.Time, "first customer report", customer),
            Escalation = WithCandidates(escalation is null ? null : new KeyTimestamp(escalation.Time, "first escalation (someone beyond the first responder involved)", escalation), e => Has(e, EventKind.Escalation)),
            Mitigation = WithCandidates(windowClosed ?? endedByAction ?? (mitigation is null ? null : new KeyTimestamp(mitigation.Time, "first mitigation that worked (rollback, failover, flag off, load shed …)", mitigation)), e => Has(e, EventKind.Mitigation)),
            Resolution = WithCandidates(resolution, e => Has(e, EventKind.Resolution)),
            Communication = WithCandidates(communication is null ? null : new KeyTimestamp(communication.Time, Has(communication, EventKind.Communication) ? "first customer or stakeholder communication of ours" : "first update of a status history written in the status page's voice", communication), e => Has(e, EventKind.Communication) || updates.Contains(e)),
        };
    }

    /// <summary>
    /// Resolution is when impact ended: the first recovery after which no new impact is reported.
    /// <paramref name="partial"/> is the first recovery that did not end it (the bleeding stopped somewhere).
    /// </summary>
    private static KeyTimestamp? Resolution(IReadOnlyList<TimelineEvent> core, Instant? impactStart, Instant? trouble, out TimelineEvent? partial)
    {
        partial = null;
        var candidates = core.Where(e => Has(e, EventKind.Resolution) && !RetoldFromStart(e, impactStart) && !(e.Time < trouble) && !OnlyAimed(e)).ToList();
        // "Second email sent: services back to normal", "Follow-up sent to customers: all affected VPSs are back": a message telling
        // that a notice of ours went out carries the news of a recovery. When a recovery or a completed action was told before
        // it, the impact ended there; the notice is the communication, not a later end.
        candidates.RemoveAll(c => NoticeOfEnd(c) && core.Any(e => e.Time < c.Time && (impactStart is null || e.Time >= impactStart)
            && !NoticeOfEnd(e) && (Has(e, EventKind.Resolution) || (Has(e, EventKind.Mitigation) && !InProgress(e)))));

        // The written impact window ("between 21:40 UTC on 18 July and 22:00 UTC on 19 July", a summary's "between 1:30 AM
        // and 12:17 PM PDT, Sentry had a large-scale incident") says when impact ended: a recovery inside it only stopped
        // the bleeding somewhere, and a recovery reported after it came later than the end. Only impact that comes back
        // after the window and is recovered from again says the window was not the whole story.
        // "Incident Duration: 10:49–11:15" (open to closed) above "Between 10:49 and 11:01 users saw degraded service": a span in
        // impact's words from the same start says when the impact ended; the span without words is the incident's record.
        var spans = core.Where(IsImpactSpan).ToList();
        // "Our cloud provider had a network outage from 3:51PM to 6:40PM" around "between 4:23 PM and 5:03 PM our API was degraded":
        // another company's window is the cause's, not ours, when the text writes one of its own.
        if (spans.Exists(w => ProviderSubject().IsMatch(w.Text)) && spans.Where(w => !ProviderSubject().IsMatch(w.Text)).ToList() is { Count: > 0 } ours)
        {
            spans = ours;
        }

        var window = spans.Where(w => Has(w, EventKind.Impact) || !spans.Any(o => Has(o, EventKind.Impact) && o.Time == w.Time && o.EndTime < w.EndTime)).MaxBy(e => e.EndTime);
        if (window is not null && !core.Any(r => r.Time > window.EndTime!.Value && Renews(r) && candidates.Any(c => c.Time > r.Time)))
        {
            partial = candidates.FirstOrDefault(c => c.Time >= window.Time && c.Time < window.EndTime!.Value);

            // "For about 2 hours, between 16:00 and 18:00 UTC" and a "no longer degraded" update posted at 17:58: a window
            // written as approximate ends at the recovery stamped within minutes of its end.
            if (Approximate().IsMatch(window.Text)
                && candidates.Where(c => Duration.Max(c.Time - window.EndTime!.Value, window.EndTime!.Value - c.Time) <= NearWindowEnd).MinBy(c => Duration.Max(c.Time - window.EndTime!.Value, window.EndTime!.Value - c.Time)) is { } near)
            {
                partial = candidates.FirstOrDefault(c => c.Time >= window.Time && c.Time < near.Time);
                return new KeyTimestamp(near.Time, "the recovery stamped within minutes of the approximate end of the written impact window", near);
            }

            return AtEnd(core, window, candidates.Any(c => c.Time >= window.EndTime!.Value)
                ? "end of the written impact window, before the first recovery report"
                : "end of the written impact window (every recovery reported fell inside it)");
        }

        foreach (var c in candidates)
        {
            // "US West fully recovered" ends the impact only when no other region recovers (or reports impact) after
            // it; and any recovery before a region's recovery left that region hurt.
            // "The remaining code search problems were cleared", "last 5% of clients recovered": a later recovery of what was
            // left says the earlier one was partial.
            var regionLater = core.Any(e => e.Time > c.Time && (Has(e, EventKind.Resolution) || Renews(e)) && (Regional(e) || Remaining().IsMatch(e.Text)) && !RetellsTimes(e));
            var insideWindow = window is not null && c.Time >= window.Time && c.Time < window.EndTime!.Value;
            // "Bulk of the move is done, mail is flowing through mailgw again" at 17:33, "the list service is fully operational" at
            // 20:00: a recovery told with most of the work done, which the text later tells whole, was not yet whole.
            // "Its card and branch services were working again" at 10:33, "all banking services had been restored" at 12:45: a recovery
            // that does not say it is of everything, which a later recovery of all of it follows, was of a part. A status post or a notice
            // of the end ("Status page: all services fully restored") tells an end already seen, not a later one.
            // So does a confirmation, a watch or a closing note ("confirmed with all customers that service is restored", "after an
            // hour of monitoring, everything is back to normal and we are closing the incident"), or a retelling.
            // "95% of clients were fully restored" at 17:10, "all clients restored" at 19:15: a share, however fully, was a part.
            var wholeLater = (Proportion().IsMatch(c.Text) && candidates.Any(o => o.Time > c.Time && !Proportion().IsMatch(o.Text)
                    && (KindLexicon.TellsWhole(o.Text) || AllOfIt().IsMatch(o.Text)) && !Has(o, EventKind.Communication) && !Afterword().IsMatch(o.Text)))
                || (ToldPartial().IsMatch(c.Text) && !KindLexicon.TellsWhole(c.Text) && candidates.Any(o => o.Time > c.Time && KindLexicon.TellsWhole(o.Text)))
                || (!KindLexicon.TellsWhole(c.Text) && !AllOfIt().IsMatch(c.Text) && candidates.Any(o => o.Time > c.Time && AllOfIt().IsMatch(o.Text) && !Has(o, EventKind.Communication)
                    && !Afterword().IsMatch(o.Text) && !RetellingSign().IsMatch(o.Text)));
            if (regionLater || insideWindow || StillOpen(core, c) || wholeLater || RecoveryOnItsWay(candidates, c) || LeftBehind(core, candidates, c))
            {
                partial ??= c;
                continue;
            }

            var renewed = core.Any(e => e.Time > c.Time && Renews(e));
            if (renewed)
            {
                partial ??= c; // "The congestion clears" at 01:04, "some clients hit rate limits" at 01:05: it stopped the bleeding, not the impact.
            }
            else
            {
                // "From 6.51 pm to 7.01 pm" in the postmortem, "everything is back up" posted at 19:18: the window's end.
                return window is not null && window.EndTime!.Value < c.Time && window.Time < c.Time && !core.Any(e => e.Time > window.EndTime && e.Time < c.Time && Renews(e))
                    ? AtEnd(core, window, "end of the written impact window, before the first recovery report")
                    : Reached(core, c, "first recovery with no impact reported after it (fix confirmed, stable, resolved)");
            }
        }

        if (window is not null && (candidates.Count == 0 || window.EndTime!.Value > candidates[^1].Time))
        {
            return AtEnd(core, window, "end of the written impact window (every recovery reported fell inside it)");
        }

        // "Serving files again" at 16:03, "and it's gone again" at 16:09, nothing after: every recovery told was undone, so
        // the text does not say when the impact ended. A later account of the failure without a word of its coming back ("the
        // database ran out of memory and failed", in a postmortem stamped hours later) tells the story, not a relapse.
        if (candidates.Count > 0 && !core.Any(e => e.Time > candidates[^1].Time && Renews(e) && TellsRecurrence(e.Text)))
        {
            return Reached(core, candidates[^1], "last recovery (impact was reported again after each earlier one)");
        }

        return null;
    }

    /// <summary>
    /// "Processing was back to normal at 12:08 … the backlog it left behind was fully worked off by 12:25", "all pending webhooks
    /// were processed; the site was set to green": the work the failure held up reached its users late until the backlog was
    /// gone, so their impact ended when it was cleared, not when the system recovered. The first such telling after the end
    /// found, when the failure was not told back in between.
    /// </summary>
    private static KeyTimestamp? BacklogCleared(IReadOnlyList<TimelineEvent> core, KeyTimestamp? resolution)
    {
        if (resolution is null || TellsBacklogDone(resolution.Event.Text))
        {
            return null;
        }

        var cleared = core.FirstOrDefault(e => e.Time > resolution.Time && !Renews(e) && TellsBacklogDone(e.Text));
        if (cleared is null && BacklogStillWorked(core, resolution) is { } whole)
        {
            return whole;
        }

        return cleared is null || core.Any(e => e.Time > resolution.Time && e.Time < cleared.Time && Renews(e) && TellsRecurrence(e.Text))
            ? null
            : new KeyTimestamp(cleared.Time, "the work the failure held up was cleared (a backlog processed after the recovery)", cleared);
    }

    // Told done, whole and now: "nearly all the delayed mail has dequeued … one server still has a queue" is not it yet.
    private static bool TellsBacklogDone(string text) =>
        !Forecast().IsMatch(text) && !ShareLeft().IsMatch(text)
        && BacklogDone().Matches(text).Any(m => !NotYetDone().IsMatch(ClauseBefore(text, m.Index)) && !NotYetDone().IsMatch(text.AsSpan(m.Index, m.Length)));

    /// <summary>
    /// A recovery told in a status page's update that still calls the incident open ("Investigating - Access to the portal is
    /// back"), in a history that later posts its "Resolved" update: the page's own label says the impact had not ended.
    /// </summary>
    private static bool StillOpen(IReadOnlyList<TimelineEvent> core, TimelineEvent c) =>
        c.Evidence.Any(x => x.Origin == "status" && x.Phrase is "investigating" or "identified")
        && core.Any(e => e.Time > c.Time && e.Evidence.Any(x => x.Origin == "status" && x.Phrase == "resolved"));

    // A written span of impact: "between 09:26 and 09:55 UTC, 90% of requests failed", or a summary's span of the
    // incident whose words carry no other kind ("On May 6th, between … and …, we had a large-scale incident").
    // A span told as an estimate ("our current estimate for delivering the backlog is between 8:00pm and 10:00pm tonight", "we
    // expect the fix to roll out between 14:00 and 15:00") is a forecast, not a window anyone saw.
    private static bool IsImpactSpan(TimelineEvent e) =>
        e.EndTime is { } end && end > e.Time
        && (Has(e, EventKind.Impact) || e.Kind is EventKind.Other or EventKind.CustomerReport)
        && !Has(e, EventKind.Resolution) && !Has(e, EventKind.Mitigation) && !NothingLogged().IsMatch(e.Text) && !Forecast().IsMatch(e.Text)
        && !Schedule().IsMatch(e.Text)
        && !OnItsWay(e.Text); // "04:15–04:45 connectivity starts to return": the recovery's span, not the impact's.

    // The next thing that happens after an action under way, when it is a recovery seen: the action is done.
    private static TimelineEvent? RecoveryNext(IReadOnlyList<TimelineEvent> core, TimelineEvent started)
    {
        var next = core.FirstOrDefault(e => e.Time > started.Time && e.Kind != EventKind.Other);
        return next is not null && Has(next, EventKind.Resolution) && next.Time - started.Time <= Duration.FromHours(1) ? next : null;
    }

    /// <summary>
    /// The later moment the same action is told done, before the end of impact: "engineers started the database failover" at
    /// 18:59 and "the database failover finished" at 20:00, "rolling the fix out" and "rollout finished": the bleeding stopped
    /// when it was done, however long it took.
    /// </summary>
    private static TimelineEvent? Finished(IReadOnlyList<TimelineEvent> core, TimelineEvent started, KeyTimestamp? resolution)
    {
        // The action is named by the first word of its phrase ("rolling the fix out" → "roll", "failover").
        var stems = started.Evidence.Where(x => x.Kind == EventKind.Mitigation).Take(1)
            .SelectMany(x => x.Phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => ActionEnding().Replace(w, "")).Where(w => w.Length >= 4).Take(1).ToList();
        return stems.Count == 0 ? null : core.FirstOrDefault(e => e.Time > started.Time && (resolution is null || e.Time <= resolution.Time)
            && Done().IsMatch(e.Text) && !UnderWay().IsMatch(e.Text)
            && stems.Any(stem => e.Text.Contains(stem, StringComparison.OrdinalIgnoreCase)));
    }

    // An event stamped at (or before) the impact's start that tells the impact too ("our app was down for 19 minutes … we reverted
    // the change … by 3:42 PM it was back to normal"): a retelling of the whole incident, whose recovery belongs to a later time.
    private static bool RetoldFromStart(TimelineEvent e, Instant? impactStart) =>
        impactStart is { } start && e.Time <= start && Has(e, EventKind.Impact) && RetellingSign().IsMatch(e.Text);

    // "This should not recur", "add an alert so this does not happen again": a plan or a negated return is not a relapse.
    /// <summary>
    /// "Traffic is coming back through the primary" at 21:34, "and it's gone again" at 21:39: a recovery or an action that the
    /// next thing told undoes, in words of the failure coming back, stopped no bleeding (as "restarted the daemon, it died
    /// again" did nothing), and so does a next moment that tells the action changed nothing ("turned off the flags" at 16:31, "no
    /// change, still timing out" at 16:38). Only the next event counts, within half an hour, and not one that tells a recovery or an action itself.
    /// </summary>
    private static bool UndoneNext(IReadOnlyList<TimelineEvent> core, TimelineEvent e) =>
        core.Where(x => x.Time > e.Time).MinBy(x => x.Time) is { } next
        && next.Time - e.Time <= Duration.FromMinutes(30)
        && !Has(next, EventKind.Resolution) && !Has(next, EventKind.Mitigation)
        && (FailedAgain().IsMatch(next.Text) || NoEffect().IsMatch(next.Text));

    private static bool TellsRecurrence(string text) =>
        !PlanLine().IsMatch(text)
        && Recurs().Matches(text).Any(m => !RecurNegated().IsMatch(ClauseBefore(text, m.Index)));

    private static string ClauseBefore(string text, int index)
    {
        var from = text.LastIndexOfAny(['.', ';', ',', '!', '?'], Math.Max(0, index - 1)) + 1;
        return text[from..index];
    }

    // A key at a span's end; when a row starts at that instant the key is that row, as a Markdown record reads it back.
    private static KeyTimestamp AtEnd(IReadOnlyList<TimelineEvent> core, TimelineEvent span, string rule) =>
        new(span.EndTime!.Value, rule, core.FirstOrDefault(e => e.Time == span.EndTime) ?? span);

    /// <summary>The incident's own stretch of the timeline: background clusters (a change weeks before) are left out of key moments.</summary>
    /// <summary>The events another event of the same input line (equal provenance) follows in time: a moment that line recalls.</summary>
    /// <remarks>
    /// Events are grouped by their provenance's hash code in two arrays sorted together, and only a group of more than
    /// one is looked at by provenance: a map of every provenance was ≈ 90 MB, and twice that while it grew, for a
    /// timeline of two million chat messages (issue 9, scale).
    /// </remarks>
    private static HashSet<TimelineEvent> Recalled(IReadOnlyList<TimelineEvent> core)
    {
        var hashes = new int[core.Count];
        var order = new int[core.Count];
        for (var i = 0; i < order.Length; i++)
        {
            hashes[i] = core[i].Provenance.GetHashCode();
            order[i] = i;
        }

        Array.Sort(hashes, order);
        var recalled = new HashSet<TimelineEvent>(ReferenceEqualityComparer.Instance);
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && hashes[end] == hashes[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                var latest = new Dictionary<Provenance, Instant>();
                for (var k = start; k < end; k++)
                {
                    var e = core[order[k]];
                    latest[e.Provenance] = latest.TryGetValue(e.Provenance, out var t) && t > e.Time ? t : e.Time;
                }

                for (var k = start; k < end; k++)
                {
                    if (core[order[k]] is var e && latest[e.Provenance] > e.Time)
                    {
                        recalled.Add(e);
                    }
                }
            }

            start = end;
        }

        return recalled;
    }

    private static IReadOnlyList<TimelineEvent> Core(IReadOnlyList<TimelineEvent> timeline)
    {
        if (timeline.Count < 2)
        {
            return timeline;
        }

        // A cluster lasts until the latest end of its events: a span written early ("started on Friday … and ended on
        // Monday") holds what falls inside it.
        static Instant End(TimelineEvent e) => e.EndTime is { } pe && pe > e.Time ? pe : e.Time;
        var clusters = new List<List<TimelineEvent>> { new() { timeline[0] } };
        var end = End(timeline[0]);
        for (var i = 1; i < timeline.Count; i++)
        {
            if (timeline[i].Time - end > BackgroundGap)
            {
                clusters.Add([]);
            }

            clusters[^1].Add(timeline[i]);
            end = clusters[^1].Count == 1 ? End(timeline[i]) : Instant.Max(end, End(timeline[i]));
        }

        if (clusters.Count == 1)
        {
            return timeline;
        }

        // A long outage told day by day ("the bot is left to reconnect overnight", then nothing until "the service recovered" on
        // Monday) keeps going through a quiet stretch: the next cluster holds its recovery when the chosen one reports impact and
        // no recovery at all and the next one opens with work on it (a cause found, a fix), not with a report posted days later.
        var chosen = clusters.MaxBy(c => c.Count(e => e.Kind is not EventKind.Other and not EventKind.Change))!;
        var next = clusters.IndexOf(chosen) + 1;
        // The same story told from its recoveries (session 32): "30 of 647 services restored" days after "the fire stopped the online
        // services", with no impact told in between and none around the recoveries: the day the impact began holds their start.
        static bool Recovers(TimelineEvent e) => Has(e, EventKind.Resolution) || Has(e, EventKind.Mitigation);
        if (next > 1 && !chosen.Any(IsImpactEvidence) && chosen.Any(Recovers) && clusters[next - 2] is var before
            && before.Any(IsImpactEvidence) && !before.Any(Recovers))
        {
            return [.. before, .. chosen];
        }

        return next < clusters.Count && chosen.Any(IsImpactEvidence) && !chosen.Any(e => Has(e, EventKind.Resolution))
            && clusters[next][0].Kind is not (EventKind.Communication or EventKind.Other) && clusters[next].Any(e => Has(e, EventKind.Resolution))
            ? [.. chosen, .. clusters[next]]
            : chosen;
    }

    // Impact reported again after a recovery: impact, an alert or a customer report, in the event's own words or
    // in a status update ("a very small group of users still has connectivity problems"), and not itself a recovery or a fix.
    // A status page's "Postmortem - …" update retells the incident after it ended: its impact words are not impact reported again.
    // A call for help that tells the impact back ("reported degraded performance once more, and the call was escalated again")
    // reports it again too.
    private static bool Renews(TimelineEvent e) =>
        (e.Kind is EventKind.Impact or EventKind.Alert or EventKind.CustomerReport
            || (e.Kind is EventKind.Communication or EventKind.Other && (Has(e, EventKind.Impact) || Has(e, EventKind.CustomerReport)))
            || (e.Kind is EventKind.Escalation && Has(e, EventKind.Impact) && TellsRecurrence(e.Text)))
        && !Has(e, EventKind.Resolution) && !Has(e, EventKind.Mitigation)
        && !e.Evidence.Any(x => x.Origin == "status" && x.Phrase == "postmortem") && !CustomerConfirms(e) && !ToDoAboutImpact(e.Text);

    /// <summary>
    /// A message that tells a notice of ours went out, then what it said: "Second email sent: services back to normal",
    /// "Facebook updated, service restored". Its recovery words are the notice's content, told on, not a new moment of
    /// recovery. A status page's own update (its label, not words of sending) is not one.
    /// </summary>
    private static bool NoticeOfEnd(TimelineEvent e) =>
        e.Evidence.FirstOrDefault(x => x.Kind == EventKind.Communication && x.Origin == "text") is { } told
        && e.Evidence.FirstOrDefault(x => x.Kind == EventKind.Resolution && x.Origin == "text") is { } content
        && e.Text.IndexOf(told.Phrase, StringComparison.OrdinalIgnoreCase) is var at and >= 0
        && LeadsMessage(e.Text.AsSpan(0, at))
        && e.Text.IndexOf(content.Phrase, at + told.Phrase.Length, StringComparison.OrdinalIgnoreCase) >= 0;

    // The telling opens the message ("Second email sent: …", "Facebook updated, …"): at most three words before it and no
    // clause of its own. "No messages queued any more, moved the status page to 'Resolved'" tells the recovery first.
    private static bool LeadsMessage(ReadOnlySpan<char> before) =>
        before.IndexOfAny(",;.:!?") < 0 && before.Trim().Count(' ') < 3;

    /// <summary>How close to an approximate impact window's end a stamped recovery is taken as that end.</summary>
    private static readonly Duration NearWindowEnd = Duration.FromMinutes(15);

    private static bool Regional(TimelineEvent e) => RegionPhrase().IsMatch(e.Text);

    private static bool InProgress(TimelineEvent e) =>
        e.Evidence.FirstOrDefault(x => x.Kind == EventKind.Mitigation) is { } m && m.Origin != "status"
        && !RecoverySign().IsMatch(m.Phrase) && (m.Phrase.Split(' ')[0].EndsWith("ing", StringComparison.Ordinal) || UnderWay().IsMatch(e.Text) || Instructed(e.Text, m.Phrase));

    // "Ok fail over to backup", "right, roll it back": a bare verb after "ok", "right" or "go ahead" is an instruction, the
    // action ordered, not told done.
    private static bool Instructed(string text, string phrase) =>
        InstructionLead().Match(text) is { Success: true } lead
        && text.AsSpan(lead.Length).StartsWith(phrase, StringComparison.OrdinalIgnoreCase)
        && !phrase.Split(' ')[0].EndsWith("ed", StringComparison.Ordinal);

    // A call for named people or help ("paged in the DBA", "need network folks now", "escalated to storage"), not someone
    // arriving ("joined") nor an incident being declared.
    private static bool CallsPeople(TimelineEvent e) => e.Evidence.Any(x => x.Kind == EventKind.Escalation && CallPhrase().IsMatch(x.Phrase));

    private static bool EndedByUs(TimelineEvent e) => Has(e, EventKind.Change) || OurFix().IsMatch(e.Text);

    private static bool Has(TimelineEvent e, EventKind kind) => e.Evidence.Count == 0 ? e.Kind == kind : e.Evidence.Any(x => x.Kind == kind);

    // A row that says so ("INCIDENT START. … declares an incident", "Customer impact begins") is impact evidence whatever else it is.
    // Another company's incident told as its own ("GCP status has network connectivity issues since 3:51", "our cloud provider
    // had a network outage from 3:51PM") dates that company's incident, not the impact our users met.
    // A failure the system's own failover took over ("… offline, and the whole zone failed over to generator power") is not yet.
    // A report on the cause that dates the interruption ("the root cause analysis for the outage between 19:33 and 21:07") gives
    // the impact's window: a written span with impact words is the impact, whatever the sentence is about.
    private static bool IsImpactEvidence(TimelineEvent e) =>
        (Has(e, EventKind.Impact) || Has(e, EventKind.CustomerReport) || (e.EndTime is { } end && end > e.Time && e.Kind == EventKind.Other && !Schedule().IsMatch(e.Text)))
        && (e.Kind is not (EventKind.Mitigation or EventKind.Resolution or EventKind.Diagnosis or EventKind.Decision or EventKind.Page) || StartMarker().IsMatch(e.Text)
            || (e.Kind == EventKind.Diagnosis && IsImpactSpan(e)))
        && !Has(e, EventKind.Resolution) && !(Has(e, EventKind.Mitigation) && !StartMarker().IsMatch(e.Text))
        && !(KindLexicon.TellsOwnFailover(e.Text) && !StartMarker().IsMatch(e.Text))
        && !(OthersIncident().Match(e.Text) is { Success: true } other && !OurSide().IsMatch(e.Text.AsSpan(other.Index + other.Length)));

    // A status page's "Investigating" or "Identified" update says the team knows: it is noticed, whoever else reads it.
    private static bool NoticedNow(TimelineEvent e) =>
        (e.Kind is EventKind.Impact or EventKind.Escalation or EventKind.Change && Has(e, EventKind.Impact) && e.Actor is { } a && a != "Customer") || (Has(e, EventKind.Diagnosis) && NoticedPhrase().IsMatch(e.Text) && !Has(e, EventKind.Communication))
        || LookingInto().IsMatch(e.Text)
        || e.Evidence.Any(x => x.Origin == "status" && x.Phrase is "investigating" or "identified");

    /// <summary>
    /// The updates of a status page's history pasted as lines led by their times, without the page's labels or "Posted" stamps:
    /// "19:00 PST A few nodes are becoming unstable …", "20:09 PST The affected nodes have been shut down …". It is told by its
    /// voice: most lines are in the present ("is", "are", "have been", "will"), at least two speak as "we"/"our", and some line
    /// speaks of or to its readers (customers, users, "you", "sorry", "updates"). A postmortem's timeline is told afterwards in
    /// the past ("We rolled back"), a scribe's log has no "we" voice, and a chat message has its author.
    /// </summary>
    private static HashSet<TimelineEvent> StatusHistory(IReadOnlyList<TimelineEvent> core)
    {
        var led = core.Where(e => e.Source != "Chat" && TimeLed(e)).ToList();
        if (led.Count < 2)
        {
            return [];
        }

        var words = led.Select(e => e.Context is { Length: > 0 } c ? e.Text + " " + c : e.Text).ToList();
        var present = words.Count(w => PresentVoice().IsMatch(w));
        var we = words.Count(w => WeVoice().IsMatch(w));
        return 2 * present > led.Count && we >= 2 && words.Any(w => Readers().IsMatch(w))
            ? new HashSet<TimelineEvent>(led, ReferenceEqualityComparer.Instance)
            : [];
    }

    // An update stamped by its time: a line that opens with it ("00:20 We have lost …", "- 21:22 PST All nodes …"), or text
    // with its stamp on a line of its own below it ("Users can't connect … ⏎ 5:02 PM PDT"); not prose that names a time.
    private static bool TimeLed(TimelineEvent e)
    {
        var raw = e.Provenance.RawText.AsSpan().Trim(" \t-*•>".AsSpan());
        var written = e.WrittenTime.AsSpan().Trim();
        return LedByTime(e) || (written.Length > 0 && raw.EndsWith(written, StringComparison.Ordinal) && raw.Length > written.Length && raw[^(written.Length + 1)] == ' ' && !char.IsLetter(raw[^(written.Length + 2)]));
    }

    /// <summary>True when the event's line opens with its time: a timeline entry ("2025/03/27 09:17 GMT A report came in …", "- 21:22 PST All nodes …").</summary>
    internal static bool LedByTime(TimelineEvent e)
    {
        var written = e.WrittenTime.AsSpan().Trim();
        return written.Length > 0 && e.Provenance.RawText.AsSpan().Trim(" \t-*•>".AsSpan()).StartsWith(written, StringComparison.Ordinal);
    }

    /// <summary>The gaps of seed step 2 plus the communication gaps of the worked example.</summary>
    public static IReadOnlyList<Gap> Gaps(KeyTimestamps k) =>
    [
        Between("detection-to-escalation", "Detection to escalation", k.Detection, k.Escalation),
        Between("escalation-to-mitigation", "Escalation to mitigation", k.Escalation, k.Mitigation),
        Between("detection-to-communication", "Detection to first communication", k.Detection, k.Communication),
        Between("first-report-to-communication", "First customer report to first communication", k.FirstCustomerReport, k.Communication),
        Between("impact-to-detection", "Impact start to detection", k.ImpactStart, k.Detection),
        Between("mitigation-to-resolution", "Mitigation to resolution", k.Mitigation, k.Resolution),
    ];

    /// <summary>Whole minutes from <paramref name="from"/> to <paramref name="to"/>, or null when either is unknown.</summary>
    public static long? Minutes(KeyTimestamp? from, KeyTimestamp? to) =>
        from is null || to is null ? null : (long)Math.Floor((to.Time - from.Time).TotalMinutes);

    /// <summary>Silences longer than <paramref name="thresholdMinutes"/> between impact start and resolution.</summary>
    public static IReadOnlyList<SilentStretch> Silences(IReadOnlyList<TimelineEvent> timeline, KeyTimestamps k, int thresholdMinutes)
    {
        var start = k.ImpactStart?.Time ?? (timeline.Count > 0 ? timeline[0].Time : default);
        var end = k.Resolution?.Time ?? (timeline.Count > 0 ? timeline[^1].Time : default);
        var inWindow = timeline.Where(e => e.Time >= start && e.Time <= end).ToList();
        var result = new List<SilentStretch>();
        var covered = start;
        for (var i = 1; i < inWindow.Count; i++)
        {
            // A written range ("07:33–07:51 investigating") accounts for the time it spans.
            var previousEnd = inWindow[i - 1].EndTime is { } e && e > inWindow[i - 1].Time ? e : inWindow[i - 1].Time;
            covered = previousEnd > covered ? previousEnd : covered;
            var minutes = (long)Math.Floor((inWindow[i].Time - covered).TotalMinutes);
            if (minutes > thresholdMinutes)
            {
                result.Add(new SilentStretch(inWindow[i - 1], inWindow[i], minutes));
            }
        }

        return result;
    }

    /// <summary>Diagnostics for key timestamps in an impossible order (never clamped).</summary>
    public static IEnumerable<Diagnostic> OrderDiagnostics(KeyTimestamps k, string file)
    {
        var sequence = new (string Name, KeyTimestamp? Value)[]
        {
            ("detection", k.Detection), ("escalation", k.Escalation), ("mitigation", k.Mitigation), ("resolution", k.Resolution),
        };
        var known = sequence.Where(s => s.Value is not null).ToList();
        for (var i = 1; i < known.Count; i++)
        {
            if (known[i].Value!.Time < known[i - 1].Value!.Time)
            {
                yield return DiagnosticCatalog.KeyTimesOutOfOrder(file, known[i - 1].Name, Format(known[i - 1].Value!.Time), known[i].Name, Format(known[i].Value!.Time));
            }
        }
    }

    private static string Format(Instant instant) => instant.ToString("uuuu-MM-dd'T'HH:mm'Z'", null);

    private static Gap Between(string name, string label, KeyTimestamp? from, KeyTimestamp? to) => new(name, label, Minutes(from, to), from, to);
}
