using System.Text;
using NodaTime;
using Postmortem.Analysis;
using Postmortem.Analysis.Actions;
using Postmortem.Analysis.Lint;
using Postmortem.Ingest.Prose;
using Postmortem.Model;
using Postmortem.Rendering.Markdown;

namespace Postmortem.Rendering.Review;

/// <summary>The communication drafts of seed step 7: a customer-facing summary and an internal announcement.</summary>
internal static class CommsRenderer
{
    /// <summary>
    /// Plain language for customers: what happened, the impact window in their zone and UTC, what was done and
    /// what is changing (from Prevent and Detect actions). Names become roles; @handles are dropped.
    /// </summary>
    public static string Customer(AnalyzedPostmortem pm, DateTimeZone customerZone)
    {
        var d = pm.Document;
        var f = new TimeFormat(customerZone, pm.Timeline.Select(e => e.Time));
        var b = new StringBuilder();
        b.Append("## Incident summary: ").Append(Clean(d.Title, d)).Append("\n\n");
        if (pm.Keys.ImpactStart is { } start && pm.Keys.Resolution is { } end)
        {
            var day = TimeFormat.LongDate(f.LocalDate(start.Time));
            b.Append("**When:** ").Append(day).Append(", ").Append(f.Local(start.Time)).Append(" to ").Append(f.Local(end.Time))
                .Append(" (").Append(start.Time.InUtc().ToString("HH:mm", null)).Append("–").Append(end.Time.InUtc().ToString("HH:mm", null)).Append(" UTC)");
            if (pm.DurationMinutes is { } minutes)
            {
                b.Append(", ").Append(IncidentMarkdownRenderer.Minutes(minutes));
            }

            b.Append("\n\n");
        }

        if (d.Summary is { Length: > 0 } summary)
        {
            b.Append("**What happened:** ").Append(Clean(summary, d)).Append("\n\n");
        }

        if (d.Impact.UsersAffected is { } users)
        {
            b.Append("**Who was affected:** ").Append(Clean(users, d)).Append("\n\n");
        }

        if (d.Resolution is { Length: > 0 } resolution)
        {
            b.Append("**What we did:** ").Append(Clean(resolution, d)).Append("\n\n");
        }

        var changes = ActionChecker.Rank(d.Actions.Where(a => a.Type is ActionType.Prevent or ActionType.Detect)).ToList();
        if (changes.Count > 0)
        {
            b.Append("**What we are changing:**\n");
            foreach (var a in changes)
            {
                b.Append("- ").Append(Clean(a.Action, d)).Append('\n');
            }

            b.Append('\n');
        }

        b.Append("We apologise for the disruption.\n");
        return b.ToString();
    }

    /// <summary>The internal announcement: the link to the postmortem, the key numbers, owners and dates.</summary>
    public static string Internal(AnalyzedPostmortem pm, string link)
    {
        var d = pm.Document;
        var f = new TimeFormat(d.TimeZone, pm.Timeline.Select(e => e.Time));
        var b = new StringBuilder();
        b.Append("## Postmortem published: ").Append(MarkdownText.Inline(d.Title)).Append("\n\n");
        b.Append("**Postmortem:** ").Append(MarkdownText.Inline(link)).Append("  \n");
        if (pm.Severity is { } s)
        {
            b.Append("**Severity:** ").Append(IncidentMarkdownRenderer.Severity(s)).Append("  \n");
        }

        if (pm.DurationMinutes is { } duration && pm.Keys.ImpactStart is { } start && pm.Keys.Resolution is { } end)
        {
            b.Append("**User-facing impact:** ").Append(IncidentMarkdownRenderer.Minutes(duration)).Append(" (").Append(f.Local(start.Time)).Append(" — ").Append(f.Local(end.Time)).Append(")  \n");
        }

        b.Append('\n');
        if (d.Summary is { Length: > 0 } summary)
        {
            b.Append(MarkdownText.Inline(summary)).Append("\n\n");
        }

        b.Append("**Response:**\n");
        foreach (var gap in pm.Gaps.Where(g => g.Name is "impact-to-detection" or "detection-to-escalation" or "escalation-to-mitigation" or "detection-to-communication"))
        {
            b.Append("- ").Append(gap.Label).Append(": ").Append(gap.Minutes is { } m ? IncidentMarkdownRenderer.Minutes(m) : "unknown").Append('\n');
        }

        b.Append("\n**Action items:**\n\n");
        MarkdownText.Header(b, "ID", "Action", "Type", "Owner", "Due date");
        foreach (var a in ActionChecker.Rank(d.Actions))
        {
            MarkdownText.Row(b, a.Id, a.Action, a.Type?.ToString(), a.Owner ?? "unassigned", a.Due is { } due ? TimeFormat.ShortDate(due) : "no date");
        }

        b.Append('\n');
        b.Append("**Follow-up:** action item review ").Append(pm.FollowUp.ActionReview is { } r ? TimeFormat.LongDate(r) : "(date to set)")
            .Append("; retro check-in ").Append(pm.FollowUp.RetroCheckIn is { } c ? TimeFormat.LongDate(c) : pm.FollowUp.RetroRule).Append(".\n");
        return b.ToString();
    }

    // Customers see roles, never names or handles; the roster does the mapping.
    private static string Clean(string text, PostmortemDocument d)
    {
        var inline = MarkdownText.Inline(text);
        var options = new LintOptions { Roster = d.Team.Roster };
        var (fixedText, _) = LintFixer.Apply(inline, Linter.Lint("comms", [new ProseSegment(inline, 1, 1, 0, ProseContext.Narrative)], options)
            .Where(x => x.Rule == LintRules.PersonName));
        return System.Text.RegularExpressions.Regex.Replace(fixedText, @"(?<![\w@.])@[A-Za-z][\w.-]*\s?", string.Empty);
    }
}
