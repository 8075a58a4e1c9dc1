using System.Security.Claims;

namespace Postmortem.Web.Accounts;

/// <summary>
/// Turns the claims an OpenID Connect provider sends into one of the app's roles: the values of <see cref="Claim"/>
/// (a group, an app role) are looked up in the mapping, the highest role matched wins, and a user whose values match
/// none gets <see cref="DefaultRole"/>, or is refused when there is none.
/// </summary>
/// <param name="Claim">The claim that carries the provider's roles or groups (<c>roles</c>, <c>groups</c>…).</param>
/// <param name="Values">For each role, the claim values that give it.</param>
/// <param name="DefaultRole">The role of a user whose values match no entry, or null to refuse them.</param>
public sealed record OidcRoleMap(string Claim, IReadOnlyDictionary<string, IReadOnlyList<string>> Values, string? DefaultRole)
{
    // Highest first: a user in both the editors' and the admins' group is an admin.
    private static readonly string[] Ranked = [Roles.Admin, Roles.Editor, Roles.Viewer];

    /// <summary>The role the <paramref name="claims"/> give, or null when they give none and there is no default.</summary>
    public string? RoleOf(IEnumerable<Claim> claims)
    {
        var values = claims.Where(c => string.Equals(c.Type, Claim, StringComparison.Ordinal)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return Ranked.FirstOrDefault(role => Values.TryGetValue(role, out var wanted) && wanted.Any(values.Contains)) ?? DefaultRole;
    }

    /// <summary>Reads <c>RoleClaim</c>, <c>Roles:viewer|editor|admin</c> (values separated by spaces, commas or semicolons) and <c>DefaultRole</c> (<c>none</c> to refuse).</summary>
    internal static OidcRoleMap From(IConfigurationSection section, Func<string, Exception> invalid)
    {
        var unknown = section.GetSection("Roles").GetChildren().Select(c => c.Key).FirstOrDefault(k => !Roles.All.Contains(k));
        if (unknown is not null)
        {
            throw invalid($"Postmortem:Oidc:Roles:{unknown} is not a role: the roles are {string.Join(", ", Roles.All)}");
        }

        var values = Roles.All.ToDictionary(r => r, r => OidcSettings.Split(section[$"Roles:{r}"]), StringComparer.Ordinal);
        var fallback = section["DefaultRole"] is { Length: > 0 } d ? d : "none";
        if (fallback != "none" && !Roles.All.Contains(fallback))
        {
            throw invalid($"Postmortem:Oidc:DefaultRole must be one of {string.Join(", ", Roles.All)} or none, not '{fallback}'");
        }

        return new OidcRoleMap(section["RoleClaim"] is { Length: > 0 } claim ? claim : "roles", values, fallback == "none" ? null : fallback);
    }
}
