using System.Globalization;

namespace Postmortem.Web.Accounts;

/// <summary>
/// OpenID Connect sign-in for an organisation (<c>Postmortem:Oidc:*</c>): the provider, this app's client, the scopes
/// asked for, and how the provider's claims become a role. Null from <see cref="From"/> when no authority is configured.
/// </summary>
/// <param name="Authority">The provider's issuer URL; its discovery document is <c>{Authority}/.well-known/openid-configuration</c>.</param>
/// <param name="ClientId">This app's client id at the provider.</param>
/// <param name="ClientSecret">The client secret (from the environment, never a file in the repository), or null for a public client.</param>
/// <param name="Scopes">The scopes asked for besides <c>openid</c>.</param>
/// <param name="DisplayName">The provider's name on the sign-in page.</param>
/// <param name="NameClaim">The claim that names the user on the page.</param>
/// <param name="Roles">How the provider's role claim becomes a role (<see cref="OidcRoleMap"/>).</param>
public sealed record OidcSettings(Uri Authority, string ClientId, string? ClientSecret, IReadOnlyList<string> Scopes, string DisplayName, string NameClaim, OidcRoleMap Roles)
{
    /// <summary>The environment variable that gives the client secret.</summary>
    public const string SecretVariable = "POSTMORTEM_OIDC_CLIENT_SECRET";

    /// <summary>The path the provider sends the browser back to (register it at the provider as the redirect URI).</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>
    /// Reads <c>Postmortem:Oidc:Authority</c>, <c>:ClientId</c>, <c>:ClientSecret</c> (or <see cref="SecretVariable"/>),
    /// <c>:Scopes</c>, <c>:DisplayName</c>, <c>:NameClaim</c>, <c>:RoleClaim</c>, <c>:Roles:viewer|editor|admin</c> and
    /// <c>:DefaultRole</c>; null when no authority is set.
    /// </summary>
    /// <exception cref="InvalidOperationException">The settings are incomplete or wrong: the host does not start (PM0940).</exception>
    public static OidcSettings? From(IConfiguration configuration, Func<string, string?> environment)
    {
        var section = configuration.GetSection("Postmortem:Oidc");
        if (string.IsNullOrWhiteSpace(section["Authority"]))
        {
            return null;
        }

        // Plain http only for a provider on this machine (a test or a local development provider).
        if (!Uri.TryCreate(section["Authority"], UriKind.Absolute, out var authority)
            || !(authority.Scheme == Uri.UriSchemeHttps || (authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback)))
        {
            throw Invalid($"Postmortem:Oidc:Authority must be an https URL (http only on loopback), not '{section["Authority"]}'");
        }

        var clientId = section["ClientId"];
        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw Invalid("Postmortem:Oidc:ClientId is required when Postmortem:Oidc:Authority is set");
        }

        var secret = section["ClientSecret"] ?? environment(SecretVariable);
        var scopes = Split(section["Scopes"] ?? "profile email").Where(s => s != "openid").ToList();
        var roles = OidcRoleMap.From(section, Invalid);
        return new OidcSettings(authority, clientId, string.IsNullOrEmpty(secret) ? null : secret, scopes,
            section["DisplayName"] is { Length: > 0 } display ? display : authority.Host, section["NameClaim"] is { Length: > 0 } name ? name : "preferred_username", roles);
    }

    /// <summary>Values separated by spaces, commas or semicolons.</summary>
    internal static IReadOnlyList<string> Split(string? value) =>
        (value ?? string.Empty).Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static InvalidOperationException Invalid(string reason)
    {
        var diagnostic = Diagnostics.DiagnosticCatalog.WebSetting(reason);
        return new(string.Create(CultureInfo.InvariantCulture, $"error {diagnostic.Code}: {diagnostic.Message}"));
    }
}
