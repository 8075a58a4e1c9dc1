namespace Postmortem.Model;

/// <summary>Impact facts: the prose the document shows and the facts severity is classified from.</summary>
public sealed record Impact
{
    /// <summary>Users affected, as written (number or percentage).</summary>
    public string? UsersAffected { get; init; }

    /// <summary>Revenue impact, as written.</summary>
    public string? Revenue { get; init; }

    /// <summary>SLA impact, as written.</summary>
    public string? Sla { get; init; }

    /// <summary>Data impact, as written.</summary>
    public string? Data { get; init; }

    /// <summary>Who was affected: all-users, large-subset, small-subset or none.</summary>
    public string? Scope { get; init; }

    /// <summary>How bad it was for them: outage, degraded, cosmetic.</summary>
    public string? Effect { get; init; }

    /// <summary>Percentage of users affected, when known.</summary>
    public double? UsersAffectedPercent { get; init; }

    /// <summary>Whether data was lost.</summary>
    public bool? DataLoss { get; init; }

    /// <summary>Whether security was breached.</summary>
    public bool? SecurityBreach { get; init; }

    /// <summary>Whether a workaround was available.</summary>
    public bool? Workaround { get; init; }
}
