using Postmortem.Analysis;
using Postmortem.Rendering.Markdown;

namespace Postmortem.Rendering.Html;

/// <summary>A project/engagement postmortem (the seed's second template) as an HTML page.</summary>
internal static class ProjectHtml
{
    private const string ToDiscuss = "To discuss in the review.";

    /// <summary>Writes <paramref name="pm"/> as a page to <paramref name="w"/>.</summary>
    public static void Write(AnalyzedPostmortem pm, TextWriter w)
    {
        var d = pm.Document;
        var p = d.Project ?? new Model.ProjectDetails();
        var page = new HtmlPage(w, "Project postmortem: " + d.Title);
        page.Heading(1, "Project postmortem: " + d.Title);
        page.Facts(
        [
            ("Engagement period", (p.Start is { } s ? TimeFormat.LongDate(s) : "unknown") + " – " + (p.End is { } e ? TimeFormat.LongDate(e) : "unknown")),
            ("Team", d.Team.Roster.Count == 0 ? "unknown" : string.Join(", ", d.Team.Roster.Select(m => $"{m.Name} ({m.Role})"))),
            ("Author", d.Author ?? "unknown"),
            ("Postmortem date", d.PostmortemDate is { } held ? TimeFormat.LongDate(held) : "unknown"),
        ]);

        page.Heading(2, "Summary");
        HtmlPostmortemRenderer.Prose(page, d.Summary);

        page.Heading(2, "Goals vs. outcomes");
        page.TableStart(("Goal", 28), ("Target", 24), ("Actual", 24), ("Assessment", 24));
        foreach (var g in p.Goals)
        {
            page.Row(g.Name, g.Target, g.Actual, ProjectMarkdownRenderer.Assessment(g.Assessment));
        }

        page.TableEnd();
        if (p.Goals.Count > 0)
        {
            page.Paragraph($"{p.Goals.Count(g => g.Assessment == "met")} of {p.Goals.Count} goals met, {p.Goals.Count(g => g.Assessment == "partially-met")} partially met, {p.Goals.Count(g => g.Assessment == "not-met")} not met.");
        }

        if (p.Delivered.Count > 0)
        {
            page.Heading(3, "Delivered vs. planned");
            page.Facts(p.Delivered.Select(kv => (char.ToUpperInvariant(kv.Key[0]) + kv.Key[1..], kv.Value)));
        }

        if (p.Milestones.Count > 0)
        {
            page.Heading(3, "Planned vs. actual milestones");
            page.TableStart(("Milestone", 40), ("Planned", 20), ("Actual", 20), ("Slip", 20));
            foreach (var m in p.Milestones)
            {
                page.Row(m.Name, m.Planned is { } pl ? TimeFormat.ShortDate(pl) : null, m.Actual is { } ac ? TimeFormat.ShortDate(ac) : "not reached", ProjectMarkdownRenderer.Slip(m));
            }

            page.TableEnd();
        }

        if (p.StakeholderFeedback.Count > 0)
        {
            page.Heading(3, "Stakeholder feedback");
            page.Bullets(p.StakeholderFeedback, ToDiscuss);
        }

        page.Heading(2, "What went well");
        page.Bullets(d.WentWell, ToDiscuss);
        page.Heading(2, "What we would do differently");
        page.Bullets(p.DoDifferently, ToDiscuss);
        page.Heading(2, "Lessons learned");
        foreach (var (name, items) in new[] { ("Process", p.Lessons.Process), ("Technical", p.Lessons.Technical), ("People", p.Lessons.People), ("Client", p.Lessons.Client) })
        {
            page.Heading(3, name);
            page.Bullets(items, ToDiscuss);
        }

        page.Heading(2, "Recommendations for future engagements");
        page.Bullets(p.Recommendations, ToDiscuss);
        HtmlPostmortemRenderer.Actions(page, d.Actions, withType: false);
        HtmlPostmortemRenderer.FollowUp(page, pm);
        page.End(HtmlPostmortemRenderer.Footer(pm));
    }
}
