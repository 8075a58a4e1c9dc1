using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Postmortem.Rendering.Markdown;

namespace Postmortem.Store.Reports;

/// <summary>
/// <c>actions --digest</c>: a short Markdown digest for a channel or an e-mail — overdue, due in the coming week, done in the
/// past week — with each action's owner, date and postmortem. "Done this week" counts the actions the index saw become done
/// in the seven days before <c>--as-of</c> (<c>actions set</c>, or an index run after a hand edit); an action already done
/// when its file was first indexed has no such day and is not counted.
/// </summary>
public static class ActionDigest
{
    /// <summary>Days in "this week", before and after the day of the digest.</summary>
    public const int Week = 7;

    /// <summary>Writes <see cref="Render"/> as UTF-8.</summary>
    public static void Write(IReadOnlyList<IndexedAction> actions, LocalDate asOf, DateTimeZone zone, Stream output) => ActionsReport.Text(output, Render(actions, asOf, zone));

    /// <summary>The digest of <paramref name="actions"/> (every indexed action) as of <paramref name="asOf"/>, in <paramref name="zone"/>.</summary>
    public static string Render(IReadOnlyList<IndexedAction> actions, LocalDate asOf, DateTimeZone zone)
    {
        var overdue = actions.Where(a => a.IsOverdue(asOf)).OrderBy(a => a.Due).ThenBy(a => a.Path, StringComparer.Ordinal).ToList();
        var dueSoon = actions.Where(a => a.State == Model.ActionStatus.Open && a.Due is { } d && d >= asOf && d <= asOf.PlusDays(Week))
            .OrderBy(a => a.Due).ThenBy(a => a.Path, StringComparer.Ordinal).ToList();
        var done = actions.Where(a => a.State == Model.ActionStatus.Done && a.StateSince is { } at && at.InZone(zone).Date is var day && day <= asOf && day > asOf.PlusDays(-Week))
            .OrderBy(a => a.StateSince).ToList();

        var b = new StringBuilder();
        b.Append("# Action items, ").Append(Date(asOf)).Append("\n\n")
            .Append(Count(overdue.Count, "overdue")).Append(", ").Append(Count(dueSoon.Count, $"due in the next {Week} days")).Append(", ")
            .Append(Count(done.Count, $"done in the last {Week} days")).Append(".\n");
        Section(b, "Overdue", overdue, a => $"{Owner(a)}, due {Date(a.Due)} ({Period.Between(a.Due!.Value, asOf, PeriodUnits.Days).Days} days late)");
        Section(b, "Due this week", dueSoon, a => $"{Owner(a)}, due {Date(a.Due)}");
        Section(b, "Done this week", done, a => $"{Owner(a)}, done {Date(a.StateSince!.Value.InZone(zone).Date)}" + (a.Note is { } note ? $": {note}" : string.Empty));
        return b.ToString();
    }

    private static void Section(StringBuilder b, string title, List<IndexedAction> actions, Func<IndexedAction, string> detail)
    {
        if (actions.Count == 0)
        {
            return;
        }

        b.Append("\n## ").Append(title).Append("\n\n");
        foreach (var a in actions)
        {
            b.Append("- ").Append(MarkdownText.Inline(a.Action)).Append(" — ").Append(MarkdownText.Inline(detail(a)))
                .Append(" · ").Append(MarkdownText.Inline(a.Title ?? a.Path)).Append(" (").Append(MarkdownText.Inline($"{a.Path}:{a.Line.ToString(CultureInfo.InvariantCulture)}"))
                .Append(a.Tracker is { } tracker ? ", " + MarkdownText.Inline(tracker) : string.Empty).Append(")\n");
        }
    }

    private static string Owner(IndexedAction a) => a.Owner ?? "no owner";

    private static string Count(int n, string what) => $"{n.ToString(CultureInfo.InvariantCulture)} {what}";

    private static string Date(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : string.Empty;
}
