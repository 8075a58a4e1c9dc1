using NodaTime;

namespace Postmortem.Model;

/// <summary>Team context from the seed's step 1.</summary>
public sealed record Team
{
    /// <summary>The team that owns the postmortem (<c>team.name</c>), e.g. "Platform"; stats groups by it.</summary>
    public string? Name { get; init; }

    /// <summary>Free-text context: who the team is, on-call arrangements.</summary>
    public string? Context { get; init; }

    /// <summary>The team's postmortem experience level.</summary>
    public string? Experience { get; init; }

    /// <summary>Who was on call, as a role.</summary>
    public string? OnCall { get; init; }

    /// <summary>Person → role mapping.</summary>
    public IReadOnlyList<TeamMember> Roster { get; init; } = [];

    /// <summary>Days between the team's retros, when given.</summary>
    public int? RetroCadenceDays { get; init; }

    /// <summary>A known retro date that the cadence counts from.</summary>
    public LocalDate? RetroAnchor { get; init; }
}
