using System.Text;
using NodaTime;
using Postmortem.Analysis;
using Postmortem.Model;
using Postmortem.Rendering.Markdown;

namespace Postmortem.Rendering.Review;

/// <summary>The action-item review (seed step 7's follow-up): done, overdue, due soon, open.</summary>
internal static class FollowUpRenderer
{
    /// <summary>Days ahead that count as "due soon".</summary>
    public const int DueSoonDays = 7;

    /// <summary>Classifies an action on <paramref name="asOf"/>.</summary>
    public static string State(ActionItem a, LocalDate asOf) =>
        ActionStatus.Of(a.Status) == ActionStatus.Done ? "Done"
        : a.Due is not { } due ? "No due date"
        : due < asOf ? "Overdue"
        : due <= asOf.PlusDays(DueSoonDays) ? "Due soon"
        : "Open";

    /// <summary>Renders the review; <paramref name="overdue"/> receives how many are overdue.</summary>
    public static string Render(AnalyzedPostmortem pm, LocalDate asOf, out int overdue)
    {
        var d = pm.Document;
        var states = d.Actions.Select(a => (a, state: State(a, asOf))).ToList();
        overdue = states.Count(s => s.state == "Overdue");
        var b = new StringBuilder();
        b.Append("## Action item review: ").Append(MarkdownText.Inline(d.Title)).Append("\n\n");
        b.Append("**As of:** ").Append(TimeFormat.LongDate(asOf)).Append("  \n");
        if (pm.FollowUp.ActionReview is { } review)
        {
            b.Append("**Scheduled review:** ").Append(TimeFormat.LongDate(review)).Append("  \n");
        }

        b.Append('\n');
        string Count(string state) => states.Count(s => s.state == state).ToString(System.Globalization.CultureInfo.InvariantCulture);
        b.Append(Count("Done")).Append(" done, ").Append(Count("Overdue")).Append(" overdue, ").Append(Count("Due soon")).Append(" due within ")
            .Append(DueSoonDays).Append(" days, ").Append(Count("Open")).Append(" open, ").Append(Count("No due date")).Append(" without a due date.\n\n");
        MarkdownText.Header(b, "ID", "Action", "Owner", "Due date", "Status", "State");
        foreach (var (a, state) in states.OrderBy(s => Array.IndexOf(["Overdue", "No due date", "Due soon", "Open", "Done"], s.state)))
        {
            var late = state == "Overdue" && a.Due is { } due ? $"Overdue by {Period.Between(due, asOf, PeriodUnits.Days).Days} days" : state;
            MarkdownText.Row(b, a.Id, a.Action, a.Owner, a.Due is { } dd ? TimeFormat.ShortDate(dd) : null, a.Status, late);
        }

        return b.ToString();
    }
}
