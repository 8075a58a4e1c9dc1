namespace Postmortem.Web.Accounts;

/// <summary>The three roles: a viewer reads, an editor also changes the record, an admin also manages accounts.</summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Editor = "editor";
    public const string Admin = "admin";
    public const string EditorPolicy = "editor";
    public const string AdminPolicy = "admin";

    public static IReadOnlyList<string> All { get; } = [Viewer, Editor, Admin];
}
