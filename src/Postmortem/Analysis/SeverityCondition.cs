using System.Globalization;
using Postmortem.Model;

namespace Postmortem.Analysis;

/// <summary>One way an incident can qualify for a severity level; every field set must hold.</summary>
public sealed record SeverityCondition
{
    /// <summary>impact.scope must be one of these.</summary>
    public IReadOnlyList<string>? Scope { get; init; }

    /// <summary>impact.effect must be one of these.</summary>
    public IReadOnlyList<string>? Effect { get; init; }

    /// <summary>impact.dataLoss must equal this.</summary>
    public bool? DataLoss { get; init; }

    /// <summary>impact.securityBreach must equal this.</summary>
    public bool? SecurityBreach { get; init; }

    /// <summary>impact.workaround must equal this.</summary>
    public bool? Workaround { get; init; }

    /// <summary>impact.usersAffectedPercent must be at least this.</summary>
    public double? MinUsersPercent { get; init; }

    /// <summary>impact.usersAffectedPercent must be below this.</summary>
    public double? BelowUsersPercent { get; init; }

    /// <summary>True when every field set here holds for <paramref name="impact"/>; unknown facts never match.</summary>
    public bool Matches(Impact impact) =>
        (Scope is null || (impact.Scope is { } s && Scope.Contains(s, StringComparer.OrdinalIgnoreCase)))
        && (Effect is null || (impact.Effect is { } f && Effect.Contains(f, StringComparer.OrdinalIgnoreCase)))
        && (DataLoss is null || impact.DataLoss == DataLoss)
        && (SecurityBreach is null || impact.SecurityBreach == SecurityBreach)
        && (Workaround is null || impact.Workaround == Workaround)
        && (MinUsersPercent is null || impact.UsersAffectedPercent >= MinUsersPercent)
        && (BelowUsersPercent is null || impact.UsersAffectedPercent < BelowUsersPercent);

    /// <summary>The condition in words, naming the facts it reads ("impact.scope = all-users and impact.effect = outage").</summary>
    public string Describe(Impact impact)
    {
        var parts = new List<string>();
        if (Scope is not null)
        {
            parts.Add($"impact.scope = {impact.Scope}");
        }

        if (Effect is not null)
        {
            parts.Add($"impact.effect = {impact.Effect}");
        }

        if (DataLoss is not null)
        {
            parts.Add($"impact.dataLoss = {Lower(impact.DataLoss)}");
        }

        if (SecurityBreach is not null)
        {
            parts.Add($"impact.securityBreach = {Lower(impact.SecurityBreach)}");
        }

        if (Workaround is not null)
        {
            parts.Add($"impact.workaround = {Lower(impact.Workaround)}");
        }

        if (MinUsersPercent is not null)
        {
            parts.Add($"impact.usersAffectedPercent = {impact.UsersAffectedPercent?.ToString(CultureInfo.InvariantCulture)} ≥ {MinUsersPercent.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        if (BelowUsersPercent is not null)
        {
            parts.Add($"impact.usersAffectedPercent = {impact.UsersAffectedPercent?.ToString(CultureInfo.InvariantCulture)} < {BelowUsersPercent.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        return string.Join(" and ", parts);
    }

    private static string Lower(bool? value) => value switch { true => "true", false => "false", _ => "unknown" };
}
