namespace Postmortem.Store;

/// <summary>Which indexed postmortems <see cref="DocumentQuery.Find"/> returns; every part is optional.</summary>
public sealed record DocumentFilter
{
    /// <summary>Words that must appear in the title, id or path (case-insensitive).</summary>
    public string? Text { get; init; }

    /// <summary>Only this severity level (as the index holds it, e.g. SEV1).</summary>
    public string? Severity { get; init; }

    /// <summary>Only incidents in this month (YYYY-MM).</summary>
    public string? Month { get; init; }

    /// <summary>Only postmortems with at least one action in this state (open, done, not-doing).</summary>
    public string? ActionState { get; init; }

    /// <summary>Only incidents that name this service among their affected services (case-insensitive).</summary>
    public string? Service { get; init; }

    /// <summary>Only postmortems of this team (case-insensitive).</summary>
    public string? Team { get; init; }
}
