using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Postmortem.Web.Accounts;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Tests;

/// <summary>Sign-in through an OpenID Connect provider (a fake one on loopback): the challenge, the code flow end to end, and the claims mapped to a role.</summary>
public sealed class OidcTests : IAsyncLifetime
{
    private FakeProvider provider = null!;
    private WebHost host = null!;

    public async ValueTask InitializeAsync()
    {
        provider = await FakeProvider.StartAsync();
        host = new WebHost(settings: new Dictionary<string, string>
        {
            ["Postmortem:Oidc:Authority"] = provider.Issuer,
            ["Postmortem:Oidc:ClientId"] = FakeProvider.ClientId,
            ["Postmortem:Oidc:ClientSecret"] = FakeProvider.ClientSecret,
            ["Postmortem:Oidc:DisplayName"] = "Example SSO",
            ["Postmortem:Oidc:Scopes"] = "profile groups",
            ["Postmortem:Oidc:RoleClaim"] = "groups",
            ["Postmortem:Oidc:Roles:editor"] = "pm-editors",
            ["Postmortem:Oidc:Roles:admin"] = "pm-admins",
            ["Postmortem:Oidc:DefaultRole"] = "none",
        }, baseAddress: new Uri("https://localhost"));
    }

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        await provider.DisposeAsync();
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_provider_beside_local_accounts()
    {
        var html = await host.Client().Read("/SignIn?ReturnUrl=%2FActions");

        Assert.Contains("name=\"Password\"", html, StringComparison.Ordinal);
        Assert.Contains("Sign in with Example SSO", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/SignIn/Oidc?returnUrl=%2FActions\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_challenge_sends_the_browser_to_the_providers_authorize_endpoint_with_this_client()
    {
        var response = await host.Client().Get("/SignIn/Oidc?returnUrl=/Actions");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(provider.Issuer + "/authorize", location.GetLeftPart(UriPartial.Path));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(FakeProvider.ClientId, query["client_id"].ToString());
        Assert.Equal("https://localhost" + OidcSettings.CallbackPath, query["redirect_uri"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Equal(["openid", "profile", "groups"], query["scope"].ToString().Split(' '));
        Assert.False(string.IsNullOrEmpty(query["nonce"].ToString()));
    }

    [Fact]
    public async Task A_signed_id_token_signs_the_user_in_with_the_role_their_group_maps_to()
    {
        provider.User["preferred_username"] = "alice@example.org";
        provider.User["groups"] = new[] { "everyone", "pm-editors" };
        var client = host.Client();

        var callback = await SignInThroughProvider(client, "/Actions");

        Assert.Empty(provider.Violations);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/Actions", callback.Headers.Location!.OriginalString);
        var page = await client.Read("/");
        Assert.Contains("alice@example.org (editor)", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Get("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task The_highest_role_matched_wins()
    {
        provider.User["preferred_username"] = "root@example.org";
        provider.User["groups"] = new[] { "pm-editors", "pm-admins" };
        var client = host.Client();

        await SignInThroughProvider(client, "/");

        Assert.Equal(HttpStatusCode.OK, (await client.Get("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task A_user_whose_claims_map_to_no_role_is_refused_when_there_is_no_default()
    {
        provider.User["preferred_username"] = "guest@example.org";
        provider.User["groups"] = new[] { "everyone" };
        var client = host.Client();

        var callback = await SignInThroughProvider(client, "/");

        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        Assert.Contains("no role in Postmortem", await callback.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Get("/")).StatusCode);
    }

    [Fact]
    public async Task An_id_token_signed_with_a_key_the_provider_does_not_publish_is_refused()
    {
        provider.User["groups"] = new[] { "pm-admins" };
        provider.SignWithUnknownKey = true;
        var client = host.Client();

        var callback = await SignInThroughProvider(client, "/");

        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Get("/")).StatusCode);
    }

    [Fact]
    public async Task A_callback_without_the_browsers_correlation_cookie_is_refused()
    {
        provider.User["groups"] = new[] { "pm-admins" };
        var challenge = await host.Client().Get("/SignIn/Oidc");
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorize = await browser.GetAsync(challenge.Headers.Location, TestContext.Current.CancellationToken);

        // Another browser (an attacker's link) brings the code and state back without the cookies the challenge set.
        var stranger = host.Client();
        var callback = await stranger.Get(authorize.Headers.Location!.PathAndQuery);

        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.Get("/")).StatusCode);
    }

    [Fact]
    public void Claims_map_to_the_highest_matched_role_else_the_default()
    {
        var map = new OidcRoleMap("roles", new Dictionary<string, IReadOnlyList<string>>
        {
            ["viewer"] = ["Readers"], ["editor"] = ["Writers"], ["admin"] = ["Owners"],
        }, "viewer");

        Assert.Equal("admin", map.RoleOf([new Claim("roles", "Writers"), new Claim("roles", "Owners")]));
        Assert.Equal("editor", map.RoleOf([new Claim("roles", "Writers")]));
        Assert.Equal("viewer", map.RoleOf([new Claim("roles", "Somebody")]));
        Assert.Equal("viewer", map.RoleOf([new Claim("groups", "Owners")]));
        Assert.Null((map with { DefaultRole = null }).RoleOf([new Claim("groups", "Owners")]));
        Assert.Null((map with { DefaultRole = null }).RoleOf([new Claim("roles", "owners")]));
    }

    [Fact]
    public void The_app_user_has_the_name_claim_one_role_and_the_provider()
    {
        var settings = OidcSettings.From(Configuration(new() { ["Authority"] = "https://login.example.org", ["ClientId"] = "pm", ["NameClaim"] = "email", ["Roles:editor"] = "eng", ["DefaultRole"] = "viewer" }), _ => null)!;
        var token = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "42"), new Claim("email", "sam@example.org"), new Claim("roles", "eng"), new Claim("iss", "https://login.example.org")]));

        var user = OidcSignIn.Principal(token, settings)!;

        Assert.Equal("sam@example.org", user.Identity!.Name);
        Assert.Equal(["editor"], user.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.Equal("https://login.example.org", user.FindFirst(OidcSignIn.ProviderClaim)!.Value);
        Assert.DoesNotContain(user.Claims, c => c.Type == "roles");
    }

    [Fact]
    public void Settings_without_an_authority_turn_the_provider_off_and_read_the_secret_from_the_environment()
    {
        Assert.Null(OidcSettings.From(Configuration([]), _ => null));

        var settings = OidcSettings.From(Configuration(new() { ["Authority"] = "https://login.example.org", ["ClientId"] = "pm" }), v => v == OidcSettings.SecretVariable ? "from-env" : null)!;

        Assert.Equal("from-env", settings.ClientSecret);
        Assert.Equal(["profile", "email"], settings.Scopes);
        Assert.Equal("roles", settings.Roles.Claim);
        Assert.Null(settings.Roles.DefaultRole);
    }

    [Theory]
    [InlineData("http://login.example.org", "pm", "Roles:editor", "must be an https URL")]
    [InlineData("not a url", "pm", "Roles:editor", "must be an https URL")]
    [InlineData("https://login.example.org", "", "Roles:editor", "ClientId is required")]
    [InlineData("https://login.example.org", "pm", "Roles:owner", "Roles:owner is not a role")]
    [InlineData("https://login.example.org", "pm", "DefaultRole", "DefaultRole must be one of")]
    public void Wrong_settings_stop_the_app_with_PM0940(string authority, string clientId, string key, string expected)
    {
        var values = new Dictionary<string, string?> { ["Authority"] = authority, ["ClientId"] = clientId, [key] = "superuser" };

        var error = Assert.Throws<InvalidOperationException>(() => OidcSettings.From(Configuration(values), _ => null));

        Assert.StartsWith("error PM0940: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SignInThroughProvider(HttpClient app, string returnUrl)
    {
        var challenge = await app.Get("/SignIn/Oidc?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);

        // The browser at the provider: the user signs in there and is sent back with a code.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorize = await browser.GetAsync(challenge.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var back = authorize.Headers.Location!;
        Assert.Equal("https://localhost" + OidcSettings.CallbackPath, back.GetLeftPart(UriPartial.Path));
        return await app.Get(back.PathAndQuery);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(kv => KeyValuePair.Create("Postmortem:Oidc:" + kv.Key, kv.Value))).Build();
}
