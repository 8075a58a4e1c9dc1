using System.Text;
using Postmortem.Analysis;
using Postmortem.Analysis.Actions;
using Postmortem.Model;
using Postmortem.Rendering.Markdown;

namespace Postmortem.Rendering.Review;

/// <summary>The review meeting of seed step 6, filled with this incident's timeline, factors and draft actions.</summary>
public static class AgendaRenderer
{
    /// <summary>The seed's segments and their minutes in a 50-minute meeting.</summary>
    public static IReadOnlyList<(string Title, int Minutes)> Segments { get; } =
    [
        ("Set the tone", 2), ("Walk through the timeline", 10), ("Discuss contributing factors", 15), ("Identify action items", 10),
        ("Prioritize actions", 5), ("Assign owners and dates", 5), ("Close", 3),
    ];

    /// <summary>The segment lengths scaled to <paramref name="total"/> minutes (largest remainder, so they add up exactly).</summary>
    public static IReadOnlyList<int> Scale(int total)
    {
        var baseTotal = Segments.Sum(s => s.Minutes);
        var exact = Segments.Select(s => (double)s.Minutes * total / baseTotal).ToList();
        var minutes = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = total - minutes.Sum();
        foreach (var i in exact.Select((e, i) => (r: e - Math.Floor(e), i)).OrderByDescending(p => p.r).ThenBy(p => p.i).Take(left).Select(p => p.i))
        {
            minutes[i]++;
        }

        return minutes;
    }

    /// <summary>Renders the agenda for a meeting of <paramref name="totalMinutes"/>.</summary>
    public static string Render(AnalyzedPostmortem pm, int totalMinutes)
    {
        var d = pm.Document;
        var f = new TimeFormat(d.TimeZone, pm.Timeline.Select(e => e.Time));
        var minutes = Scale(totalMinutes);
        var b = new StringBuilder();
        b.Append("## Postmortem review: ").Append(MarkdownText.Inline(d.Title)).Append("\n\n");
        b.Append("**Meeting length:** ").Append(totalMinutes).Append(" minutes  \n");
        if (pm.Severity is { } s)
        {
            b.Append("**Severity:** ").Append(IncidentMarkdownRenderer.Severity(s)).Append("  \n");
        }

        if (pm.DurationMinutes is { } duration)
        {
            b.Append("**User-facing impact:** ").Append(IncidentMarkdownRenderer.Minutes(duration)).Append("  \n");
        }

        b.Append('\n');
        var n = 0;
        void Segment(string extra)
        {
            var (title, _) = Segments[n];
            b.Append("### ").Append(n + 1).Append(". ").Append(title).Append(" (").Append(minutes[n]).Append(" min)\n\n").Append(extra).Append('\n');
            n++;
        }

        Segment("> This is a blameless postmortem. We're here to learn, not to assign blame. Every action taken during the incident was reasonable given what people knew at the time.\n");

        var timeline = new StringBuilder("Present the timeline; ask for corrections and additions.\n\n");
        MarkdownText.Header(timeline, "Time (UTC)", "Event", "Kind");
        foreach (var e in Condense(pm))
        {
            MarkdownText.Row(timeline, f.Cell(e.Time, e.EndTime), e.Text, e.Kind.ToName());
        }

        timeline.Append('\n');
        foreach (var gap in TimelinePrompts.Gaps(pm))
        {
            timeline.Append("- ").Append(gap.Label).Append(": ").Append(IncidentMarkdownRenderer.Minutes(gap.Minutes!.Value)).Append(" — acceptable? what slowed it down?\n");
        }

        foreach (var silence in pm.Silences)
        {
            timeline.Append("- Ask: what happened between \"").Append(MarkdownText.Inline(silence.Before.Text)).Append("\" and \"")
                .Append(MarkdownText.Inline(silence.After.Text)).Append("\"? (").Append(IncidentMarkdownRenderer.Minutes(silence.Minutes)).Append(" with no record)\n");
        }

        Segment(timeline.ToString());

        var factors = new StringBuilder("Present the factors, then ask: \"What else made this outcome likely?\"\n\n");
        foreach (var category in Ingest.Yaml.IncidentFileKeys.FactorCategories)
        {
            var items = d.Factors.Where(x => x.Category == category).ToList();
            factors.Append("**").Append(char.ToUpperInvariant(category[0])).Append(category[1..]).Append(":** ");
            factors.Append(items.Count == 0 ? "none recorded yet — anything here?" : string.Join("; ", items.Select(x => MarkdownText.Inline(x.Text)))).Append("\n\n");
        }

        Segment(factors.ToString());

        var identify = new StringBuilder("For each factor, ask: \"What would reduce the likelihood or impact of this factor?\"\n\n");
        foreach (var factor in d.Factors)
        {
            var linked = d.Actions.Where(a => a.Factors.Contains(factor.Id, StringComparer.OrdinalIgnoreCase)).Select(a => "#" + a.Id).ToList();
            identify.Append("- ").Append(MarkdownText.Inline(factor.Text)).Append(" — ")
                .Append(factor.AcceptedRisk ? "risk accepted" : linked.Count == 0 ? "no action yet" : "draft: " + string.Join(", ", linked)).Append('\n');
        }

        Segment(identify.ToString());

        var prioritize = new StringBuilder("Rank by leverage (prevent > detect > mitigate > process) and effort. Draft order:\n\n");
        MarkdownText.Header(prioritize, "Rank", "ID", "Action", "Type", "Effort");
        var rank = 1;
        foreach (var a in ActionChecker.Rank(d.Actions))
        {
            MarkdownText.Row(prioritize, (rank++).ToString(System.Globalization.CultureInfo.InvariantCulture), a.Id, a.Action, a.Type?.ToString(), a.Effort);
        }

        Segment(prioritize.ToString());

        var owners = new StringBuilder("Every action item gets an owner and a due date. No orphan items.\n\n");
        var orphans = d.Actions.Where(a => a.Owner is null || a.Due is null).ToList();
        owners.Append(orphans.Count == 0 ? "- All draft actions have an owner and a due date: confirm them.\n"
            : string.Concat(orphans.Select(a => $"- #{MarkdownText.Inline(a.Id)}: {(a.Owner is null ? "owner? " : string.Empty)}{(a.Due is null ? "due date?" : string.Empty)}\n")));
        Segment(owners.ToString());

        var close = new StringBuilder();
        close.Append("- Action item review: ").Append(pm.FollowUp.ActionReview is { } r ? TimeFormat.LongDate(r) : "set a date two weeks out").Append('\n');
        close.Append("- Retro check-in: ").Append(pm.FollowUp.RetroCheckIn is { } c ? TimeFormat.LongDate(c) : pm.FollowUp.RetroRule).Append('\n');
        close.Append("- Thank the team.\n");
        Segment(close.ToString());

        b.Append("### Facilitation tips\n\n");
        b.Append("- If someone starts blaming, redirect: \"").Append(FacilitationTips.Redirect).Append("\"\n");
        b.Append("- If the group fixates on a single root cause, ask: \"").Append(FacilitationTips.WhatElse).Append("\"\n");
        b.Append("- If action items are vague, push for specificity: \"").Append(FacilitationTips.Specific).Append("\"\n");
        return b.ToString();
    }

    // At most 15 rows: every key event, then other classified events in time order.
    private static IEnumerable<TimelineEvent> Condense(AnalyzedPostmortem pm)
    {
        var keys = new[] { pm.Keys.ImpactStart, pm.Keys.Detection, pm.Keys.Escalation, pm.Keys.Mitigation, pm.Keys.Resolution, pm.Keys.Communication }
            .Where(k => k is not null).Select(k => k!.Event).ToHashSet();
        var chosen = pm.Timeline.Where(keys.Contains).ToList();
        chosen.AddRange(pm.Timeline.Where(e => !keys.Contains(e) && e.Kind != EventKind.Other).Take(Math.Max(0, 15 - chosen.Count)));
        return pm.Timeline.Where(chosen.Contains);
    }
}
