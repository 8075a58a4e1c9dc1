using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Postmortem.Web.Accounts;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Tests;

/// <summary>API tokens for CI: made by an admin and shown once, stored as a hash, accepted as a bearer on /api only, refused when wrong, revoked or expired.</summary>
public sealed partial class ApiTokenTests : IClassFixture<ApiTokenTests.Host>
{
    private readonly WebHost host;

    public ApiTokenTests(Host fixture) => host = fixture.Web;

    public sealed class Host : IDisposable
    {
        public WebHost Web { get; } = new();

        public void Dispose() => Web.Dispose();
    }

    private TokenStore Tokens => host.Services.GetRequiredService<TokenStore>();

    private static HttpRequestMessage Bearer(HttpMethod method, string url, string token)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpRequestMessage request) => client.SendAsync(request, TestContext.Current.CancellationToken);

    [Fact]
    public async Task An_admin_makes_a_token_that_is_shown_once_and_stored_only_as_a_hash()
    {
        var admin = await host.SignedIn("admin");
        var token = await WebHost.Token(admin, "/Admin/Tokens");

        var made = await admin.Post("/Admin/Tokens", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "ci-nightly", ["Role"] = Roles.Viewer, ["Expires"] = "2099-12-31", ["__RequestVerificationToken"] = token,
        }));
        var html = await made.Text();
        var clear = NewToken().Match(html).Groups[1].Value;

        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.StartsWith(TokenStore.Prefix, clear, StringComparison.Ordinal);
        Assert.DoesNotContain(clear, await admin.Read("/Admin/Tokens"), StringComparison.Ordinal);
        var stored = Dump(host.Services.GetRequiredService<WebSettings>().UsersFile);
        Assert.DoesNotContain(clear, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(clear[TokenStore.Prefix.Length..], stored, StringComparison.Ordinal);
        Assert.Contains(TokenStore.Hash(clear), stored, StringComparison.Ordinal);

        var listed = await Send(host.Client(), Bearer(HttpMethod.Get, "/api/postmortems", clear));
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Fact]
    public async Task A_valid_token_reads_the_list_and_the_board_with_its_filters()
    {
        var token = Tokens.Create("ci-read", Roles.Viewer, null, "test");
        var client = host.Client();

        var list = await Send(client, Bearer(HttpMethod.Get, "/api/postmortems?q=Checkout", token));
        var board = await Send(client, Bearer(HttpMethod.Get, "/api/actions?status=open&as-of=2023-12-05", token));
        var bad = await Send(client, Bearer(HttpMethod.Get, "/api/actions?status=closed", token));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var documents = JsonDocument.Parse(await list.Text());
        var meridian = Assert.Single(documents.RootElement.EnumerateArray());
        Assert.Equal("pm/meridian/incident.yml", meridian.GetProperty("path").GetString());
        Assert.Equal("2023-11-24", meridian.GetProperty("incidentDate").GetString());
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        using var actions = JsonDocument.Parse(await board.Text());
        Assert.Contains(actions.RootElement.EnumerateArray(), a => a.GetProperty("path").GetString() == "pm/meridian/incident.yml" && a.GetProperty("overdue").GetBoolean());
        Assert.All(actions.RootElement.EnumerateArray(), a => Assert.Equal("open", a.GetProperty("state").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_wrong_revoked_or_expired_token_or_none_is_401_not_a_redirect()
    {
        var revoked = Tokens.Create("ci-old", Roles.Editor, null, "test");
        var id = Tokens.List().First(t => t.Name == "ci-old").Id;
        Assert.True(Tokens.Revoke(id));
        var expired = Tokens.Create("ci-expired", Roles.Editor, DateTimeOffset.UtcNow.AddMinutes(-1), "test");
        var valid = Tokens.Create("ci-valid", Roles.Editor, null, "test");
        var client = host.Client();

        foreach (var token in new[] { revoked, expired, valid + "x", TokenStore.Prefix + "AAAA", "not-even-a-token" })
        {
            var response = await Send(client, Bearer(HttpMethod.Get, "/api/postmortems", token));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Get("/api/actions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(client, Bearer(HttpMethod.Get, "/api/postmortems", valid))).StatusCode);
    }

    [Fact]
    public async Task Revoking_from_the_admin_page_stops_the_token()
    {
        var token = Tokens.Create("ci-to-revoke", Roles.Viewer, null, "test");
        var id = Tokens.List().First(t => t.Name == "ci-to-revoke").Id;
        var admin = await host.SignedIn("admin");
        Assert.Equal(HttpStatusCode.OK, (await Send(host.Client(), Bearer(HttpMethod.Get, "/api/postmortems", token))).StatusCode);

        var revoke = await admin.Post("/Admin/Tokens", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Revoke"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = await WebHost.Token(admin, "/Admin/Tokens"),
        }));

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(host.Client(), Bearer(HttpMethod.Get, "/api/postmortems", token))).StatusCode);
    }

    [Fact]
    public async Task A_viewer_token_cannot_reindex_and_an_editor_token_can_without_antiforgery()
    {
        var viewer = Tokens.Create("ci-viewer", Roles.Viewer, null, "test");
        var editor = Tokens.Create("ci-editor", Roles.Editor, null, "test");
        var client = host.Client();

        var refused = await Send(client, Bearer(HttpMethod.Post, "/api/reindex", viewer));
        var done = await Send(client, Bearer(HttpMethod.Post, "/api/reindex", editor));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        using var report = JsonDocument.Parse(await done.Text());
        Assert.True(report.RootElement.GetProperty("unchanged").GetInt32() >= 2);
    }

    [Fact]
    public async Task A_cookie_post_to_the_api_still_needs_the_antiforgery_token_and_a_token_does_not_open_the_pages()
    {
        var editor = await host.SignedIn("editor");
        var token = Tokens.Create("ci-pages", Roles.Admin, null, "test");

        var withoutToken = await editor.Post("/api/reindex", new StringContent(string.Empty));
        var page = await Send(host.Client(), Bearer(HttpMethod.Get, "/Admin/Tokens", token));

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task A_viewer_cannot_open_the_token_page()
    {
        var viewer = await host.SignedIn("viewer");

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Get("/Admin/Tokens")).StatusCode);
    }

    // Every value in the accounts database, as text.
    private static string Dump(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM web_tokens";
        using var reader = command.ExecuteReader();
        var all = new System.Text.StringBuilder();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                all.Append(reader.IsDBNull(i) ? string.Empty : reader.GetValue(i).ToString()).Append('|');
            }
        }

        return all.ToString();
    }

    [GeneratedRegex("<code id=\"new-token\">([^<]+)</code>")]
    private static partial Regex NewToken();
}
