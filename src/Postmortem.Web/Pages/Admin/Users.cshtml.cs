using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Postmortem.Web.Accounts;

namespace Postmortem.Web.Pages.Admin;

/// <summary>Admins: the accounts; a form to add one with a role; per account, a new role, a new password, or removal.</summary>
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

    /// <summary>What the last post did, to say so on the page.</summary>
    public string? Done { get; private set; }

    public void OnGet() => Users = users.List();

    public IActionResult OnPost() =>
        Answer(UserStore.Problem(Name, Password, Role) ?? (users.Create(Name!, Password!, Role!) ? null : $"an account named '{Name}' exists already"),
            $"Created the account {Name}.");

    /// <summary>Gives the account <see cref="Name"/> the role <see cref="Role"/>; its sessions end.</summary>
    public IActionResult OnPostRole() =>
        Answer(string.IsNullOrEmpty(Name) ? "which account?" : users.SetRole(Name, Role ?? string.Empty), $"{Name} is now {Role}; their sessions have ended.");

    /// <summary>Sets a new password for the account <see cref="Name"/> (an admin's reset); its sessions end.</summary>
    public IActionResult OnPostPassword() =>
        Answer(
            string.IsNullOrEmpty(Name) ? "which account?"
            : Password is null || Password.Length < UserStore.MinimumPasswordLength ? $"the password must have at least {UserStore.MinimumPasswordLength} characters"
            : users.SetPassword(Name, Password) ? null : $"there is no account named '{Name}'",
            $"Set a new password for {Name}; their sessions have ended.");

    /// <summary>Removes the account <see cref="Name"/>; its sessions end.</summary>
    public IActionResult OnPostRemove() =>
        Answer(string.IsNullOrEmpty(Name) ? "which account?" : users.Remove(Name), $"Removed the account {Name}.");

    private PageResult Answer(string? problem, string done)
    {
        Problem = problem;
        Done = problem is null ? done : null;
        Response.StatusCode = problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        Users = users.List();
        return Page();
    }
}
