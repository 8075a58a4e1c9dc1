using NodaTime;
using Postmortem.Model;

namespace Postmortem.Analysis.Actions;

/// <summary>What a team's <see cref="ActionPolicy"/> list says of one action: the same answer for <c>check</c> (one file) and <c>actions</c> (the index).</summary>
internal static class PolicyCheck
{
    /// <summary>How each policy that applies is broken by the action, as "policy: what is wrong" (empty when none is).</summary>
    /// <param name="policies">The team's policies.</param>
    /// <param name="severity">The postmortem's severity level, when known.</param>
    /// <param name="incidentDate">The incident's date (impact start, else the file's date), when known.</param>
    /// <param name="type">The action's type (prevent, detect, mitigate, process), when given.</param>
    /// <param name="owner">Its owner, when given.</param>
    /// <param name="due">Its due date, when given.</param>
    /// <param name="state">open, done or not-doing (<see cref="ActionStatus"/>): only open actions are held to a policy.</param>
    public static IReadOnlyList<string> Broken(IReadOnlyList<ActionPolicy> policies, string? severity, LocalDate? incidentDate, string? type, string? owner, LocalDate? due, string state)
    {
        var broken = new List<string>();
        if (state != ActionStatus.Open)
        {
            return broken;
        }

        foreach (var p in policies)
        {
            var applies = (p.Severities.Count == 0 || (severity is not null && p.Severities.Contains(severity, StringComparer.OrdinalIgnoreCase)))
                && (p.Types.Count == 0 || (type is not null && p.Types.Any(t => t.ToString().Equals(type, StringComparison.OrdinalIgnoreCase))));
            if (!applies)
            {
                continue;
            }

            if (p.RequireOwner && string.IsNullOrWhiteSpace(owner))
            {
                broken.Add($"{p.Name}: no owner");
            }

            if (p.RequireDue && due is null)
            {
                broken.Add($"{p.Name}: no due date");
            }

            if (p.DueWithinDays is { } days && incidentDate is { } day)
            {
                var latest = day.PlusDays(days);
                if (due is null)
                {
                    broken.Add($"{p.Name}: no due date (due by {latest:uuuu-MM-dd}, {days} days after the incident)");
                }
                else if (due > latest)
                {
                    broken.Add($"{p.Name}: due {due:uuuu-MM-dd}, after {latest:uuuu-MM-dd} ({days} days after the incident)");
                }
            }
        }

        return broken;
    }
}
