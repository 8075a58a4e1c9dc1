using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Postmortem.Web.Accounts;

namespace Postmortem.Web.Pages.Admin;

/// <summary>Admins: the accounts, and a form to add one with a role.</summary>
public sealed class UsersModel(UserStore users) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    public IReadOnlyList<WebUser> Users { get; private set; } = [];

    public string? Problem { get; private set; }

    public string? Created { get; private set; }

    public void OnGet() => Users = users.List();

    public IActionResult OnPost()
    {
        Problem = UserStore.Problem(Name, Password, Role) ?? (users.Create(Name!, Password!, Role!) ? null : $"an account named '{Name}' exists already");
        Created = Problem is null ? Name : null;
        Response.StatusCode = Problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        Users = users.List();
        return Page();
    }
}
