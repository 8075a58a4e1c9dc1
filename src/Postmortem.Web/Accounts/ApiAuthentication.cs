using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Postmortem.Web.Accounts;

/// <summary>
/// How <c>/api</c> requests are authenticated: <c>Authorization: Bearer &lt;token&gt;</c> (an API token), else the
/// sign-in cookie. Only the API endpoints use this scheme; the pages know the cookie alone. An unauthenticated API
/// request gets 401 with <c>WWW-Authenticate: Bearer</c>, never a redirect to the sign-in page.
/// </summary>
public static class ApiAuthentication
{
    /// <summary>The scheme of the API endpoints: bearer when the request carries one, else the cookie.</summary>
    public const string Scheme = "api";

    /// <summary>The bearer-token scheme.</summary>
    public const string Bearer = "Bearer";

    /// <summary>Any signed-in user or token.</summary>
    public const string ReaderPolicy = "api-reader";

    /// <summary>An editor or admin, by cookie or token.</summary>
    public const string EditorPolicy = "api-editor";

    /// <summary>Adds the token store, the bearer scheme, the API scheme and its policies.</summary>
    public static IServiceCollection AddApiTokens(this IServiceCollection services)
    {
        services.AddSingleton<TokenStore>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, BearerHandler>(Bearer, null)
            .AddPolicyScheme(Scheme, "API: bearer token or cookie", o =>
            {
                o.ForwardDefaultSelector = context => IsBearer(context.Request) ? Bearer : CookieAuthenticationDefaults.AuthenticationScheme;
                o.ForwardChallenge = Bearer;
                o.ForwardForbid = Bearer;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(ReaderPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
            .AddPolicy(EditorPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Roles.Editor, Roles.Admin));
        return services;
    }

    /// <summary>Whether the request names a bearer token (whatever its worth).</summary>
    public static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(Bearer + " ", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the bearer token against the store: a known, unrevoked, unexpired token is its name and role.</summary>
    private sealed class BearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TokenStore tokens)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!IsBearer(Request))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var token = Request.Headers.Authorization.ToString()[(Bearer.Length + 1)..].Trim();
            if (tokens.Find(token) is not { } found)
            {
                return Task.FromResult(AuthenticateResult.Fail("the token is unknown, revoked or expired"));
            }

            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, "token:" + found.Name), new Claim(ClaimTypes.Role, found.Role), new Claim("token_id", found.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                Bearer);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Bearer)));
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.WWWAuthenticate = IsBearer(Request) ? "Bearer error=\"invalid_token\"" : "Bearer";
            return Task.CompletedTask;
        }
    }
}
