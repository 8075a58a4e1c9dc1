using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Postmortem.Web.Accounts;

namespace Postmortem.Web.Tests;

/// <summary>
/// The web app on a test server over a folder of its own: the Meridian example and a hostile postmortem (script in
/// the title, javascript: links in the text and the tracker), indexed at startup into a SQLite file there.
/// </summary>
public sealed partial class WebHost : IDisposable
{
    public const string AdminPassword = "admin-password-for-tests";
    public const string Password = "a-long-enough-password";

    private readonly WebApplicationFactory<Program> factory;

    /// <param name="signInPermitsPerMinute">The sign-in rate limit.</param>
    /// <param name="kestrel">Serve on a real loopback port (for a browser), not the in-memory test server.</param>
    /// <param name="prepare">Adds files to the folder (its path is given) before the server starts and indexes it.</param>
    /// <param name="settings">More configuration (the OpenID Connect settings).</param>
    /// <param name="baseAddress">The address the clients call.</param>
    public WebHost(int signInPermitsPerMinute = 1000, bool kestrel = false, Action<string>? prepare = null,
        IReadOnlyDictionary<string, string>? settings = null, Uri? baseAddress = null)
    {
        BaseAddress = baseAddress ?? new Uri("http://localhost");
        Folder = Directory.CreateTempSubdirectory("postmortem-web-").FullName;
        var repository = RepositoryRoot();
        Directory.CreateDirectory(Path.Combine(Folder, "pm", "meridian"));
        File.Copy(Path.Combine(repository, "examples", "meridian", "incident.yml"), Path.Combine(Folder, "pm", "meridian", "incident.yml"));
        Directory.CreateDirectory(Path.Combine(Folder, "pm", "hostile"));
        File.WriteAllText(Path.Combine(Folder, "pm", "hostile", "incident.yml"), Hostile);
        File.WriteAllText(Path.Combine(Folder, "secret.yml"), "type: incident\ntitle: Outside the index\n");
        prepare?.Invoke(Folder);
        // A real port is always a fresh one on loopback: Kestrel's default (localhost:5000) is taken when two browser
        // tests run at once, and WebApplicationFactory.UseKestrel(0) on a WithWebHostBuilder factory leaves it unset.
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("urls", kestrel ? "http://127.0.0.1:0" : null)
            .UseSetting("Postmortem:Base", Folder)
            .UseSetting("Postmortem:Index", "pm")
            .UseSetting("Postmortem:AdminPassword", AdminPassword)
            .UseSetting("Postmortem:SignInPermitsPerMinute", signInPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSettings(settings ?? new Dictionary<string, string>()));
        if (kestrel)
        {
            factory.UseKestrel();
            factory.StartServer();
        }

        var users = factory.Services.GetRequiredService<UserStore>();
        users.Create("viewer", Password, Roles.Viewer);
        users.Create("editor", Password, Roles.Editor);
    }

    public string Folder { get; }

    /// <summary>The app's services (the meeting registry, the settings).</summary>
    public IServiceProvider Services => factory.Services;

    /// <summary>The loopback address Kestrel listens on (only when started with <c>kestrel: true</c>).</summary>
    public Uri Address => new(factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A handler into the in-memory test server (for the SignalR client).</summary>
    public HttpMessageHandler Handler() => factory.Server.CreateHandler();

    /// <summary>The repository's file at <paramref name="relative"/> (examples are copied from there, never changed).</summary>
    public static string Example(string relative) => Path.Combine(RepositoryRoot(), relative);

    /// <summary>The address the clients call (https for the OpenID Connect tests: the flow's cookies are Secure).</summary>
    public Uri BaseAddress { get; }

    /// <summary>A service of the running app.</summary>
    public T Service<T>()
        where T : notnull => factory.Services.GetRequiredService<T>();

    public const string Hostile =
        """
        type: incident
        title: <script>alert(1)</script> Cache outage
        date: 2024-03-05
        timeZone: UTC
        summary: A summary with [a link](javascript:alert(2)) and <img src=x onerror=alert(3)> in it.
        notes: |
          10:00 Deploy went out.
          10:20 Alert fired <script>alert(4)</script>.
          10:40 Rolled back.
        actions:
          - action: "Fix <script>alert(5)</script> the pool"
            type: prevent
            owner: <b>Mallory</b>
            due: 2024-03-20
            tracker: "javascript:alert(6)"
        """;

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BaseAddress });

    /// <summary>A client signed in as <paramref name="name"/>.</summary>
    public async Task<HttpClient> SignedIn(string name)
    {
        var client = Client();
        var response = await SignIn(client, name, name == "admin" ? AdminPassword : Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> SignIn(HttpClient client, string name, string password)
    {
        var token = await Token(client, "/SignIn");
        return await client.Post("/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = name, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The antiforgery token of the form on <paramref name="page"/> (its cookie stays in the client).</summary>
    public static async Task<string> Token(HttpClient client, string page)
    {
        var html = await client.Read(page);
        return TokenPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("no antiforgery token on " + page);
    }

    public void Dispose()
    {
        factory.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is the system's to clean.
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Postmortem.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Postmortem.slnx) is not above the test binaries");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
