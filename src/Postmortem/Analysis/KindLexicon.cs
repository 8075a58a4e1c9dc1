using System.Text.RegularExpressions;
using Postmortem.Model;

namespace Postmortem.Analysis;

/// <summary>
/// The phrases that give timeline events their kinds. Every matching phrase is evidence, read clause by clause:
/// a negated phrase ("no page went out") or one about another party ("our CDN provider posted on their status
/// page") is not; a mitigation that the same sentence says did not work ("reverted, but errors continued")
/// is not. The primary kind is the strongest evidence, ties settled by the order of the table.
/// </summary>
/// <remarks>
/// The order settles sentences that name two things: "decided to roll back" is a decision, not the
/// rollback; "rolled back the deploy" is a mitigation, not a change. Teams add phrases in
/// <c>.postmortem.yml</c> ('lexicon'); theirs are tried before the built-in ones of the same kind.
/// Inflections are covered by stems in the patterns (<c>escalat\w*</c>) rather than a stemming library:
/// the lexicon is a few hundred words, and the candidate library (Lucene.Net's analyzers) is a pre-release
/// that would bring a search engine into the NativeAOT binary for it. The table is printed in docs/analysis.md.
/// </remarks>
public sealed partial class KindLexicon : IKindClassifier
{
    /// <summary>The built-in phrases, in priority order.</summary>
    public static IReadOnlyList<LexiconEntry> BuiltIn => KindPhrases.BuiltIn;

    private readonly List<(LexiconEntry Entry, Regex? Regex, WordPhrases? Words)> entries;

    // The bases every word phrase of this lexicon uses: a text is read into words once for all of them.
    private readonly WordPhrases.Vocabulary vocabulary = new();

    /// <summary>Creates a lexicon from the built-in phrases plus a team's additions.</summary>
    public KindLexicon(IEnumerable<LexiconEntry>? additions = null)
    {
        var added = (additions ?? []).ToList();
        var ordered = new List<LexiconEntry>();
        foreach (var kindGroup in BuiltIn.GroupBy(e => e.Kind))
        {
            ordered.AddRange(added.Where(a => a.Kind == kindGroup.Key));
            ordered.AddRange(kindGroup);
        }

        // Additions for kinds that have no built-in phrases (other) go last.
        ordered.AddRange(added.Where(a => BuiltIn.All(b => b.Kind != a.Kind)));
        entries = ordered
            .Select(e => e.Form == LexiconForm.Words ? (e, (Regex?)null, new WordPhrases(e.Pattern, vocabulary)) : (e, Compile(e.Pattern), (WordPhrases?)null))
            .ToList();
    }

    // A built-in pattern's expression made at build time (KindPatterns); a team's with the linear-time engine where the pattern
    // allows it (one with look-arounds falls back to a time-limited one).
    private static Regex Compile(string pattern)
    {
        if (KindPatterns.Of(pattern) is { } generated)
        {
            return generated;
        }

        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        try
        {
            return new Regex(@"\b(?:" + pattern + @")\b", options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(@"\b(?:" + pattern + @")\b", options, TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>
    /// A further reader of an event's text, given the phrases' evidence and returning it with its own added (the corpus tool's
    /// learned kind model, docs/accuracy.md "a learned kind model"); null, the default, for the phrases only.
    /// </summary>
    public Func<string, IReadOnlyList<KindEvidence>, IReadOnlyList<KindEvidence>>? Supplement { get; init; }

    /// <summary>The default lexicon.</summary>
    public static KindLexicon Default { get; } = new();

    /// <summary>Longest text read for kinds: past this a text is cut (a pasted log line is not a sentence).</summary>
    public const int MaxTextLength = 4096;

    /// <summary>Classifies a text: the primary kind and the phrase that decided it, or <see cref="EventKind.Other"/>.</summary>
    public (EventKind Kind, string Rule) Classify(string text)
    {
        var evidence = Read(text, null);
        return evidence.Count == 0 ? (EventKind.Other, "lexicon:no-match") : (evidence[0].Kind, Rule(evidence[0]));
    }

    /// <summary>The rule string of a piece of evidence, as the JSON shows it (<c>lexicon:mitigation:'rolled back'</c>).</summary>
    public static string Rule(KindEvidence e) => e.Origin == "text" ? $"lexicon:{e.Kind.ToName()}:'{e.Phrase}'" : $"{e.Origin}:{e.Kind.ToName()}:'{e.Phrase}'";

    /// <summary>
    /// Every kind that <paramref name="text"/> and <paramref name="status"/> (a table's status cell) support,
    /// strongest first; empty when nothing matches.
    /// </summary>
    public IReadOnlyList<KindEvidence> Read(string text, string? status)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(KindEvidence Evidence, int Order)>();
        if (status is { Length: > 0 })
        {
            Collect(status.Length > MaxTextLength ? status[..MaxTextLength] : status, "status", 1.0, found);
        }

        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }

        // "Resolved - This incident has been resolved": a status page's own label leads the text.
        // "We set our status page to 'Investigating: Payment issues'": the label a writer says they set is the page's label.
        var label = StatusLabel().Match(text);
        (int Start, int End)? unset = null;
        if (!label.Success)
        {
            label = QuotedStatusLabel().Match(text);
            if (label.Success && LabelNotSet(text, label.Index))
            {
                // "Not moving the status page to 'Resolved' until …", "We will set the status to 'Resolved' once …": the label
                // is not set, so neither the page's label nor the words naming it ('status page', 'resolved') tell anything.
                unset = (label.Index, label.Index + label.Length);
                label = Match.Empty;
            }
        }

        if (label.Success)
        {
            var word = label.Groups["label"].Value.ToLowerInvariant();
            found.Add((new KindEvidence(EventKind.Communication, word, "status", 0.9), Order(EventKind.Communication)));
            if (StatusLabelKind(word) is { } also)
            {
                found.Add((new KindEvidence(also, word, "status", 0.9), Order(also)));
            }
        }

        Collect(text, "text", 0.6, found, unset);
        var ordered = found
            .OrderByDescending(f => f.Evidence.Strength)
            .ThenBy(f => f.Order)
            .Select(f => f.Evidence)
            .DistinctBy(e => (e.Kind, e.Origin))
            .ToList();

        // "Decided to roll back": the rollback has not happened yet; the decision is the moment.
        return ordered.Count > 0 && ordered[0].Kind == EventKind.Decision
            ? ordered.Where(e => e.Kind == EventKind.Decision || e.Origin != "text").ToList()
            : ordered;
    }

    private void Collect(string text, string origin, double strength, List<(KindEvidence, int)> found, (int Start, int End)? unset = null)
    {
        var clauses = Clauses(text);
        List<WordPhrases.Token>? words = null;

        // Where recoveries and mitigations were read: an impact word inside one ("errors ceased", "error rates returned to
        // normal") is what recovered, not impact told; a change inside one ("rolled out a fix") or undone by one in its clause
        // ("the upgrade was reverted") is the mitigation, not a change made.
        var recovered = new List<(int Start, int End, bool Undo)>();
        int? resolvedAt = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var (entry, regex, phrases) = entries[i];
            var matches = phrases is null ? Matches(regex!, text) : phrases.Matches(words ??= vocabulary.Read(text));
            if (entry.Kind == EventKind.Impact && matches.Count > 1 && text.Contains("no longer", StringComparison.OrdinalIgnoreCase))
            {
                // "The affected routes are no longer losing packets": the impact said to be over decides, not the first impact word.
                matches = [.. matches.OrderBy(m => NoLonger().IsMatch(text.AsSpan(0, m.Index)) ? 0 : 1)];
            }

            foreach (var m in matches)
            {
                if (unset is { } u && m.Index < u.End && u.Start < m.Index + m.Length)
                {
                    continue;
                }

                var clause = clauses.First(c => m.Index >= c.Start && m.Index < c.End);
                if ((entry.Kind == EventKind.Impact && recovered.Any(r => m.Index < r.End && r.Start < m.Index + m.Length))
                    || (entry.Kind == EventKind.Change && recovered.Any(r => (m.Index < r.End && r.Start < m.Index + m.Length) || (r.Undo && r.Start >= clause.Start && r.Start < clause.End)
                        || (r.Start >= m.Index + m.Length && r.Start - m.Index - m.Length <= 16 && LeadIn().IsMatch(text.AsSpan(m.Index + m.Length, r.Start - m.Index - m.Length))))))
                {
                    continue;
                }

                var before = text.AsSpan(clause.Start, m.Index - clause.Start);
                var phrase = text.Substring(m.Index, m.Length);
                if (entry.Kind == EventKind.Impact && before.Contains("no longer", StringComparison.OrdinalIgnoreCase) && NoLonger().IsMatch(before))
                {
                    // "Performance is no longer degraded": impact said to be over is a recovery ("no longer delayed for most" a partial one).
                    var over = Partial().IsMatch(PartialScope(text, clause, m.Index, phrase)) ? EventKind.Mitigation : EventKind.Resolution;
                    found.Add((new KindEvidence(over, (NoLonger().Match(before.ToString()).Value + phrase).ToLowerInvariant(), origin, strength), Order(over)));
                    continue;
                }

                // A request for help is the escalation however it is put ("need network folks now", "can someone from storage join?").
                // So is a call for someone to join ("@anil please join", "can you page storage?"): only a plan ("I'll join") is not yet one.
                var request = entry.Kind == EventKind.Escalation && phrases is not null;
                var asked = entry.Kind == EventKind.Escalation;
                // "All services should be back online": the status voice telling a recovery now is not a plan ("should be back by 17:00"
                // still is, below).
                var planWindow = entry.Kind == EventKind.Resolution && ShouldBe().Match(before.ToString()) is { Success: true } should ? before[..should.Index] : before;
                var rest = text.AsSpan(m.Index + m.Length, Math.Max(0, Math.Min(clause.End, text.Length) - m.Index - m.Length));
                if (IsNegated(planWindow, phrase, asked, rest) || (!request && IsPlanOrRequest(text, m.Index, asked)) || (entry.Kind == EventKind.Escalation && Ended().IsMatch(text.AsSpan(m.Index + m.Length)))
                    || (entry.Kind == EventKind.Mitigation && GettingWord().IsMatch(before) && ReadyAfter().IsMatch(rest))
                    || (entry.Kind == EventKind.Mitigation && (ByMistakeAfter().IsMatch(rest) || ByMistakeBefore().IsMatch(before)))
                    || (entry.Kind == EventKind.Communication && OtherParty().IsMatch(text.AsSpan(clause.Start, Math.Min(clause.End, text.Length) - clause.Start))))
                {
                    continue;
                }

                if (entry.Kind == EventKind.Escalation && StatusChannel().IsMatch(text.AsSpan(clause.Start, Math.Min(clause.End, text.Length) - clause.Start)))
                {
                    continue; // "Opened an incident on our status page": a public notice, not more people.
                }

                if (entry.Kind is EventKind.Resolution or EventKind.Mitigation && !phrase.StartsWith("no ", StringComparison.OrdinalIgnoreCase) && (Negation().IsMatch(phrase) || FrenchNegation().IsMatch(phrase) || CjkNotYet().IsMatch(phrase)))
                {
                    continue; // "The errors have not stopped", "users could not log in again", "le trafic ne reprend": a negation inside the recovery phrase.
                }

                if (entry.Kind == EventKind.Resolution && ReturnedVerb().IsMatch(phrase) && WatchSubject().IsMatch(before) && SwitchedOnAfter().IsMatch(text.AsSpan(m.Index + m.Length)))
                {
                    continue; // "Re-enabled alerting; all monitors were back on": what watches the service switched back on, not the service back (review30 F9).
                }

                if (entry.Kind is EventKind.Resolution or EventKind.Mitigation && TheirRecordAround(text, m.Index, m.Length))
                {
                    continue; // "Google Cloud gave the all clear for their incident": another party's record, not our recovery.
                }

                if (entry.Kind is EventKind.Resolution or EventKind.Mitigation && AsksAbout(text, m.Index, m.Index + m.Length))
                {
                    continue; // "has the outage been resolved?", "czy awaria została usunięta?": a question about the end is not the end (review33 F18).
                }

                if (entry.Kind is EventKind.Resolution or EventKind.Mitigation && StillAhead().IsMatch(rest))
                {
                    continue; // "All queued mail delivered by 9 AM tomorrow": a recovery dated in days to come is a forecast, not one seen.
                }

                if (entry.Kind == EventKind.Mitigation && !Improvement().IsMatch(phrase) && NoEffect().IsMatch(text.AsSpan(m.Index)))
                {
                    continue; // "Reverted, but errors continued": nothing was mitigated.
                }

                if (entry.Kind == EventKind.Impact && NamesWhatWasHit(text, m.Index, phrase))
                {
                    continue; // "Watching the affected router", "a notice to affected customers": who was hit, named; not impact told.
                }

                if (entry.Kind == EventKind.Impact && HeldUpWord().IsMatch(phrase) && (WorkingOff().IsMatch(before) || BeingWorkedOff().IsMatch(rest)))
                {
                    continue; // "We worked through the backlog", "the backlog should clear within 20 minutes": the held-up work, not impact told.
                }

                if (entry.Kind == EventKind.Impact && IsHarmAvoidedOrObstacle(before, phrase, rest))
                {
                    continue; // "Thankfully the corrupted invoices were never sent", "the on-call engineer had no access to the runbook".
                }

                if (IsNamedNotDone(entry.Kind, phrase, rest))
                {
                    continue; // "Just woke up to these alerts", "the failover config is yours": named, not a call or a failover done.
                }

                if (IsNotYetInItsLanguage(entry.Kind, text, m.Index, phrase))
                {
                    continue; // "开始恢复正常", "ich denke morgen früh läuft alles wieder": begun, or a day ahead, in its language.
                }

                if (entry.Kind == EventKind.Mitigation && IsFaultsOwnSwitch(text, m.Index, phrase))
                {
                    continue; // "The whole zone failed over to generator power", "keeps crashing and restarting": the failure, not an action taken.
                }

                if (entry.Kind == EventKind.Mitigation && IsWaitedOn(text, m.Index))
                {
                    // Another party's work we waited on is not our action; what it brought back is the recovery (Corpus/README.md, "Label
                    // conventions": a provider's recovery leaves the mitigation unknown).
                    if (BroughtBack().IsMatch(phrase))
                    {
                        found.Add((new KindEvidence(EventKind.Resolution, phrase.ToLowerInvariant(), origin, strength), Order(EventKind.Resolution)));
                    }

                    continue;
                }

                if (entry.Kind == EventKind.Mitigation && IsUnplannedSwitch(text, clause.Start, m.Index, phrase))
                {
                    // "An unplanned reboot", "the upgrade rebooted every node", "the hosts kept restarting": something done to us, the impact.
                    found.Add((new KindEvidence(EventKind.Impact, phrase.ToLowerInvariant(), origin, strength), Order(EventKind.Impact)));
                    continue;
                }

                if (entry.Kind == EventKind.Impact && recovered.Any(r => r.Start > m.Index + m.Length && r.Start < clause.End
                        && SubjectGap().IsMatch(text.AsSpan(m.Index + m.Length, r.Start - m.Index - m.Length))))
                {
                    continue; // "Latency stabilised", "the failing gateway was taken out of service": the impact is what recovered, not impact told.
                }

                if (entry.Kind == EventKind.Impact && NamesTheCause(text, m.Index))
                {
                    continue; // "We identified the expired certificate as the cause of the errors": the errors are the finding's object, not impact told.
                }

                if (entry.Kind == EventKind.Page && AcknowledgedFact().IsMatch(text.AsSpan(m.Index + m.Length))
                    && StatusChannel().IsMatch(text.AsSpan(clause.Start, Math.Min(clause.End, text.Length) - clause.Start)))
                {
                    continue; // "Updated the status page to acknowledge the outage": a public acknowledgement, not a page answered.
                }

                if (entry.Kind == EventKind.CustomerReport && (OurTicket().IsMatch(before) || MadeToCheck().IsMatch(before) || TicketWithParty().IsMatch(text.AsSpan(m.Index + m.Length))
                    || (WorkFor().IsMatch(before) && TicketNumber().IsMatch(text.AsSpan(m.Index + m.Length)))))
                {
                    // "We escalated the ticket", "we are leaving the ticket open", "raised a ticket with the carrier": our own handling of a
                    // ticket, or our ticket with another party, not a customer reporting. "Logged in and opened a test ticket": a check we made.
                    // "Deploy for ticket 4411 is out", "the fix for ticket #812": a ticket named by its number as what a change is for is
                    // the work item, not a customer reporting.
                    continue;
                }

                if (entry.Kind == EventKind.Resolution && ImpactSubject().IsMatch(before) && ReturnedVerb().IsMatch(phrase) && !BackToLevel().IsMatch(text.AsSpan(m.Index + m.Length)))
                {
                    // "Errors are back", "the timeouts came back": the impact returning, not the service.
                    found.Add((new KindEvidence(EventKind.Impact, phrase.ToLowerInvariant(), origin, strength), Order(EventKind.Impact)));
                    continue;
                }

                if (entry.Kind is EventKind.Resolution or EventKind.Mitigation && phrase.EndsWith(" back", StringComparison.OrdinalIgnoreCase) && WithFailures().IsMatch(text.AsSpan(m.Index + m.Length)))
                {
                    continue; // "Our auth calls are coming back with errors": the answers returning failed, not the service returning.
                }

                if (entry.Kind is EventKind.Resolution or EventKind.Mitigation && phrase.EndsWith(" back", StringComparison.OrdinalIgnoreCase) && Replied().IsMatch(text.AsSpan(m.Index + m.Length)))
                {
                    continue; // "ICT came back asking for more details": someone answering, not the service back.
                }

                if (entry.Kind == EventKind.Resolution && m.Ing)
                {
                    // "We are restoring service", "services recovering": a recovery under way stops the bleeding, it has not ended the impact.
                    found.Add((new KindEvidence(EventKind.Mitigation, phrase.ToLowerInvariant(), origin, strength), Order(EventKind.Mitigation)));
                    recovered.Add((m.Index, m.Index + m.Length, false));
                    break;
                }

                if (entry.Kind == EventKind.Resolution && (Awaited().IsMatch(before) || (ShouldBe().IsMatch(before) && StillToCome().IsMatch(text.AsSpan(m.Index + m.Length)))))
                {
                    // "it will take another 10 minutes for everyone to come back online", "should be back by 17:00": not yet. "All services
                    // should be back online" is the status voice telling the recovery now.
                    continue;
                }

                if (entry.Kind == EventKind.Resolution && (Partial().IsMatch(PartialScope(text, clause, m.Index, phrase)) || LeavesWork(text.AsSpan(m.Index + m.Length))
                    || OngoingAfter().IsMatch(text.AsSpan(m.Index + m.Length))))
                {
                    // "Everything but the mobile site was back up", "the portal is restored; the API is still unavailable": the bleeding
                    // stopped, impact did not end.
                    found.Add((new KindEvidence(EventKind.Mitigation, phrase.ToLowerInvariant(), origin, strength), Order(EventKind.Mitigation)));
                    recovered.Add((m.Index, m.Index + m.Length, false));
                    break;
                }

                found.Add((new KindEvidence(entry.Kind, phrase.ToLowerInvariant(), origin, strength), i));
                if (entry.Kind == EventKind.Resolution)
                {
                    resolvedAt ??= m.Index;
                }

                if (entry.Kind is EventKind.Resolution or EventKind.Mitigation)
                {
                    recovered.Add((m.Index, m.Index + m.Length, entry.Kind == EventKind.Mitigation && Undo().IsMatch(phrase)));
                }

                break;
            }
        }

        // "We rebooted the switch and traffic returned to normal", "restored by switching to the spare link": the action that
        // ended the impact is the mitigation too (docs/analysis.md, "whose action").
        if (resolvedAt is { } at && !found.Any(f => f.Item1.Kind == EventKind.Mitigation && f.Item1.Origin == origin))
        {
            var start = SentenceStart(text, at);
            var action = OurAction().Match(text, start, at - start);
            if (!action.Success)
            {
                action = ThatWorked().Match(text, start, at - start);
            }

            if (!action.Success)
            {
                action = ActionDoneBefore().Match(text, start, at - start);
            }

            var by = action.Success ? null : ByDoing().Match(text, at, text.Length - at);
            if (action.Success || by!.Success)
            {
                var phrase = action.Success ? action.Value : by!.Value[(by.Value.LastIndexOf(' ') + 1)..];
                found.Add((new KindEvidence(EventKind.Mitigation, phrase.ToLowerInvariant(), origin, strength), Order(EventKind.Mitigation)));
            }
        }
    }

    /// <summary>
    /// True when "affected" only names what the incident hit ("the provider is watching the affected router", "a notice went
    /// out to affected customers", "we are still working out what was affected"): the word points back at the impact, it does
    /// not tell impact happening at that moment. "Customers in Paris are affected", "users affected by the outage" still do.
    /// </summary>
    /// <summary>
    /// True when an impact form that tells something not done ("never delivered", "stopped invoices from being sent") tells harm
    /// avoided: said with luck, or what was stopped is itself bad ("the duplicate emails", "the bad config"); or when "had no
    /// access"/"no power" is a responder's obstacle ("the on-call engineer had no access to the runbook", "no power to change it").
    /// </summary>
    private static bool IsHarmAvoidedOrObstacle(ReadOnlySpan<char> before, string phrase, ReadOnlySpan<char> rest)
    {
        if (AvoidedWord().IsMatch(phrase))
        {
            // What never went out is named before "never"; what was stopped, inside "stopped … from" (before it is the cause).
            return Luck().IsMatch(before) || HarmfulThing().IsMatch(phrase.StartsWith("never", StringComparison.OrdinalIgnoreCase) ? before : phrase);
        }

        return phrase.Contains(" no ", StringComparison.OrdinalIgnoreCase)
            && ((phrase.EndsWith("access", StringComparison.OrdinalIgnoreCase) && ResponderSubject().IsMatch(before))
                || (phrase.EndsWith("power", StringComparison.OrdinalIgnoreCase) && AbilityTo().IsMatch(rest)));
    }

    private static bool NamesWhatWasHit(string text, int index, string phrase) =>
        phrase.Equals("affected", StringComparison.OrdinalIgnoreCase)
        && ((AffectedDeterminer().IsMatch(text.AsSpan(0, index)) && AffectedNoun().IsMatch(text.AsSpan(index + phrase.Length)))
            || WhatWasHit().IsMatch(text.AsSpan(0, index)));

    /// <summary>
    /// True when a restart or reboot happened to the system rather than being done by the team: called unplanned or
    /// unexpected ("an unplanned reboot", "the hosts kept rebooting"), done by a change or a command rather than a person
    /// ("the upgrade rebooted key systems", "a mistyped command and every node rebooted at once"), or all at once. The
    /// restart is then the impact. "We rebooted the router", "engineers restarted the upgraded hosts" stay mitigations.
    /// </summary>
    internal static bool IsUnplannedSwitch(string text, int clauseStart, int index, string phrase)
    {
        if (!RestartWord().IsMatch(phrase))
        {
            return false;
        }

        var lead = text.AsSpan(clauseStart, index - clauseStart);
        var after = text.AsSpan(index + phrase.Length);
        return Unplanned().IsMatch(lead) || AllAtOnce().IsMatch(after) || (Repeated().IsMatch(lead) && !Doer().IsMatch(lead)) || ChangeSubject().IsMatch(lead);
    }

    /// <summary>
    /// True when the impact word at <paramref name="index"/> is what a finding of cause names: the sentence says the cause was
    /// identified ("identified", "confirmed that", "traced") before the word and calls something the cause ("as the cause of the
    /// errors", "was behind the errors"). The impact was told earlier; this moment is the diagnosis.
    /// </summary>
    internal static bool NamesTheCause(string text, int index)
    {
        var start = SentenceStart(text, index);
        var lead = text.AsSpan(start, index - start);
        // Both before the impact word: "identified elevated 5xx errors at 09:12, caused by a bad push" still tells impact.
        return CauseFound().IsMatch(lead) && CauseWord().IsMatch(lead);
    }

    /// <summary>
    /// True when a failover or restart is the failing system's own ("the zone lost utility power and failed over to the
    /// generators", "the listener keeps crashing and restarting", "DOWN since 10:50. traffic failed over to the backup link"):
    /// nobody did it (no object — nothing was failed over or restarted — and no person before it in its clause), and the text
    /// reports the failure before it or with it. Mitigation is what the team did to stop the bleeding; "we failed over to the DR
    /// site", "restarting the unreachable hosts" and "web hosts restarted on other nodes" (no failure told) still are.
    /// </summary>
    internal static bool IsFaultsOwnSwitch(string text, int index, string phrase)
    {
        if (!SwitchVerb().IsMatch(phrase) || SwitchObject().IsMatch(text.AsSpan(index + phrase.Length)))
        {
            return false;
        }

        var clauseStart = index;
        while (clauseStart > 0 && text[clauseStart - 1] is not ('.' or ',' or ';' or ':' or '\n' or '!' or '?'))
        {
            clauseStart--;
        }

        var end = index + phrase.Length;
        while (end < text.Length && !(text[end] is '\n' || (text[end] is '.' or '!' or '?' && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1])))))
        {
            end++;
        }

        var lead = text.AsSpan(clauseStart, index - clauseStart);
        return !Doer().IsMatch(lead) && !Passive().IsMatch(lead) && Fault().IsMatch(text.AsSpan(0, end));
    }

    /// <summary>True when the text tells something whole: "the list service is fully operational", "completely restored".</summary>
    internal static bool TellsWhole(string text) => Whole().IsMatch(text);

    /// <summary>
    /// True when the text tells a failover the failing system made by itself ("took two substations offline, and the
    /// whole zone failed over to generator power"): what failed was taken over by something else, so its users were not yet hurt.
    /// </summary>
    internal static bool TellsOwnFailover(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var m in OwnFailover().EnumerateMatches(text))
        {
            if (IsFaultsOwnSwitch(text, m.Index, text.Substring(m.Index, m.Length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where a partial word ("some", "most") limits a recovery: its clause; for a recovery that says it is whole
    /// ("fully restored", "all services recovered") only its own sentence, so "Everything is fully restored. Some load
    /// remains on the replicas" is a resolution.
    /// </summary>
    private static ReadOnlySpan<char> PartialScope(string text, (int Start, int End) clause, int index, string phrase)
    {
        var span = text.AsSpan(clause.Start, Math.Min(clause.End, text.Length) - clause.Start);
        if (!Whole().IsMatch(phrase) && !Whole().IsMatch(text.AsSpan(clause.Start, index - clause.Start)))
        {
            return span;
        }

        return Sentence(text, index);
    }

    /// <summary>
    /// Another party's record of its own incident around a recovery: "their status page", "their incident" anywhere in the
    /// sentence; "on their side" only in the recovery's own stretch of it, up to the "and" or comma that joins another
    /// subject: "the provider fixed it on their side and the system was back to normal" tells our recovery, "the carrier says it
    /// is resolved on their side" does not.
    /// </summary>
    private static bool TheirRecordAround(string text, int index, int length)
    {
        var sentence = Sentence(text, index);
        foreach (var m in TheirRecord().EnumerateMatches(sentence))
        {
            if (!sentence.Slice(m.Index, m.Length).EndsWith("side", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var start = SentenceStart(text, index);
            var (from, to) = (start + m.Index, start + m.Index + m.Length);
            var between = from >= index + length ? text.AsSpan(index + length, from - index - length) : to <= index ? text.AsSpan(to, index - to) : [];
            if (!JoinsAnother().IsMatch(between))
            {
                return true;
            }
        }

        return false;
    }

    // The sentence holding index, up to its end mark.
    private static ReadOnlySpan<char> Sentence(string text, int index)
    {
        var start = SentenceStart(text, index);
        var end = index;
        while (end < text.Length && !(text[end] == '\n' || (text[end] is '.' or '!' or '?' && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1])) && !Abbreviation(text, end))))
        {
            end++;
        }

        return text.AsSpan(start, end - start);
    }

    private static List<(int Index, int Length, bool Ing)> Matches(Regex regex, string text)
    {
        var list = new List<(int, int, bool)>();
        try
        {
            foreach (var m in regex.EnumerateMatches(text))
            {
                list.Add((m.Index, m.Length, false));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A team pattern that backtracks without end gives no evidence rather than a crash.
        }

        return list;
    }

    // A request for help is not a plan however it is put ("can you get the provider on?"): only a negation undoes it.
    private static bool IsNegated(ReadOnlySpan<char> before, string phrase, bool request = false, ReadOnlySpan<char> after = default)
    {
        // Look at the last few words before the phrase, inside its clause.
        var start = before.Length;
        var words = 0;
        while (start > 0 && words < 4)
        {
            start--;
            if (char.IsWhiteSpace(before[start]) && start + 1 < before.Length && !char.IsWhiteSpace(before[start + 1]))
            {
                words++;
            }
        }

        // "Rhys isn't answering, can you take a look?": a negation before a comma or semicolon belongs to the clause it ends.
        var window = before[start..];
        if (window.LastIndexOfAny(',', ';') is var stop and >= 0)
        {
            window = window[(stop + 1)..];
        }

        return (Negation().IsMatch(window) || FrenchNegation().IsMatch(window) || FrenchNotAfter().IsMatch(after) || Plans(window, request, phrase, after))
            && !phrase.StartsWith("no ", StringComparison.OrdinalIgnoreCase);
    }

    // Words of intent in a window; for a call for people, a request ("can you", "could you", "please") is the call itself.
    // An effort ("working to", "efforts to") defers only the verb right after its "to", and not when the clause then tells it done:
    // "efforts to roll back the release succeeded" is the rollback; "technicians working to restore service rebooted the core
    // router" is the reboot (a past-tense verb of its own, not the one after "to").
    private static bool Plans(ReadOnlySpan<char> window, bool requestIsCall, string? phrase = null, ReadOnlySpan<char> after = default)
    {
        foreach (var m in Intent().EnumerateMatches(window))
        {
            if (phrase is not null && EffortWords().IsMatch(window.Slice(m.Index, m.Length))
                && (Completed().IsMatch(after) || (!window[(m.Index + m.Length)..].IsWhiteSpace() && PastVerb().IsMatch(phrase))))
            {
                continue;
            }

            if (!requestIsCall || !Asks(window.Slice(m.Index, m.Length)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Asks(ReadOnlySpan<char> words) =>
        words.StartsWith("can", StringComparison.OrdinalIgnoreCase) || words.StartsWith("could", StringComparison.OrdinalIgnoreCase) || words.StartsWith("please", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when the sentence holding the phrase opens as a plan or a request ("I'll put a banner up and update the
    /// status page", "Eliza: can you post a note on the status blog"): however far the phrase is from that opening,
    /// nothing in the sentence has happened yet.
    /// </summary>
    private static bool IsPlanOrRequest(string text, int index, bool requestIsCall = false)
    {
        var start = index;
        while (start > 0 && !(text[start - 1] is '\n' || (start >= 2 && text[start - 1] == ' ' && text[start - 2] is '.' or '!' or '?')))
        {
            start--;
        }

        var lead = PlanLead().Match(text, start, index - start);
        if (!lead.Success)
        {
            return false;
        }

        // "Eliza: can you …": the words after the addressee say whether it is a request.
        var cut = lead.Value.IndexOfAny([':', ',']);
        return !(requestIsCall && Asks(lead.Value.AsSpan(cut + 1).TrimStart(" \t@\"'*_([".AsSpan())));
    }

    // The start of the sentence holding index: after the last end mark that is not an abbreviation ("a.m.").
    // The sentence up to the phrase tells of waiting on another party ("We waited while they … brought the network back").
    private static bool IsWaitedOn(string text, int index)
    {
        var start = SentenceStart(text, index);
        return WaitedOnOthers().IsMatch(text.AsSpan(start, index - start));
    }

    private static int SentenceStart(string text, int index)
    {
        var start = index;
        while (start > 0 && !(text[start - 1] is '\n' || (start >= 2 && char.IsWhiteSpace(text[start - 1]) && text[start - 2] is '.' or '!' or '?' && !Abbreviation(text, start - 2))))
        {
            start--;
        }

        return start;
    }

    // "a.m.", "p.m.", "e.g.", "i.e.": a dot inside a short token is not a sentence end.
    private static bool Abbreviation(string text, int dot) => dot >= 2 && text[dot - 2] == '.' && char.IsLetter(text[dot - 1]);

    private static List<(int Start, int End)> Clauses(string text)
    {
        var result = new List<(int, int)>();
        var start = 0;
        foreach (var m in ClauseBreak().EnumerateMatches(text))
        {
            result.Add((start, m.Index));
            start = m.Index;
        }

        result.Add((start, text.Length + 1));
        return result;
    }

    // A quoted status label is set only when its clause, up to it, neither denies nor defers nor plans the setting ("not moving
    // the status page to …", "holding off on switching the status to …", "we will set the status to …"), as for any phrase.
    private static bool LabelNotSet(string text, int index)
    {
        var clauseStart = Math.Max(Clauses(text).Last(c => c.Start <= index).Start, SentenceStart(text, index));
        var window = text.AsSpan(clauseStart, index - clauseStart);
        if (window.LastIndexOfAny(',', ';') is var stop and >= 0)
        {
            window = window[(stop + 1)..]; // "No messages queued any more, moved the status page to 'Resolved'": the denial ends at the comma.
        }

        return Negation().IsMatch(window) || Plans(window, false) || IsPlanOrRequest(text, index);
    }

    private int Order(EventKind kind) => entries.FindIndex(e => e.Entry.Kind == kind) is var i and >= 0 ? i : entries.Count;

    private static EventKind? StatusLabelKind(string label) => label switch
    {
        "resolved" => EventKind.Resolution,
        "monitoring" => EventKind.Mitigation,
        "identified" => EventKind.Diagnosis,
        "investigating" => EventKind.Diagnosis,
        _ => null,
    };

    /// <summary>
    /// True when <paramref name="after"/> (what a text says after a recovery) leaves work to do on the same thing: "the AC is fully
    /// back. The remaining servers will be started shortly", "fully restored. starting the remaining servers". The recovery then
    /// stopped the bleeding; the end is when the rest is back ("the remaining customers are back online").
    /// </summary>
    internal static bool LeavesWork(ReadOnlySpan<char> after) =>
        (after.Contains("remaining", StringComparison.OrdinalIgnoreCase) || after.Contains("rest of", StringComparison.OrdinalIgnoreCase)) && RemainingWork().IsMatch(after);
}
