using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using Postmortem.Store;

namespace Postmortem.Web.Hosting;

/// <summary>The query values of the list and the action board, read once for the pages and the JSON API: a filter, or why not (a 400).</summary>
public static partial class QueryFilters
{
    /// <summary>The states an action can be in.</summary>
    public static IReadOnlyList<string> ActionStates { get; } = [Model.ActionStatus.Open, Model.ActionStatus.Done, Model.ActionStatus.NotDoing];

    /// <summary>The list's filter: search text, severity, month (YYYY-MM), state of actions, service, team.</summary>
    public static (DocumentFilter? Filter, string? Problem) Documents(string? text, string? severity, string? month, string? actions, string? service = null, string? team = null)
    {
        var problem = !string.IsNullOrEmpty(month) && !MonthPattern().IsMatch(month) ? $"month must be YYYY-MM, not '{month}'"
            : OneOf("actions", actions, ActionStates)
            ?? (text?.Length > 200 || severity?.Length > 50 || service?.Length > 200 || team?.Length > 200
                ? "the search text, the service and the team are limited to 200 characters and the severity to 50" : null);
        return problem is not null ? (null, problem) : (new DocumentFilter
        {
            Text = text, Severity = severity, Month = month, ActionState = actions,
            Service = string.IsNullOrEmpty(service) ? null : service, Team = string.IsNullOrEmpty(team) ? null : team,
        }, null);
    }

    /// <summary>The board's filter, as <c>postmortem actions</c> takes it; <paramref name="today"/> when no as-of date is given.</summary>
    public static (ActionFilter? Filter, string? Problem) Actions(string? owner, string? status, bool overdue, int? dueWithin, string? asOfText, LocalDate today)
    {
        var (asOf, problem) = Date("as-of", asOfText);
        problem ??= OneOf("status", status, ActionStates);
        problem ??= dueWithin is < 0 or > 3650 ? "due-within must be a number of days from 0 to 3650" : null;
        return problem is not null ? (null, problem) : (new ActionFilter
        {
            AsOf = asOf ?? today, Owner = string.IsNullOrEmpty(owner) ? null : owner, State = string.IsNullOrEmpty(status) ? null : status, Overdue = overdue, DueWithinDays = dueWithin,
        }, null);
    }

    /// <summary>A YYYY-MM-DD query value; null and a problem when it is not one.</summary>
    public static (LocalDate? Date, string? Problem) Date(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return (null, null);
        }

        var parsed = LocalDatePattern.Iso.Parse(value);
        return parsed.Success ? (parsed.Value, null) : (null, string.Create(CultureInfo.InvariantCulture, $"{name} must be a date YYYY-MM-DD, not '{value}'"));
    }

    /// <summary>Whether <paramref name="value"/> is empty or one of <paramref name="allowed"/>.</summary>
    public static string? OneOf(string name, string? value, IReadOnlyList<string> allowed) =>
        string.IsNullOrEmpty(value) || allowed.Contains(value) ? null : $"{name} must be one of {string.Join(", ", allowed)}";

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex MonthPattern();
}
