using System.Text;
using System.Text.RegularExpressions;
using Postmortem.Model;

namespace Postmortem.Analysis;

/// <summary>Gives events their kind, source and actor from their own text and the roster; explicit values win.</summary>
public static partial class EventEnricher
{
    /// <summary>Classifies and attributes every event; returns them sorted by time (stable for equal times).</summary>
    public static IReadOnlyList<TimelineEvent> Enrich(IEnumerable<TimelineEvent> events, KindLexicon lexicon, IReadOnlyList<TeamMember> roster) =>
        EnrichInPlace([.. events], lexicon, roster);

    /// <summary>
    /// <see cref="Enrich(IEnumerable{TimelineEvent}, KindLexicon, IReadOnlyList{TeamMember})"/> into <paramref name="events"/> itself: each event is replaced by its enriched copy, so the
    /// event as read is garbage as soon as it is enriched instead of living beside its copy (issue 9, scale). The list may
    /// be the result.
    /// </summary>
    internal static IReadOnlyList<TimelineEvent> EnrichInPlace(List<TimelineEvent> events, KindLexicon lexicon, IReadOnlyList<TeamMember> roster)
    {
        // Equal evidence lists and rule names are shared between events, and the sort is of indices, not of
        // (event, index) pairs: a million events are enriched without a second copy of everything (issue 9).
        var enrich = For(lexicon, roster);
        for (var i = 0; i < events.Count; i++)
        {
            events[i] = enrich(events[i]);
        }

        return InTimeOrder(events);
    }

    /// <summary>
    /// Enrichment of one event at a time, for a reader to apply to each event as soon as nothing will change it (issue 9,
    /// scale): the event as read is then garbage while it is young, instead of a million of them reaching the oldest
    /// generation beside their enriched copies. Equal evidence lists and rule names are shared across the calls.
    /// </summary>
    internal static Func<TimelineEvent, TimelineEvent> For(KindLexicon lexicon, IReadOnlyList<TeamMember> roster)
    {
        var cache = new EvidenceCache();
        return e => Enrich(e, lexicon, roster, cache);
    }

    /// <summary>Enriched <paramref name="events"/> sorted by time, stable for equal times; the list itself when already in order.</summary>
    internal static IReadOnlyList<TimelineEvent> InTimeOrder(List<TimelineEvent> events)
    {
        var ordered = true;
        for (var i = 1; i < events.Count && ordered; i++)
        {
            ordered = events[i - 1].Time <= events[i].Time;
        }

        if (ordered)
        {
            return events;
        }

        var order = new int[events.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Stable by time: equal times keep their input order.
        Array.Sort(order, (a, b) => events[a].Time.CompareTo(events[b].Time) is var byTime and not 0 ? byTime : a.CompareTo(b));
        var sorted = new List<TimelineEvent>(order.Length);
        foreach (var i in order)
        {
            sorted.Add(events[i]);
        }

        return sorted;
    }

    private static TimelineEvent Enrich(TimelineEvent e, KindLexicon lexicon, IReadOnlyList<TeamMember> roster, EvidenceCache cache)
    {
        EventKind kind;
        string rule;
        IReadOnlyList<KindEvidence> evidence;
        if (KindRules.IsFixed(e.KindRule))
        {
            (kind, rule) = (e.Kind, e.KindRule);
            evidence = cache.Intern([new KindEvidence(e.Kind, e.KindRule, "explicit", 1.0)]);
        }
        else
        {
            evidence = lexicon.Read(e.Text, e.Status);
            if (string.Equals(e.Source, "chat", StringComparison.OrdinalIgnoreCase) && evidence.Any(x => x.Kind == EventKind.Communication && StatusVoice().IsMatch(x.Phrase))
                && !PublicChannel().IsMatch(e.Text))
            {
                // "We're seeing 500s on checkout" in a chat is responders talking: the status voice is a communication only
                // where customers read it (a status page, a notice, notes, or a chat message that quotes a public post).
                evidence = evidence.Where(x => x.Kind != EventKind.Communication || !StatusVoice().IsMatch(x.Phrase)).ToList();
            }

            if (string.Equals(e.Source, "chat", StringComparison.OrdinalIgnoreCase) && evidence.Any(x => x.Origin == "status" && x.Phrase is "update" or "updated")
                && !PublicChannel().IsMatch(e.Text))
            {
                // "Updated: bumped the pool to 40" in a chat is someone telling what they changed: a status page's label heads an
                // update on the page, not a message in the team's channel.
                evidence = evidence.Where(x => !(x.Origin == "status" && x.Phrase is "update" or "updated")).ToList();
            }

            if (e.Source == "Status page" && evidence.All(x => x.Kind != EventKind.Communication))
            {
                // An update copied from a status page is a communication whatever it says.
                evidence = [.. evidence, new KindEvidence(EventKind.Communication, "status page update", "source", 0.9)];
            }

            if (lexicon.Supplement is { } supplement)
            {
                evidence = supplement(e.Text, evidence);
            }

            if (e.Context is { Length: > 0 } context)
            {
                if (evidence.Any(x => x.Kind == EventKind.Resolution && x.Origin == "text") && KindLexicon.LeavesWork(context))
                {
                    // "The AC is fully back. The remaining servers will be started shortly": the bleeding stopped; the rest is still to come.
                    evidence = evidence.Select(x => x.Kind == EventKind.Resolution && x.Origin == "text" ? x with { Kind = EventKind.Mitigation } : x)
                        .DistinctBy(x => (x.Kind, x.Origin)).ToList();
                }

                // The sentences after a timed one may say how it was seen (paged, alerted), what users saw, or who was called
                // ("We have raised it with the fibre provider as a P1 case"); nothing else. "Joined" there is too loose to be a
                // person arriving ("the clusters have to be joined back together").
                // A timeline entry led by its time is one moment ("2025/03/27 09:17 GMT A report came in … We put an announcement on
                // the home page.", "… was unblocked and full service came back."): a notice or a recovery its later sentences tell
                // was the state then too, unless they say it came later ("later", "eventually", "until"). An action told there is
                // often a step that followed ("asked them to reboot the switches", "tried toggling flags"), so it is not taken; in
                // prose the sentences after a timed one retell what came later, so there none of these is.
                // A stamp alone on its line with the update below it ("Nov 24, 2023 10:05 UTC+0 (2 months ago)") is no entry: the next
                // update's label ("Resolved") can fall into its context.
                // Sentences that tell what was not hurt ("Everything else kept working normally: the API, alert ingestion, escalations")
                // name features, not events: nothing is taken from them.
                var entry = !string.Equals(e.Source, "chat", StringComparison.OrdinalIgnoreCase) && KeyTimestampAnalyzer.LedByTime(e) && WordsOnItsLine(e)
                    && !LaterOn().IsMatch(context);
                var more = lexicon.Read(Affected(context), null)
                    .Where(x => (x.Kind is EventKind.Alert or EventKind.Page or EventKind.Impact or EventKind.CustomerReport
                        || (x.Kind == EventKind.Escalation && !x.Phrase.StartsWith("join", StringComparison.Ordinal))
                        || (entry && x.Kind is EventKind.Communication or EventKind.Resolution)) && evidence.All(y => y.Kind != x.Kind))
                    .Select(x => x with { Origin = "context", Strength = 0.4 });
                evidence = [.. evidence, .. more];
            }
            evidence = cache.Intern(evidence);
            (kind, rule) = evidence.Count == 0 ? (EventKind.Other, "lexicon:no-match") : (evidence[0].Kind, cache.Rule(evidence[0]));
        }

        var tool = ToolName().Match(e.Text);
        var source = e.Source is { Length: > 0 } s && s != "chat" ? s : tool.Success ? Canonical(tool.Value) : e.Source == "chat" ? "Chat" : "Notes";
        return e with { Kind = kind, KindRule = rule, Evidence = evidence, Source = source, Actor = Actor(e, kind, roster, tool) };
    }

    // The event's words begin on its time's line: its first word of four letters or more is on that line.
    private static bool WordsOnItsLine(TimelineEvent e)
    {
        foreach (var range in e.Text.AsSpan().SplitAny(" \t,.;:"))
        {
            if (e.Text.AsSpan()[range] is { Length: >= 4 } word)
            {
                return e.Provenance.RawText.AsSpan().Contains(word, StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    private static string? Actor(TimelineEvent e, EventKind kind, IReadOnlyList<TeamMember> roster, Match tool)
    {
        if (e.Actor is { Length: > 0 } written)
        {
            return RoleOf(written, roster) ?? written;
        }

        foreach (var member in roster)
        {
            if (Names(member).Any(n => MayName(e.Text, n.TrimStart('@')) && Regex.IsMatch(e.Text, @"(?<![\w@])@?" + Regex.Escape(n.TrimStart('@')) + @"\b", RegexOptions.IgnoreCase)))
            {
                return member.Role;
            }
        }

        foreach (var role in roster.Select(m => m.Role).Distinct())
        {
            if (e.Text.StartsWith(role, StringComparison.OrdinalIgnoreCase))
            {
                return role;
            }
        }

        if (kind is EventKind.Alert or EventKind.Page && tool.Success)
        {
            return Canonical(tool.Value);
        }

        return kind == EventKind.CustomerReport ? "Customer" : null;
    }

    // Whether a text can name a roster name, before the name's expression is built and run (0.2 M instructions for a draft of
    // Meridian's seven events): in ASCII text an ASCII name is found case-blind exactly where the expression's case-blind
    // letters find it; any other text or name goes to the expression.
    private static bool MayName(string text, string name) =>
        !Ascii.IsValid(text) || !Ascii.IsValid(name) || text.Contains(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The role of a roster person named by name or handle, or null.</summary>
    public static string? RoleOf(string nameOrHandle, IReadOnlyList<TeamMember> roster)
    {
        var key = nameOrHandle.Trim().TrimStart('@');
        return roster.FirstOrDefault(m => Names(m).Any(n => n.TrimStart('@').Equals(key, StringComparison.OrdinalIgnoreCase)))?.Role;
    }

    private static IEnumerable<string> Names(TeamMember member) => member.Handles.Prepend(member.Name).Where(n => n.Length > 0);

    private static string Canonical(string tool) => tool.ToLowerInvariant() switch
    {
        "zendesk" => "Zendesk",
        "datadog" => "Datadog",
        "pagerduty" => "PagerDuty",
        "opsgenie" => "Opsgenie",
        "slack" => "Slack",
        "statuspage" or "status page" => "Status page",
        "grafana" => "Grafana",
        "prometheus" => "Prometheus",
        "alertmanager" => "Alertmanager",
        "sentry" => "Sentry",
        "github" => "GitHub",
        "jira" => "Jira",
        "cloudwatch" => "CloudWatch",
        "new relic" => "New Relic",
        "splunk" => "Splunk",
        "honeycomb" => "Honeycomb",
        _ => tool,
    };

    // The first-person status voice of the lexicon's communication phrases ("we are investigating", "we continue to monitor"), and
    // the second-person address ("you may see delays"): in a chat, responders talking to each other.
    [GeneratedRegex(@"(?i)^(?:we(?:\s+are|'re|’re|\s+(?:will\s+)?continue)|(?:and\s+)?are\s+(?:\w+\s+)?(?:monitoring|watching)|you|your)\b")]
    private static partial Regex StatusVoice();

    // Where a chat message says its words went public: "Pinned a post on the forums: outage, we're looking into it".
    [GeneratedRegex(@"(?i)\b(?:status ?(?:page|site)|statuspage|forums?|posts?|posted|notice|tweet\w*|banner|e-?mail(?:ed)?)\b")]
    private static partial Regex PublicChannel();

    // What was not hurt: "everything else kept working normally", "the API continued to work", "were not affected", "unaffected",
    // "remained available", "operated as normal". "Operational again", "working normally again" tell a recovery, not what was spared.
    [GeneratedRegex(@"(?i)\b(?:(?:kept|keeps|keep) (?:on )?(?:working|running|functioning|operating)|continued (?:to (?:work|run|function|operate)|working|running|operating)|(?:was|were|is|are|remained|stayed) (?:not (?:affected|impacted)|unaffected|unimpacted|(?:fully )?(?:available|operational))|unaffected|(?:worked|working|operated|operating|functioned|functioning|ran|running) (?:normally|as (?:normal|usual|expected)))\b(?! again\b)")]
    private static partial Regex Unaffected();

    // A sentence or clause ends at ". ", "! ", "? ", "; " or a line break.
    [GeneratedRegex(@"(?<=[.!?;])\s+|\n")]
    private static partial Regex ClauseBreak();

    /// <summary>
    /// The context without the sentences and clauses that tell what was not hurt ("Checkout down for all users. Escalated to the
    /// payments team; the rest of the site was unaffected."): only the clause that names the spared features is dropped, so the
    /// call made or the impact told beside it is still read.
    /// </summary>
    private static string Affected(string context)
    {
        if (!Unaffected().IsMatch(context))
        {
            return context;
        }

        var kept = new System.Text.StringBuilder(context.Length);
        foreach (var clause in ClauseBreak().Split(context))
        {
            if (clause.Length > 0 && !Unaffected().IsMatch(clause))
            {
                kept.Append(clause).Append(' ');
            }
        }

        return kept.ToString();
    }

    // Words that put what a sentence tells after its entry's moment: "later", "eventually", "then", "after that", "until", "by the time".
    [GeneratedRegex(@"(?i)\b(?:later|eventually|afterwards?|subsequently|then|after (?:that|this|which)|by the time|until|overnight|next (?:day|morning)|following (?:day|morning))\b")]
    private static partial Regex LaterOn();

    [GeneratedRegex(@"(?i)\b(?:zendesk|datadog|pagerduty|opsgenie|slack|status ?page|grafana|prometheus|alertmanager|sentry|github|jira|cloudwatch|new relic|splunk|honeycomb)\b")]
    private static partial Regex ToolName();
}
