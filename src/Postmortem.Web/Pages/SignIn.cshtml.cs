using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Postmortem.Web.Accounts;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Pages;

/// <summary>Sign-in with a local account (rate limited per client address: <see cref="Hosting.WebApp.SignInLimit"/>).</summary>
public sealed class SignInModel(UserStore users) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Name) || string.IsNullOrEmpty(Password) || Name.Length > 64 || Password.Length > 1000
            || users.SignIn(Name, Password) is not { } user)
        {
            Problem = "That name and password do not match an account.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await SessionCookie.SignInAsync(HttpContext, users, user.Name, user.Role).ConfigureAwait(false);

        // Only back to a page of this server: a sign-in link must not send anyone elsewhere.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
