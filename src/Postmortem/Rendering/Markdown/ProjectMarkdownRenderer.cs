using System.Text;
using Postmortem.Analysis;

namespace Postmortem.Rendering.Markdown;

/// <summary>Renders a project/engagement postmortem to the seed's second template.</summary>
internal static class ProjectMarkdownRenderer
{
    private const string ToDiscuss = "_To discuss in the review._";

    /// <summary>Renders <paramref name="pm"/> as Markdown.</summary>
    public static string Render(AnalyzedPostmortem pm)
    {
        var d = pm.Document;
        var p = d.Project ?? new Model.ProjectDetails();
        var b = new StringBuilder();
        b.Append(RecordFrontMatter.Write(pm, new Dictionary<string, string>()));
        b.Append("## Project Postmortem: ").Append(MarkdownText.Inline(d.Title)).Append("\n\n");
        b.Append("**Engagement period:** ").Append(p.Start is { } s ? TimeFormat.LongDate(s) : "unknown")
            .Append(" -- ").Append(p.End is { } e ? TimeFormat.LongDate(e) : "unknown").Append("  \n");
        var team = d.Team.Roster.Count == 0 ? "unknown" : string.Join(", ", d.Team.Roster.Select(m => $"{MarkdownText.Inline(m.Name)} ({MarkdownText.Inline(m.Role)})"));
        b.Append("**Team:** ").Append(team).Append("  \n");
        b.Append("**Author:** ").Append(d.Author is null ? "unknown" : MarkdownText.Inline(d.Author)).Append("  \n");
        b.Append("**Postmortem date:** ").Append(d.PostmortemDate is { } held ? TimeFormat.LongDate(held) : "unknown").Append("\n\n");

        b.Append("### Summary\n\n").Append(d.Summary is { Length: > 0 } summary ? MarkdownText.Block(summary) : ToDiscuss).Append("\n\n");

        b.Append("### Goals vs. Outcomes\n\n");
        MarkdownText.Header(b, "Goal", "Target", "Actual", "Assessment");
        foreach (var g in p.Goals)
        {
            MarkdownText.Row(b, g.Name, g.Target, g.Actual, Assessment(g.Assessment));
        }

        b.Append('\n');
        var met = p.Goals.Count(g => g.Assessment == "met");
        var partial = p.Goals.Count(g => g.Assessment == "partially-met");
        var notMet = p.Goals.Count(g => g.Assessment == "not-met");
        if (p.Goals.Count > 0)
        {
            b.Append($"{met} of {p.Goals.Count} goals met, {partial} partially met, {notMet} not met.\n\n");
        }

        if (p.Delivered.Count > 0)
        {
            b.Append("**Delivered vs. planned:**\n");
            MarkdownText.Bullets(b, p.Delivered.Select(kv => $"**{char.ToUpperInvariant(kv.Key[0])}{kv.Key[1..]}:** {kv.Value}"), ToDiscuss);
            b.Append('\n');
        }

        if (p.Milestones.Count > 0)
        {
            b.Append("**Planned vs. actual milestones:**\n\n");
            MarkdownText.Header(b, "Milestone", "Planned", "Actual", "Slip");
            foreach (var m in p.Milestones)
            {
                MarkdownText.Row(b, m.Name, m.Planned is { } pl ? TimeFormat.ShortDate(pl) : null, m.Actual is { } ac ? TimeFormat.ShortDate(ac) : "not reached", Slip(m));
            }

            b.Append('\n');
        }

        if (p.StakeholderFeedback.Count > 0)
        {
            b.Append("**Stakeholder feedback:**\n");
            MarkdownText.Bullets(b, p.StakeholderFeedback, ToDiscuss);
            b.Append('\n');
        }

        b.Append("### What went well\n\n");
        MarkdownText.Bullets(b, d.WentWell, ToDiscuss);
        b.Append("\n### What we would do differently\n\n");
        MarkdownText.Bullets(b, p.DoDifferently, ToDiscuss);
        b.Append("\n### Lessons learned\n\n");
        Lesson(b, "Process", p.Lessons.Process);
        Lesson(b, "Technical", p.Lessons.Technical);
        Lesson(b, "People", p.Lessons.People);
        Lesson(b, "Client", p.Lessons.Client);
        b.Append("### Recommendations for future engagements\n\n");
        MarkdownText.Bullets(b, p.Recommendations, ToDiscuss);
        b.Append("\n### Action items\n\n");
        ActionRows.Write(b, d.Actions, ActionRows.Project);

        b.Append('\n');
        IncidentMarkdownRenderer.FollowUp(b, pm.FollowUp);
        return b.ToString();
    }

    /// <summary>How late or early a milestone was reached: "on time", "3 days late", "unknown".</summary>
    internal static string Slip(Model.Milestone m) =>
        m.Planned is { } planned && m.Actual is { } actual
            ? NodaTime.Period.Between(planned, actual, NodaTime.PeriodUnits.Days).Days switch
            {
                0 => "on time",
                > 0 and var days => $"{days} days late",
                var days => $"{-days} days early",
            }
            : "unknown";

    /// <summary>A goal's assessment in words: "Met", "Partially met", "Not met".</summary>
    internal static string? Assessment(string? value) => value switch
    {
        "met" => "Met",
        "partially-met" => "Partially met",
        "not-met" => "Not met",
        _ => null,
    };

    private static void Lesson(StringBuilder b, string name, IReadOnlyList<string> items)
    {
        b.Append("**").Append(name).Append(":** ");
        b.Append(items.Count switch
        {
            0 => ToDiscuss,
            1 => MarkdownText.Inline(items[0]),
            _ => string.Join("; ", items.Select(MarkdownText.Inline)),
        });
        b.Append("\n\n");
    }
}
