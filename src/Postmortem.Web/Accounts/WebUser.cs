namespace Postmortem.Web.Accounts;

/// <summary>A local account: its name and role (the password hash never leaves the user store).</summary>
public sealed record WebUser(string Name, string Role, string CreatedAt);
