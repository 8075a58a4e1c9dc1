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
            observed[phase] = Ingest.Documents.RecordHash.Of(MarkdownText.Cell(IncidentProse.Observed(phase, pm, f)));
        }

        b.Append(RecordFrontMatter.Write(pm, observed));
        b.Append("## Postmortem: ").Append(MarkdownText.Inline(d.Title)).Append("\n\n");
        var incidentDate = k.ImpactStart is { } start ? f.LocalDate(start.Time) : d.Date;
        b.Append("**Date of incident:** ").Append(incidentDate is { } date ? TimeFormat.LongDate(date) : "unknown").Append("  \n");
        b.Append("**Severity:** ").Append(pm.Severity is { } s ? Severity(s) : "unknown").Append("  \n");
        b.Append("**Duration:** ").Append(IncidentProse.Duration(pm, f, "user-facing")).Append("  \n");
        b.Append("**Author:** ").Append(d.Author is null ? "unknown" : MarkdownText.Inline(d.Author)).Append("  \n");
        b.Append("**Postmortem date:** ").Append(d.PostmortemDate is { } held ? TimeFormat.LongDate(held) : "unknown").Append("\n\n");

        b.Append("### Summary\n\n").Append(d.Summary is { Length: > 0 } summary ? MarkdownText.Block(summary) : ToDiscuss).Append("\n\n");

        b.Append("### Impact\n\n");
        b.Append("- **Users affected:** ").Append(Field(d.Impact.UsersAffected)).Append('\n');
        b.Append("- **Duration of impact:** ").Append(IncidentProse.Duration(pm, f, null)).Append('\n');
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
            MarkdownText.Row(b, char.ToUpperInvariant(phase[0]) + phase[1..], row?.WhatHappened ?? IncidentProse.Observed(phase, pm, f), row?.WhatWorked ?? "to discuss", row?.WhatDidNot ?? "to discuss");
        }

        b.Append("\n### What went well\n\n");
        MarkdownText.Bullets(b, d.WentWell, ToDiscuss);

        b.Append("\n### Action items\n\n");
        ActionRows.Write(b, d.Actions, ActionRows.Incident);

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
        TimelineSection(b, pm, new TimeFormat(pm.Document.TimeZone, pm.Timeline.Select(e => e.Time)), output, withImpact: true);
        output.Write(b);
    }

    private static void TimelineSection(StringBuilder b, AnalyzedPostmortem pm, TimeFormat f, TextWriter output, bool withImpact = false)
    {
        b.Append("### Timeline\n\n");
        MarkdownText.Header(b, "Time (UTC)", "Event", "Source", "Actor");
        foreach (var e in pm.Timeline)
        {
            MarkdownText.Row(b, f.Cell(e.Time, e.EndTime), e.Text, IncidentProse.Sources(e), e.Actor);
            if (b.Length > FlushChars)
            {
                output.Write(b);
                b.Clear();
            }
        }

        b.Append('\n');
        KeyTimestampSection(b, pm, f, withImpact);
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
        NamedBullets(b, IncidentProse.FollowUp(followUp));
    }

    /// <summary>"- **Name:** text" lines.</summary>
    private static void NamedBullets(StringBuilder b, IEnumerable<(string Name, string Text)> items)
    {
        foreach (var (name, text) in items)
        {
            b.Append("- **").Append(name).Append(":** ").Append(text).Append('\n');
        }
    }

    private static void KeyTimestampSection(StringBuilder b, AnalyzedPostmortem pm, TimeFormat f, bool withImpact)
    {
        if (withImpact)
        {
            b.Append("**Impact:**\n");
            NamedBullets(b, IncidentProse.Impact(pm, f, MarkdownText.Inline));

            b.Append('\n');
        }

        b.Append("**Key timestamps:**\n");
        NamedBullets(b, IncidentProse.KeyTimestamps(pm, f, MarkdownText.Inline));

        b.Append("\n**Time gaps to investigate:**\n");
        foreach (var (label, text) in IncidentProse.Gaps(pm))
        {
            b.Append("- ").Append(label).Append(": ").Append(text).Append('\n');
        }

        foreach (var silence in pm.Silences)
        {
            b.Append("- We don't know what happened here: ").Append(IncidentProse.Silence(silence, f, MarkdownText.Inline)).Append('\n');
        }

        b.Append('\n');
    }

    /// <summary>"SEV-1 — Critical": the level and the label the team's scale gives it.</summary>
    internal static string Severity(SeverityAssessment s) => IncidentProse.Severity(s, MarkdownText.Inline);

    private static string Field(string? text) => text is null ? "unknown" : MarkdownText.Inline(text);

    /// <summary>"1 minute", "85 minutes".</summary>
    public static string Minutes(long minutes) => IncidentProse.Minutes(minutes);
}
