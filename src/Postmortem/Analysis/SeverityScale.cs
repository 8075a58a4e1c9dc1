namespace Postmortem.Analysis;

/// <summary>A severity scale: levels tried in order, the first whose conditions hold wins.</summary>
/// <param name="Name">Where the scale comes from (<c>seed default</c> or a config file).</param>
/// <param name="Levels">Levels from most to least severe.</param>
public sealed record SeverityScale(string Name, IReadOnlyList<SeverityLevel> Levels)
{
    private static readonly string[] Outage = ["outage"];
    private static readonly string[] OutageOrDegraded = ["outage", "degraded"];

    /// <summary>The seed's default SEV-1..4 scale with conditions over the impact facts (docs/analysis.md).</summary>
    public static SeverityScale Default { get; } = new("seed default", [
        new("SEV-1", "Critical", "Service down for all users, data loss, or security breach", [
            new SeverityCondition { SecurityBreach = true },
            new SeverityCondition { DataLoss = true },
            new SeverityCondition { Scope = ["all-users"], Effect = Outage },
            new SeverityCondition { MinUsersPercent = 100, Effect = Outage },
        ]),
        new("SEV-2", "Major", "Significant degradation, large subset of users affected", [
            new SeverityCondition { Scope = ["all-users", "large-subset"], Effect = OutageOrDegraded },
            new SeverityCondition { Scope = ["large-subset"] },
            new SeverityCondition { MinUsersPercent = 10, Effect = OutageOrDegraded },
        ]),
        new("SEV-3", "Minor", "Limited impact, workaround available, small user subset", [
            new SeverityCondition { Scope = ["small-subset"] },
            new SeverityCondition { Workaround = true },
            new SeverityCondition { BelowUsersPercent = 10, Effect = OutageOrDegraded },
        ]),
        new("SEV-4", "Low", "Cosmetic or edge case, no user-facing impact", [
            new SeverityCondition { Scope = ["none"] },
            new SeverityCondition { Effect = ["cosmetic"] },
        ]),
    ]);

    /// <summary>Finds a level by name (case-insensitive), or null.</summary>
    public SeverityLevel? Find(string level) =>
        Levels.FirstOrDefault(l => l.Level.Equals(level.Trim(), StringComparison.OrdinalIgnoreCase));
}
