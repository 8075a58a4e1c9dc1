using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Postmortem.Web.Accounts;

namespace Postmortem.Web.Hosting;

/// <summary>
/// Sign-in through an organisation's OpenID Connect provider, beside local accounts: the authorization code flow with
/// PKCE, the id_token's claims mapped to one role (<see cref="OidcRoleMap"/>), and the user kept in the same cookie.
/// </summary>
internal static class OidcSignIn
{
    /// <summary>The authentication scheme's name.</summary>
    public const string Scheme = "oidc";

    /// <summary>The link on the sign-in page that starts the flow.</summary>
    public const string StartPath = "/SignIn/Oidc";

    /// <summary>The claim that says which provider signed the user in (the issuer).</summary>
    public const string ProviderClaim = "postmortem:idp";

    /// <summary>Adds the scheme when <paramref name="configuration"/> names a provider (<see cref="OidcSettings.From"/>).</summary>
    public static void Add(IServiceCollection services, AuthenticationBuilder authentication, IConfiguration configuration)
    {
        if (OidcSettings.From(configuration, Environment.GetEnvironmentVariable) is not { } oidc)
        {
            return;
        }

        services.AddSingleton(oidc);

        // The provider sends the browser back cross-site: a Strict cookie set there would not be sent on the redirect
        // that follows, so the user would land signed out. Lax still keeps it off cross-site POSTs (and every form has its antiforgery token).
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o => o.Cookie.SameSite = SameSiteMode.Lax);
        authentication.AddOpenIdConnect(Scheme, oidc.DisplayName, o =>
        {
            o.Authority = oidc.Authority.ToString();
            o.RequireHttpsMetadata = oidc.Authority.Scheme == Uri.UriSchemeHttps;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.CallbackPath = OidcSettings.CallbackPath;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.Scope.Clear();
            o.Scope.Add("openid");
            foreach (var scope in oidc.Scopes)
            {
                o.Scope.Add(scope);
            }

            // Claims keep the names the provider gives them ("groups", "roles"), which is what the mapping names.
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.Events.OnTokenValidated = context =>
            {
                if (Principal(context.Principal!, oidc) is { } principal)
                {
                    context.Principal = principal;
                }
                else
                {
                    context.Fail("the provider's claims give no role in Postmortem");
                }

                return Task.CompletedTask;
            };

            // A refused user, a provider error or a tampered callback: a plain 403 that says so, no stack, no redirect loop.
            o.Events.OnRemoteFailure = async context =>
            {
                context.HandleResponse();
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"Sign-in with {oidc.DisplayName} did not complete: {context.Failure?.Message}. Ask an admin for a role, or sign in with a local account at /SignIn.").ConfigureAwait(false);
            };
        });
    }

    /// <summary>Maps <see cref="StartPath"/> (the sign-in page's link) when the scheme is configured.</summary>
    public static void Map(WebApplication app)
    {
        if (app.Services.GetService<OidcSettings>() is null)
        {
            return;
        }

        app.MapGet(StartPath, (string? returnUrl, HttpContext context) =>
        {
            // Only back to a page of this server, as local sign-in does.
            var back = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.Challenge(new AuthenticationProperties { RedirectUri = back }, [Scheme]);
        }).AllowAnonymous();
    }

    /// <summary>The app's user for a validated id_token's claims: a name and one role; null when the claims give no role and there is no default.</summary>
    public static ClaimsPrincipal? Principal(ClaimsPrincipal provider, OidcSettings oidc)
    {
        if (oidc.Roles.RoleOf(provider.Claims) is not { } role)
        {
            return null;
        }

        var name = new[] { oidc.NameClaim, "preferred_username", "email", "name", "sub" }
            .Select(type => provider.FindFirst(type)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "unknown";
        var issuer = provider.FindFirst("iss")?.Value ?? oidc.Authority.ToString();
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), new Claim(ProviderClaim, issuer)], CookieAuthenticationDefaults.AuthenticationScheme);
        return new ClaimsPrincipal(identity);
    }
}
