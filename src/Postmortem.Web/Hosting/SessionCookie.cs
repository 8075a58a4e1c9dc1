using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Postmortem.Web.Accounts;

namespace Postmortem.Web.Hosting;

/// <summary>
/// The session cookie every sign-in ends in (local accounts and the OpenID Connect provider alike): HttpOnly, Strict,
/// eight hours sliding, and for a local account the security stamp checked (<see cref="UserStore.IsCurrent"/>).
/// </summary>
internal static class SessionCookie
{
    /// <summary>Signs in the local account <paramref name="name"/> with <paramref name="role"/> and the account's stamp now.</summary>
    public static Task SignInAsync(HttpContext context, UserStore users, string name, string role)
    {
        var identity = new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, name), new(System.Security.Claims.ClaimTypes.Role, role), new(UserStore.StampClaim, users.Stamp(name) ?? string.Empty)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new System.Security.Claims.ClaimsPrincipal(identity));
    }

    /// <summary>The cookie scheme's options.</summary>
    public static void Configure(CookieAuthenticationOptions o)
    {
        o.LoginPath = "/SignIn";
        o.Cookie.Name = "postmortem.auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;

        // A local account's session ends when the account is removed or its password or role changes (its stamp).
        // Sessions from the OpenID Connect provider are the provider's to end.
        o.Events.OnValidatePrincipal = async context =>
        {
            var principal = context.Principal!;
            if (principal.HasClaim(c => c.Type == OidcSignIn.ProviderClaim))
            {
                return;
            }

            var stamp = principal.FindFirst(UserStore.StampClaim)?.Value;
            if (stamp is null || !context.HttpContext.RequestServices.GetRequiredService<UserStore>().IsCurrent(principal.Identity!.Name!, stamp))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            }
        };

        // Signed in but not allowed: 403, not a redirect to a page that does not exist.
        o.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }
}
