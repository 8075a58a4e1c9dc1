using System.Globalization;

namespace Postmortem.Tests.Store;

/// <summary>Small incident files for the store tests, with key timestamps that are easy to check by hand.</summary>
internal static class Incidents
{
    /// <summary>An incident on <paramref name="date"/>: impact at 10:00 UTC, detected <paramref name="detectAfter"/> minutes later, resolved at 11:00.</summary>
    public static string Yaml(string title, string date, int detectAfter, string severity = "SEV-2", string actions = "") =>
        $"""
        title: {title}
        date: {date}
        timeZone: UTC
        severity: {severity}
        events:
          - time: "10:00"
            event: Customers began seeing errors on checkout
            kind: impact
          - time: "10:{detectAfter.ToString("00", CultureInfo.InvariantCulture)}"
            event: Error-rate alert fired
            kind: alert
          - time: "11:00"
            event: Error rate back to normal; incident resolved
            kind: resolution
        {actions}
        """;

    public static string Actions(params (string Action, string Owner, string Due, string Status)[] actions) =>
        "actions:\n" + string.Concat(actions.Select(a => $"  - action: {a.Action}\n    type: prevent\n    owner: {a.Owner}\n    due: {a.Due}\n    status: {a.Status}\n"));
}
