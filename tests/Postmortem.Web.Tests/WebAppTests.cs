using System.Net;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Tests;

/// <summary>Every page over HTTP: who may reach it, what it refuses, and that hostile text comes back as text.</summary>
public sealed class WebAppTests : IClassFixture<WebAppTests.Host>
{
    private readonly WebHost host;

    public WebAppTests(Host fixture) => host = fixture.Web;

    /// <summary>One server for the class: starting it indexes the folder and hashes three passwords.</summary>
    public sealed class Host : IDisposable
    {
        public WebHost Web { get; } = new();

        public void Dispose() => Web.Dispose();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Actions")]
    [InlineData("/Stats")]
    [InlineData("/Postmortem?path=pm/meridian/incident.yml")]
    [InlineData("/Admin/Users")]
    public async Task An_anonymous_request_is_sent_to_sign_in(string page)
    {
        var response = await host.Client().Get(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/SignIn")]
    [InlineData("/")]
    public async Task Every_page_has_a_content_security_policy_without_unsafe_inline(string page)
    {
        var response = await host.Client().Get(page);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_stylesheet_is_served_by_the_app_itself()
    {
        var response = await host.Client().Get("/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_gives_no_cookie()
    {
        var client = host.Client();

        var response = await WebHost.SignIn(client, "admin", "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("postmortem.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sign_in_goes_back_only_to_a_page_of_this_server()
    {
        var client = host.Client();
        var token = await WebHost.Token(client, "/SignIn");

        var response = await client.Post("/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "viewer", ["Password"] = WebHost.Password, ["ReturnUrl"] = "https://evil.example/", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_fails()
    {
        var editor = await host.SignedIn("editor");

        var reindex = await editor.Post("/Reindex", new FormUrlEncodedContent([]));
        var signIn = await host.Client().Post("/SignIn", new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "admin", ["Password"] = WebHost.AdminPassword }));

        Assert.Equal(HttpStatusCode.BadRequest, reindex.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
    }

    [Fact]
    public async Task A_viewer_cannot_reach_the_editor_or_admin_pages()
    {
        var viewer = await host.SignedIn("viewer");
        var token = await WebHost.Token(viewer, "/SignIn");

        var users = await viewer.Get("/Admin/Users");
        var reindex = await viewer.Post("/Reindex", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reindex.StatusCode);
    }

    [Fact]
    public async Task An_editor_can_reindex_but_cannot_manage_accounts()
    {
        var editor = await host.SignedIn("editor");
        var token = await WebHost.Token(editor, "/");

        var reindex = await editor.Post("/Reindex", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var users = await editor.Get("/Admin/Users");

        Assert.Equal(HttpStatusCode.Redirect, reindex.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
    }

    [Fact]
    public async Task An_admin_adds_an_account_that_can_then_sign_in()
    {
        var admin = await host.SignedIn("admin");
        var token = await WebHost.Token(admin, "/Admin/Users");

        var created = await admin.Post("/Admin/Users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "newcomer", ["Password"] = WebHost.Password, ["Role"] = "viewer", ["__RequestVerificationToken"] = token,
        }));
        var tooShort = await admin.Post("/Admin/Users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "short", ["Password"] = "short", ["Role"] = "viewer", ["__RequestVerificationToken"] = token,
        }));
        var signIn = await WebHost.SignIn(host.Client(), "newcomer", WebHost.Password);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("newcomer", await created.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task The_list_shows_the_indexed_postmortems_and_filters_them()
    {
        var viewer = await host.SignedIn("viewer");

        var all = await viewer.Read("/");
        var march = await viewer.Read("/?month=2024-03");
        var searched = await viewer.Read("/?q=black+friday");
        var withOpen = await viewer.Read("/?actions=open");

        Assert.Contains("Checkout Outage — Black Friday Cache Stampede", all, StringComparison.Ordinal);
        Assert.Contains("Cache outage", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Black Friday", march, StringComparison.Ordinal);
        Assert.Contains("Cache outage", march, StringComparison.Ordinal);
        Assert.Contains("Black Friday", searched, StringComparison.Ordinal);
        Assert.DoesNotContain("Cache outage", searched, StringComparison.Ordinal);
        Assert.Contains("Cache outage", withOpen, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?month=March")]
    [InlineData("/?actions=maybe")]
    [InlineData("/Actions?as-of=yesterday")]
    [InlineData("/Actions?status=closed")]
    [InlineData("/Actions?due-within=-3")]
    [InlineData("/Stats?by=weekday")]
    [InlineData("/Stats?since=2024-13-01")]
    [InlineData("/Postmortem")]
    public async Task A_bad_filter_is_a_400_that_says_why(string page)
    {
        var viewer = await host.SignedIn("viewer");

        var response = await viewer.Get(page);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(" must ", await response.Text() + " must ", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd", HttpStatusCode.BadRequest)]
    [InlineData("pm/../secret.yml", HttpStatusCode.BadRequest)]
    [InlineData("/etc/passwd", HttpStatusCode.BadRequest)]
    [InlineData("secret.yml", HttpStatusCode.NotFound)]
    [InlineData("pm/meridian/missing.yml", HttpStatusCode.NotFound)]
    public async Task A_path_outside_the_index_names_nothing(string path, HttpStatusCode expected)
    {
        var viewer = await host.SignedIn("viewer");

        var response = await viewer.Get("/Postmortem?path=" + Uri.EscapeDataString(path));

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("Outside the index", await response.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postmortem_page_shows_the_rendered_postmortem()
    {
        var viewer = await host.SignedIn("viewer");

        var html = await viewer.Read("/Postmortem?path=pm/meridian/incident.yml");

        Assert.Contains("Checkout Outage — Black Friday Cache Stampede", html, StringComparison.Ordinal);
        Assert.Contains("Redis connection pool utilization alert", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Postmortem?path=pm/hostile/incident.yml")]
    [InlineData("/Actions")]
    public async Task Hostile_text_comes_back_encoded(string page)
    {
        var viewer = await host.SignedIn("viewer");

        var html = await viewer.Read(page);

        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>Mallory", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_action_board_shows_owner_due_and_overdue_and_filters()
    {
        var viewer = await host.SignedIn("viewer");

        var all = await viewer.Read("/Actions?as-of=2024-04-01");
        var overdue = await viewer.Read("/Actions?as-of=2024-03-10&overdue=true");
        var byOwner = await viewer.Read("/Actions?owner=Platform+Team&as-of=2024-04-01");

        Assert.Contains("Platform Team", all, StringComparison.Ordinal);
        Assert.Contains("2024-03-20 (overdue)", all, StringComparison.Ordinal);
        Assert.Contains("javascript:alert(6)", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Fix &lt;script&gt;", overdue, StringComparison.Ordinal);
        Assert.Contains("Redis connection pool utilization alert", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("Mallory", byOwner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stats_page_shows_the_stats_report_as_html()
    {
        var viewer = await host.SignedIn("viewer");

        var html = await viewer.Read("/Stats?by=severity&as-of=2024-04-01");

        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.Contains("Postmortem stats", html, StringComparison.Ordinal);
        Assert.Contains("<table", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JaVa\tScRiPt:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("vbscript:x", false)]
    [InlineData("https://example.org/a", true)]
    [InlineData("mailto:a@example.org", true)]
    [InlineData("docs/a.md#x:y", true)]
    [InlineData("#top", true)]
    public void Only_http_https_mailto_and_relative_links_are_kept(string url, bool safe) =>
        Assert.Equal(safe, Content.SafeHtml.IsSafeUrl(url));

    [Fact]
    public void The_policy_allows_no_script_and_styles_only_from_the_server() =>
        Assert.Contains("style-src 'self'", WebApp.ContentSecurityPolicy, StringComparison.Ordinal);

    [Fact]
    public void The_accounts_live_in_the_index_file_that_git_ignores()
    {
        Assert.True(File.Exists(Path.Combine(host.Folder, ".postmortem", "index.db")));
        Assert.True(File.Exists(Path.Combine(host.Folder, ".postmortem", ".gitignore")));
    }
}
