using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.WebEncoders;
using Postmortem.Store;
using Postmortem.Web.Accounts;
using Postmortem.Web.Meetings;

namespace Postmortem.Web.Hosting;

/// <summary>The host: Razor Pages over the library facade and the store, cookie sign-in, roles, rate limiting, security headers.</summary>
internal static class WebApp
{
    /// <summary>The rate-limiting policy of the sign-in page.</summary>
    public const string SignInLimit = "signin";

    // Scripts and styles only from this server's own files (no inline code), connections only back here, nothing framed, forms post only here.
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static WebApplication Build(string[] args)
    {
        // The app's own assembly names the application (its pages), also when another program builds it (the start test, the load test).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(WebApp).Assembly.GetName().Name });
        builder.Configuration.AddCommandLine(args, WebArguments.Switches);
        var services = builder.Services;

        // Read when first asked for, after the test host or command line has added its settings.
        services.AddSingleton(sp => WebSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<UserStore>();
        services.AddMeetings();
        services.AddApiTokens();

        // Titles and names in any script read as written (an em dash stays a dash): only what HTML gives meaning to is encoded.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AuthorizeFolder("/Admin", Roles.AdminPolicy);
            o.Conventions.AuthorizePage("/Reindex", Roles.EditorPolicy);
            o.Conventions.AddPageApplicationModelConvention("/SignIn", m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(SignInLimit)));
            o.Conventions.AddPageApplicationModelConvention("/Account", m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(SignInLimit)));
        });
        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(SessionCookie.Configure);
        OidcSignIn.Add(services, authentication, builder.Configuration);
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.EditorPolicy, p => p.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Roles.AdminPolicy, p => p.RequireRole(Roles.Admin));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "local", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<WebSettings>().SignInPermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("read"));
        });

        var app = builder.Build();
        Prepare(app);
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            await next(context).ConfigureAwait(false);
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/site.css", () => Results.Text(Stylesheet.Value, "text/css")).AllowAnonymous();
        app.MapGet("/edit.js", () => Results.Text(EditScript.Value, "text/javascript")).AllowAnonymous();
        app.MapApi();
        OidcSignIn.Map(app);
        app.MapRazorPages();
        app.MapMeetings();
        return app;
    }

    private static readonly Lazy<string> Stylesheet = new(() => Resource("site.css"));

    private static readonly Lazy<string> EditScript = new(() => Resource("edit.js"));

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // First run: an admin account; every start: the configured folders indexed, so the pages show something at once.
    private static void Prepare(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<WebSettings>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Postmortem.Web");

        // The store first: it makes its default folder with the .gitignore that keeps the index (and so the accounts) out of the record.
        using (settings.Open())
        {
        }

        app.Services.GetRequiredService<UserStore>().EnsureAdmin(settings.AdminPassword, log);
        var roots = settings.Roots.Where(r => Path.Exists(Path.Combine(settings.BaseDirectory, r))).ToList();
        if (roots.Count > 0)
        {
            var report = Reindex(settings, roots, app.Services.GetRequiredService<TimeProvider>());
            log.LogInformation("Indexed {Roots}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed", string.Join(", ", roots), report.Added, report.Updated, report.Unchanged, report.Removed);
        }
    }

    /// <summary>Indexes <paramref name="roots"/> (relative to the base folder) through the facade, as <c>postmortem index</c> does.</summary>
    public static IndexReport Reindex(WebSettings settings, IReadOnlyList<string> roots, TimeProvider clock)
    {
        using var session = settings.Open();
        var full = roots.Select(r => Path.Combine(settings.BaseDirectory, r)).ToList();
        return PostmortemIndex.Update(session, settings.BaseDirectory, full, Read, clock);
    }

    private static IndexedRead Read(string file)
    {
        var result = Postmortems.AnalyzeFileAsync(file).GetAwaiter().GetResult();
        return new IndexedRead(result.HasErrors ? null : result.Value, result.Diagnostics);
    }
}
