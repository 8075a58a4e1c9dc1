using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime.Text;
using Postmortem.Web.Accounts;

namespace Postmortem.Web.Pages.Admin;

/// <summary>Admins: API tokens for CI. A new token is shown once, on the answer to the form that made it; the list shows none.</summary>
public sealed class TokensModel(TokenStore tokens, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    /// <summary>The last day the token works (UTC, YYYY-MM-DD); empty: until revoked.</summary>
    [BindProperty]
    public string? Expires { get; set; }

    [BindProperty]
    public long? Revoke { get; set; }

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public string? Problem { get; private set; }

    /// <summary>The token just made, in clear: on this answer only.</summary>
    public string? Created { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public void OnGet() => Tokens = tokens.List();

    public IActionResult OnPost()
    {
        if (Revoke is { } id)
        {
            Problem = tokens.Revoke(id) ? null : "no such token, or it was revoked already";
        }
        else
        {
            DateTimeOffset? expiresAt = null;
            if (!string.IsNullOrEmpty(Expires))
            {
                var day = LocalDatePattern.Iso.Parse(Expires);
                expiresAt = day.Success ? new DateTimeOffset(day.Value.PlusDays(1).ToDateTimeUnspecified(), TimeSpan.Zero) : null;
                Problem = !day.Success ? $"the expiry must be a date YYYY-MM-DD, not '{Expires}'" : expiresAt <= clock.GetUtcNow() ? "the expiry must be today or later" : null;
            }

            Problem ??= TokenStore.Problem(Name, Role);
            if (Problem is null)
            {
                Created = tokens.Create(Name!, Role!, expiresAt, User.Identity?.Name ?? "admin");
                Response.Headers.CacheControl = "no-store";
            }
        }

        Response.StatusCode = Problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        Tokens = tokens.List();
        return Page();
    }
}
