using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Rendering.Html;

/// <summary>
/// The <c>html</c> format: one standalone, printable page with the content of the Markdown postmortem (the seed's
/// template) and an SVG timeline; every piece of input text encoded, no script, nothing fetched.
/// </summary>
public sealed class HtmlPostmortemRenderer : IPostmortemRenderer
{
    private const string ToDiscuss = "To discuss in the review.";

    /// <inheritdoc/>
    public string Name => "html";

    /// <inheritdoc/>
    public void Write(AnalyzedPostmortem postmortem, Stream output) =>
        TextOutput.Write(output, w =>
        {
            if (postmortem.Document.Type == PostmortemType.Project)
            {
                ProjectHtml.Write(postmortem, w);
            }
            else
            {
                Incident(postmortem, w);
            }
        });

    /// <inheritdoc/>
    public void WriteTimeline(AnalyzedPostmortem postmortem, Stream output) =>
        TextOutput.Write(output, w =>
        {
            var page = new HtmlPage(w, "Timeline: " + postmortem.Document.Title);
            page.Heading(1, "Timeline: " + postmortem.Document.Title);
            TimelineSection(page, postmortem, Format(postmortem));
            page.End(Footer(postmortem));
        });

    private static void Incident(AnalyzedPostmortem pm, TextWriter w)
    {
        var d = pm.Document;
        var k = pm.Keys;
        var f = Format(pm);
        var page = new HtmlPage(w, "Postmortem: " + d.Title);
        page.Heading(1, "Postmortem: " + d.Title);
        var incidentDate = k.ImpactStart is { } start ? f.LocalDate(start.Time) : d.Date;
        page.Facts(
        [
            ("Date of incident", incidentDate is { } date ? TimeFormat.LongDate(date) : "unknown"),
            ("Severity", pm.Severity is { } s ? IncidentProse.Severity(s, t => t) : "unknown"),
            ("Duration", IncidentProse.Duration(pm, f, "user-facing")),
            ("Author", d.Author ?? "unknown"),
            ("Postmortem date", d.PostmortemDate is { } held ? TimeFormat.LongDate(held) : "unknown"),
        ]);

        page.Heading(2, "Summary");
        Prose(page, d.Summary);

        page.Heading(2, "Impact");
        page.Facts(
        [
            ("Users affected", d.Impact.UsersAffected ?? "unknown"),
            ("Duration of impact", IncidentProse.Duration(pm, f, null)),
            ("Revenue impact", d.Impact.Revenue ?? "unknown"),
            ("SLA impact", d.Impact.Sla ?? "unknown"),
            ("Data impact", d.Impact.Data ?? "unknown"),
            ("Severity rationale", pm.Severity is { } assessed ? assessed.Rationale : "not classified: the impact facts do not decide a level"),
        ]);

        TimelineSection(page, pm, f);

        page.Heading(2, "Contributing factors");
        foreach (var category in Ingest.Yaml.IncidentFileKeys.FactorCategories)
        {
            page.Heading(3, char.ToUpperInvariant(category[0]) + category[1..] + " factors");
            page.Bullets(d.Factors.Where(x => x.Category == category).Select(x => x.Text), ToDiscuss);
        }

        page.Heading(2, "Detection and response assessment");
        page.TableStart(("Phase", 14), ("What happened", 30), ("What worked", 28), ("What didn't", 28));
        foreach (var phase in Ingest.Yaml.IncidentFileKeys.AssessmentPhases)
        {
            var row = d.Assessment.FirstOrDefault(r => r.Phase == phase);
            page.Row(char.ToUpperInvariant(phase[0]) + phase[1..], row?.WhatHappened ?? IncidentProse.Observed(phase, pm, f), row?.WhatWorked ?? "to discuss", row?.WhatDidNot ?? "to discuss");
        }

        page.TableEnd();
        page.Heading(2, "What went well");
        page.Bullets(d.WentWell, ToDiscuss);
        Actions(page, d.Actions, withType: true);
        FollowUp(page, pm);
        page.End(Footer(pm));
    }

    /// <summary>The timeline figure, the table with each row's provenance, the key timestamps and the gaps.</summary>
    private static void TimelineSection(HtmlPage page, AnalyzedPostmortem pm, TimeFormat f)
    {
        page.Heading(2, "Timeline");
        TimelineSvg.Write(page, pm);
        page.TableStart(("Time (UTC)", 15), ("Event", 37), ("Source", 12), ("Actor", 12), ("Read from", 24));
        foreach (var e in pm.Timeline)
        {
            page.RowWithClass("prov", f.Cell(e.Time, e.EndTime), e.Text, IncidentProse.Sources(e), e.Actor, Provenance(e));
        }

        page.TableEnd();
        page.Heading(3, "Key timestamps");
        page.Facts(IncidentProse.KeyTimestamps(pm, f, t => t));
        KeyEvidenceHtml.Write(page, pm, f);
        page.Heading(3, "Time gaps to investigate");
        page.Bullets(
            IncidentProse.Gaps(pm).Select(g => $"{g.Label}: {g.Text}")
                .Concat(pm.Silences.Select(s => "We don't know what happened here: " + IncidentProse.Silence(s, f, t => t))),
            "No gap could be measured.");
    }

    /// <summary>Where a row was read: file, line and column, whether its zone was assumed, and every other input that recorded it.</summary>
    private static string Provenance(TimelineEvent e)
    {
        var where = string.Join("\n", e.AlsoSeenIn.Prepend(e.Provenance).Select(p => $"{p.File}:{p.Line}:{p.Column}"));
        return e.ZoneAssumed ? where + "\nzone assumed (" + e.Zone + ")" : where;
    }

    /// <summary>The action items table, with the Type column in incident mode.</summary>
    internal static void Actions(HtmlPage page, IReadOnlyList<ActionItem> actions, bool withType)
    {
        page.Heading(2, "Action items");
        if (actions.Count == 0)
        {
            page.Note("No action items yet.");
            return;
        }

        page.TableStart(withType
            ? [("ID", 9), ("Action", 38), ("Type", 11), ("Owner", 16), ("Due date", 13), ("Status", 13)]
            : [("ID", 9), ("Action", 47), ("Owner", 16), ("Due date", 14), ("Status", 14)]);
        foreach (var a in actions)
        {
            var due = a.Due is { } date ? TimeFormat.ShortDate(date) : null;
            page.Row(withType ? [a.Id, a.Action, a.Type?.ToString(), a.Owner, due, a.Status] : [a.Id, a.Action, a.Owner, due, a.Status]);
        }

        page.TableEnd();
    }

    /// <summary>The follow-up schedule section.</summary>
    internal static void FollowUp(HtmlPage page, AnalyzedPostmortem pm)
    {
        page.Heading(2, "Follow-up schedule");
        page.Facts(IncidentProse.FollowUp(pm.FollowUp));
    }

    /// <summary>A paragraph of input text, or the placeholder when there is none.</summary>
    internal static void Prose(HtmlPage page, string? text)
    {
        if (text is { Length: > 0 })
        {
            page.Paragraphs(text);
        }
        else
        {
            page.Note(ToDiscuss);
        }
    }

    /// <summary>The footer: which file the page was drawn from.</summary>
    internal static string Footer(AnalyzedPostmortem pm) => $"Drawn by postmortem from {pm.Document.SourceFile}.";

    private static TimeFormat Format(AnalyzedPostmortem pm) => new(pm.Document.TimeZone, pm.Timeline.Select(e => e.Time));
}
