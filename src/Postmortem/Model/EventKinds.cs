namespace Postmortem.Model;

/// <summary>The wire names of <see cref="EventKind"/> used in files and JSON.</summary>
public static class EventKinds
{
    private static readonly (EventKind Kind, string Name)[] Names =
    [
        (EventKind.Change, "change"),
        (EventKind.Impact, "impact"),
        (EventKind.CustomerReport, "customer-report"),
        (EventKind.Alert, "alert"),
        (EventKind.Page, "page"),
        (EventKind.Escalation, "escalation"),
        (EventKind.Diagnosis, "diagnosis"),
        (EventKind.Communication, "communication"),
        (EventKind.Decision, "decision"),
        (EventKind.Mitigation, "mitigation"),
        (EventKind.Resolution, "resolution"),
        (EventKind.Other, "other"),
    ];

    /// <summary>All wire names, in declaration order.</summary>
    public static IReadOnlyList<string> AllNames { get; } = Names.Select(n => n.Name).ToArray();

    /// <summary>The wire name of a kind.</summary>
    public static string ToName(this EventKind kind) => Names.First(n => n.Kind == kind).Name;

    /// <summary>Parses a wire name (case-insensitive; <c>trigger</c> is accepted for <c>change</c>).</summary>
    public static bool TryParse(string text, out EventKind kind)
    {
        var key = text.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        if (key is "trigger")
        {
            key = "change";
        }

        foreach (var (k, name) in Names)
        {
            if (name == key)
            {
                kind = k;
                return true;
            }
        }

        kind = EventKind.Other;
        return false;
    }
}
