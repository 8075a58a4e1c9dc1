using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Postmortem.Web.Pages;

/// <summary>Signs out (a POST with its antiforgery token, so no link elsewhere can sign anyone out).</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync().ConfigureAwait(false);
        return RedirectToPage("/SignIn");
    }
}
