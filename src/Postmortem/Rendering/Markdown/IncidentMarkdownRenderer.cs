using System.Globalization;
using System.Text;
using Postmortem.Analysis;

namespace Postmortem.Rendering.Markdown;

/// <summary>Renders an incident postmortem to the seed's step-5 template: its headings, fields and table columns.</summary>
public static class IncidentMarkdownRenderer
{
    private const string ToDiscuss = "_To discuss in the review._";

    /// <summary>What is gathered before it is written out, when rendering to a writer.</summary>
    private const int FlushChars = 64 * 1024;

    /// <summary>Renders <paramref name="pm"/> as Markdown.</summary>
    public static string Render(AnalyzedPostmortem pm)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        Render(pm, w);
        return w.ToString();
    }

    /// <summary>Renders <paramref name="pm"/> as Markdown to <paramref name="output"/>, the timeline a few rows at a time (a timeline of a million rows is never one string).</summary>
    public static void Render(AnalyzedPostmortem pm, TextWriter output)
    {
        var d = pm.Document;
        var k = pm.Keys;
        var f = new TimeFormat(d.TimeZone, pm.Timeline.Select(e => e.Time));
        var b = new StringBuilder();

        // What the tool wrote into the assessment's "What happened" cells, by its fingerprint, so that a read tells it from a person's text.
        var observed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var phase in Ingest.Yaml.IncidentFileKeys.AssessmentPhases.Where(p => p != "triage" && d.Assessment.FirstOrDefault(r => r.Phase == p)?.WhatHappened is null))
        {
            observed[phase] = Ingest.Documents.RecordHash.Of(MarkdownText.Cell(Observed(phase, pm, f)));
        }

        b.Append(RecordFrontMatter.Write(pm, observed));
        b.Append("## Postmortem: ").Append(MarkdownText.Inline(d.Title)).Append("\n\n");
        var incidentDate = k.ImpactStart is { } start ? f.LocalDate(start.Time) : d.Date;
        b.Append("**Date of incident:** ").Append(incidentDate is { } date ? TimeFormat.LongDate(date) : "unknown").Append("  \n");
        b.Append("**Severity:** ").Append(pm.Severity is { } s ? Severity(s) : "unknown").Append("  \n");
        b.Append("**Duration:** ").Append(Duration(pm, f, "user-facing")).Append("  \n");
        b.Append("**Author:** ").Append(d.Author is null ? "unknown" : MarkdownText.Inline(d.Author)).Append("  \n");
        b.Append("**Postmortem date:** ").Append(d.PostmortemDate is { } held ? TimeFormat.LongDate(held) : "unknown").Append("\n\n");

        b.Append("### Summary\n\n").Append(d.Summary is { Length: > 0 } summary ? MarkdownText.Block(summary) : ToDiscuss).Append("\n\n");

        b.Append("### Impact\n\n");
        b.Append("- **Users affected:** ").Append(Field(d.Impact.UsersAffected)).Append('\n');
        b.Append("- **Duration of impact:** ").Append(Duration(pm, f, null)).Append('\n');
        b.Append("- **Revenue impact:** ").Append(Field(d.Impact.Revenue)).Append('\n');
        b.Append("- **SLA impact:** ").Append(Field(d.Impact.Sla)).Append('\n');
        b.Append("- **Data impact:** ").Append(Field(d.Impact.Data)).Append('\n');
        b.Append("- **Severity rationale:** ").Append(pm.Severity is { } assessed ? MarkdownText.Inline(assessed.Rationale) : "not classified: the impact facts do not decide a level").Append("\n\n");

        TimelineSection(b, pm, f, output);

        b.Append("### Contributing factors\n\n");
        foreach (var category in Ingest.Yaml.IncidentFileKeys.FactorCategories)
        {
            b.Append("**").Append(char.ToUpperInvariant(category[0])).Append(category[1..]).Append(" factors:**\n");
            FactorBullets(b, d.Factors.Where(x => x.Category == category).ToList(), category);
            b.Append('\n');
        }

        b.Append("### Detection and response assessment\n\n");
        MarkdownText.Header(b, "Phase", "What happened", "What worked", "What didn't");
        foreach (var phase in Ingest.Yaml.IncidentFileKeys.AssessmentPhases)
        {
            var row = d.Assessment.FirstOrDefault(r => r.Phase == phase);
            MarkdownText.Row(b, char.ToUpperInvariant(phase[0]) + phase[1..], row?.WhatHappened ?? Observed(phase, pm, f), row?.WhatWorked ?? "to discuss", row?.WhatDidNot ?? "to discuss");
        }

        b.Append("\n### What went well\n\n");
        MarkdownText.Bullets(b, d.WentWell, ToDiscuss);

        b.Append("\n### Action items\n\n");
        MarkdownText.Header(b, "ID", "Action", "Type", "Owner", "Due date", "Status", "Tracker", "Note");
        foreach (var a in d.Actions)
        {
            MarkdownText.Row(b, a.Id, a.Action, a.Type?.ToString(), a.Owner, a.Due is { } due ? TimeFormat.ShortDate(due) : null, a.Status, a.Tracker, a.Note);
        }

        b.Append('\n');
        FollowUp(b, pm.FollowUp);
        output.Write(b);
    }

    /// <summary>Renders the timeline section alone: table, key timestamps and gaps (the <c>timeline</c> command).</summary>
    public static string RenderTimeline(AnalyzedPostmortem pm)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        RenderTimeline(pm, w);
        return w.ToString();
    }

    /// <summary>Renders the timeline section alone to <paramref name="output"/>, a few rows at a time.</summary>
    public static void RenderTimeline(AnalyzedPostmortem pm, TextWriter output)
    {
        var b = new StringBuilder();
        TimelineSection(b, pm, new TimeFormat(pm.Document.TimeZone, pm.Timeline.Select(e => e.Time)), output);
        output.Write(b);
    }

    private static void TimelineSection(StringBuilder b, AnalyzedPostmortem pm, TimeFormat f, TextWriter output)
    {
        b.Append("### Timeline\n\n");
        MarkdownText.Header(b, "Time (UTC)", "Event", "Source", "Actor");
        foreach (var e in pm.Timeline)
        {
            MarkdownText.Row(b, f.Cell(e.Time, e.EndTime), e.Text, Sources(e), e.Actor);
            if (b.Length > FlushChars)
            {
                output.Write(b);
                b.Clear();
            }
        }

        b.Append('\n');
        KeyTimestampSection(b, pm, f);
    }

    /// <summary>
    /// A category's factors as bullets; a factor whose id is not the one its place would give (<c>process-2</c>), or
    /// that is an accepted risk, carries them in a comment after its text (<c>&lt;!-- factor: no-freeze --&gt;</c>).
    /// </summary>
    private static void FactorBullets(StringBuilder b, IReadOnlyList<Model.ContributingFactor> factors, string category)
    {
        if (factors.Count == 0)
        {
            b.Append("- ").Append(ToDiscuss).Append('\n');
            return;
        }

        for (var i = 0; i < factors.Count; i++)
        {
            var factor = factors[i];
            b.Append("- ").Append(MarkdownText.Inline(factor.Text));
            var named = factor.Id != $"{category}-{i + 1}" && Model.PostmortemId.IsValid(factor.Id);
            if (named || factor.AcceptedRisk)
            {
                b.Append(" <!-- factor: ").Append(named ? factor.Id : $"{category}-{i + 1}").Append(factor.AcceptedRisk ? ", accepted-risk" : string.Empty).Append(" -->");
            }

            b.Append('\n');
        }
    }

    /// <summary>The follow-up schedule section, shared with the project template.</summary>
    internal static void FollowUp(StringBuilder b, FollowUpSchedule followUp)
    {
        b.Append("### Follow-up schedule\n\n");
        b.Append("- **Action item review:** ")
            .Append(followUp.ActionReview is { } review ? $"{TimeFormat.LongDate(review)} (postmortem date + {FollowUpSchedule.ReviewAfterDays} days)" : "unknown (postmortem date not given)")
            .Append('\n');
        b.Append("- **Retro check-in:** ")
            .Append(followUp.RetroCheckIn is { } retro ? $"{TimeFormat.LongDate(retro)} ({followUp.RetroRule})" : followUp.RetroRule)
            .Append('\n');
    }

    private static string Duration(AnalyzedPostmortem pm, TimeFormat f, string? note)
    {
        if (pm.DurationMinutes is not { } minutes || pm.Keys.ImpactStart is not { } start || pm.Keys.Resolution is not { } end)
        {
            return "unknown (" + (pm.Keys.ImpactStart is null ? "impact start" : "resolution") + " not in the timeline)";
        }

        var span = $"{f.Local(start.Time)} — {f.Local(end.Time)}";
        return $"{Minutes(minutes)} ({span}{(note is null ? string.Empty : ", " + note)})";
    }

    private static void KeyTimestampSection(StringBuilder b, AnalyzedPostmortem pm, TimeFormat f)
    {
        var k = pm.Keys;
        b.Append("**Key timestamps:**\n");
        var detection = "unknown — no alert, page, internal observation or customer report in the timeline";
        if (k.Detection is { } det)
        {
            detection = $"{f.Key(det.Time)} ({k.DetectionMethod}: {MarkdownText.Inline(det.Event.Text)})";
            if (k.FirstCustomerReport is { } report && report.Time < det.Time)
            {
                detection += $" — {Minutes(KeyTimestampAnalyzer.Minutes(report, det)!.Value)} after the first customer report at {f.Key(report.Time)}";
            }
        }

        b.Append("- **Detection:** ").Append(detection).Append('\n');
        b.Append("- **Escalation:** ").Append(Key(k.Escalation, f, k.Detection, "detection", "no escalation in the timeline")).Append('\n');
        b.Append("- **Mitigation:** ").Append(Key(k.Mitigation, f, null, null, "no mitigation in the timeline")).Append('\n');
        b.Append("- **Resolution:** ").Append(Key(k.Resolution, f, null, null, "no resolution in the timeline")).Append('\n');
        b.Append("- **Communication:** ").Append(Key(k.Communication, f, k.FirstCustomerReport ?? k.Detection,
            k.FirstCustomerReport is null ? "detection" : "the first customer report", "no customer or stakeholder update in the timeline")).Append("\n\n");

        b.Append("**Time gaps to investigate:**\n");
        foreach (var gap in pm.Gaps.Where(g => g.Name is "detection-to-escalation" or "escalation-to-mitigation" or "detection-to-communication" or "first-report-to-communication"))
        {
            if (gap.Name == "first-report-to-communication" && gap.From is null)
            {
                continue;
            }

            b.Append("- ").Append(gap.Label).Append(": ").Append(gap.Minutes is { } m ? Minutes(m) : "unknown").Append('\n');
        }

        foreach (var silence in pm.Silences)
        {
            var end = silence.Before.EndTime is { } e && e > silence.Before.Time ? e : silence.Before.Time;
            b.Append("- We don't know what happened here: ").Append(f.Cell(end, silence.After.Time))
                .Append($", {Minutes(silence.Minutes)} with no recorded event between \"{MarkdownText.Inline(silence.Before.Text)}\" and \"{MarkdownText.Inline(silence.After.Text)}\"\n");
        }

        b.Append('\n');
    }

    private static string Key(KeyTimestamp? key, TimeFormat f, KeyTimestamp? since, string? sinceName, string unknown)
    {
        if (key is null)
        {
            return "unknown — " + unknown;
        }

        var text = $"{f.Key(key.Time)} ({MarkdownText.Inline(key.Event.Text)})";
        if (since is not null && sinceName is not null && KeyTimestampAnalyzer.Minutes(since, key) is { } m)
        {
            text += $" — {Minutes(m)} after {sinceName}";
        }

        return text;
    }

    private static string Observed(string phase, AnalyzedPostmortem pm, TimeFormat f)
    {
        var k = pm.Keys;
        KeyTimestamp? key = phase switch
        {
            "detection" => k.Detection,
            "communication" => k.Communication,
            "mitigation" => k.Mitigation,
            "resolution" => k.Resolution,
            _ => null,
        };
        if (phase == "triage")
        {
            return "to discuss";
        }

        return key is null ? $"No {phase} event in the timeline" : $"{f.Local(key.Time)}: {key.Event.Text}";
    }

    /// <summary>"SEV-1 — Critical": the level and the label the team's scale gives it.</summary>
    internal static string Severity(SeverityAssessment s) => s.Label.Length > 0 ? $"{s.Level} — {MarkdownText.Inline(s.Label)}" : s.Level.ToString();

    private static string Field(string? text) => text is null ? "unknown" : MarkdownText.Inline(text);

    /// <summary>"1 minute", "85 minutes".</summary>
    public static string Minutes(long minutes) =>
        minutes.ToString(CultureInfo.InvariantCulture) + (Math.Abs(minutes) == 1 ? " minute" : " minutes");

    /// <summary>The event's source, and the sources of the records merged into it: "Notes + PagerDuty".</summary>
    private static string? Sources(Model.TimelineEvent e) =>
        e.AlsoSeenBy.Count == 0 ? e.Source : string.Join(" + ", e.AlsoSeenBy.Prepend(e.Source ?? "Notes").Distinct(StringComparer.Ordinal));
}
