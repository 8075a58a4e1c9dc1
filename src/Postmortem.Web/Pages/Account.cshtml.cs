using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Postmortem.Web.Accounts;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Pages;

/// <summary>
/// A signed-in user's own account: a local account changes its password here (the current one first; its other
/// sessions end and this one goes on); an account from the OpenID Connect provider is managed there.
/// </summary>
public sealed class AccountModel(UserStore users) : PageModel
{
    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? Replacement { get; set; }

    public string? Problem { get; private set; }

    public bool Changed { get; private set; }

    /// <summary>Whether the provider, not this server, holds the account.</summary>
    public bool FromProvider => User.HasClaim(c => c.Type == OidcSignIn.ProviderClaim);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = User.Identity!.Name!;
        Problem = FromProvider ? "this account is managed by your organisation's sign-in provider"
            : string.IsNullOrEmpty(Current) || string.IsNullOrEmpty(Replacement) || Current.Length > 1000 || Replacement.Length > 1000 ? "give the current and the new password"
            : users.ChangePassword(name, Current, Replacement);
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The change gave the account a new stamp: this session takes it, every other one ends.
        await SessionCookie.SignInAsync(HttpContext, users, name, User.FindFirst(System.Security.Claims.ClaimTypes.Role)!.Value).ConfigureAwait(false);
        Changed = true;
        return Page();
    }
}
