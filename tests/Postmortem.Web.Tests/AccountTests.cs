using System.Net;
using Microsoft.Data.Sqlite;
using Postmortem.Web.Accounts;

namespace Postmortem.Web.Tests;

/// <summary>
/// Accounts after they are made: a user changes their own password, an admin changes a role, resets a password or
/// removes an account, and each change ends the account's other sessions at their next request (its security stamp).
/// </summary>
public sealed class AccountTests : IDisposable
{
    private readonly WebHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task A_user_changes_their_password_keeps_this_session_and_ends_the_others()
    {
        // Given the editor signed in twice (two browsers)
        var here = await host.SignedIn("editor");
        var elsewhere = await host.SignedIn("editor");
        const string replacement = "a-new-and-longer-password";

        // When a wrong current password is given, then the right one
        var wrong = await Post(here, "/Account", ("Current", "not-the-password"), ("Replacement", replacement));
        var changed = await Post(here, "/Account", ("Current", WebHost.Password), ("Replacement", replacement));

        // Then the wrong one changes nothing; the right one changes it: this session goes on, the other is sent to sign in
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("the current password is not right", await wrong.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.Get("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.Get("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WebHost.SignIn(host.Client(), "editor", WebHost.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebHost.SignIn(host.Client(), "editor", replacement)).StatusCode);
    }

    [Fact]
    public async Task A_new_password_must_be_long_enough()
    {
        var viewer = await host.SignedIn("viewer");

        var response = await Post(viewer, "/Account", ("Current", WebHost.Password), ("Replacement", "short"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebHost.SignIn(host.Client(), "viewer", WebHost.Password)).StatusCode);
    }

    [Fact]
    public async Task An_editor_made_viewer_loses_the_session_and_signs_in_again_as_viewer()
    {
        var editor = await host.SignedIn("editor");
        Assert.Equal(HttpStatusCode.OK, (await editor.Get("/Edit?path=pm/meridian/incident.yml")).StatusCode);
        var admin = await host.SignedIn("admin");

        var response = await Post(admin, "/Admin/Users?handler=Role", ("Name", "editor"), ("Role", "viewer"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.Get("/Edit?path=pm/meridian/incident.yml")).StatusCode);
        var again = await host.SignedIn("editor");
        Assert.Equal(HttpStatusCode.Forbidden, (await again.Get("/Edit?path=pm/meridian/incident.yml")).StatusCode);
    }

    [Fact]
    public async Task An_admin_resets_a_password_and_removes_an_account()
    {
        var viewer = await host.SignedIn("viewer");
        var admin = await host.SignedIn("admin");
        const string reset = "reset-by-the-admin-1";

        var tooShort = await Post(admin, "/Admin/Users?handler=Password", ("Name", "viewer"), ("Password", "short"));
        var resetResponse = await Post(admin, "/Admin/Users?handler=Password", ("Name", "viewer"), ("Password", reset));

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resetResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await viewer.Get("/")).StatusCode);
        var again = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await WebHost.SignIn(again, "viewer", reset)).StatusCode);

        var removed = await Post(admin, "/Admin/Users?handler=Remove", ("Name", "viewer"));

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.DoesNotContain("<td>viewer</td>", await removed.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await again.Get("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WebHost.SignIn(host.Client(), "viewer", reset)).StatusCode);
    }

    [Fact]
    public async Task The_last_admin_keeps_the_role_and_the_account()
    {
        var admin = await host.SignedIn("admin");

        var demoted = await Post(admin, "/Admin/Users?handler=Role", ("Name", "admin"), ("Role", "editor"));
        var removed = await Post(admin, "/Admin/Users?handler=Remove", ("Name", "admin"));
        var unknown = await Post(admin, "/Admin/Users?handler=Remove", ("Name", "nobody"));

        Assert.Equal(HttpStatusCode.BadRequest, demoted.StatusCode);
        Assert.Contains("the last admin cannot lose the admin role", await demoted.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, removed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Get("/Admin/Users")).StatusCode);

        // With a second admin, the first may step down (and its session ends with the change).
        Assert.Equal(HttpStatusCode.OK, (await Post(admin, "/Admin/Users?handler=Role", ("Name", "editor"), ("Role", "admin"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(admin, "/Admin/Users?handler=Role", ("Name", "admin"), ("Role", "viewer"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Get("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task Account_changes_need_the_admin_role_and_the_antiforgery_token()
    {
        var editor = await host.SignedIn("editor");
        var admin = await host.SignedIn("admin");

        var byEditor = await editor.Post("/Admin/Users?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "viewer", ["__RequestVerificationToken"] = await WebHost.Token(editor, "/Account"),
        }));
        var noToken = await admin.Post("/Admin/Users?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "viewer" }));

        Assert.Equal(HttpStatusCode.Forbidden, byEditor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebHost.SignIn(host.Client(), "viewer", WebHost.Password)).StatusCode);
    }

    [Fact]
    public void An_account_file_from_before_stamps_gets_one_per_account_and_its_accounts_still_sign_in()
    {
        // Given an account file as the previous version made it (no stamp column), with one account in it
        var file = host.Service<Hosting.WebSettings>().UsersFile + ".old.db";
        var hash = new Microsoft.AspNetCore.Identity.PasswordHasher<WebUser>().HashPassword(new WebUser("old", "viewer", string.Empty), WebHost.Password);
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE web_users (name TEXT PRIMARY KEY COLLATE NOCASE, password_hash TEXT NOT NULL, role TEXT NOT NULL, created_at TEXT NOT NULL);"
                + $"INSERT INTO web_users VALUES ('old', '{hash}', 'viewer', '2026-01-01T00:00:00Z')";
            command.ExecuteNonQuery();
        }

        // When the store opens it
        var store = new UserStore(host.Service<Hosting.WebSettings>() with { UsersFile = file }, TimeProvider.System);

        // Then the account signs in and has a stamp, and a role change gives it another
        Assert.NotNull(store.SignIn("old", WebHost.Password));
        var before = store.Stamp("old");
        Assert.False(string.IsNullOrEmpty(before));
        Assert.Null(store.SetRole("old", Roles.Editor));
        Assert.NotEqual(before, store.Stamp("old"));
        Assert.False(store.IsCurrent("old", before!));
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var form = fields.ToDictionary(f => f.Name, f => f.Value);
        form["__RequestVerificationToken"] = await WebHost.Token(client, url.Split('?')[0]);
        return await client.Post(url, new FormUrlEncodedContent(form));
    }
}
