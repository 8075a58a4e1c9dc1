using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Postmortem.WebBench;

/// <summary>
/// The load: <c>clients</c> workers, each with its own <see cref="HttpClient"/> (a <see cref="SocketsHttpHandler"/> and
/// the cookies of its own sign-in), take request numbers from one counter until <c>requests</c> are sent; even
/// numbers read the postmortem page, odd ones the stylesheet, so both are measured against the same server at once.
/// </summary>
public static partial class LoadRun
{
    public const string ViewerName = "bench-viewer";
    public const string ViewerPassword = "bench-viewer-password";

    /// <summary>A client that keeps its cookies and does not follow redirects.</summary>
    public static HttpClient Client(Uri address) => new(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Signs in as admin and adds the viewer account the workers use.</summary>
    public static async Task CreateViewer(Uri address, string adminPassword)
    {
        using var admin = Client(address);
        await SignIn(admin, "admin", adminPassword);
        var token = await Token(admin, "/Admin/Users");
        using var response = await admin.PostAsync(new Uri("/Admin/Users", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = ViewerName, ["Password"] = ViewerPassword, ["Role"] = "viewer", ["__RequestVerificationToken"] = token,
        }));
        Expect(response, HttpStatusCode.OK, "adding the viewer account");
    }

    /// <summary>Signs <paramref name="client"/> in (the cookie stays in its handler); throws unless the app redirects.</summary>
    public static async Task SignIn(HttpClient client, string name, string password)
    {
        var token = await Token(client, "/SignIn");
        using var response = await client.PostAsync(new Uri("/SignIn", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = name, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        Expect(response, HttpStatusCode.Redirect, "signing in as " + name);
    }

    /// <summary>Sends <paramref name="requests"/> requests from <paramref name="workers"/> signed-in clients.</summary>
    public static async Task<(Latency Page, Latency Static)> Run(IReadOnlyList<HttpClient> workers, int requests, Uri page, Uri stylesheet)
    {
        var next = -1;
        var pageTimes = new List<double>[workers.Count];
        var staticTimes = new List<double>[workers.Count];
        var pageErrors = 0;
        var staticErrors = 0;
        await Task.WhenAll(workers.Select((client, w) => Task.Run(async () =>
        {
            pageTimes[w] = new List<double>(requests / workers.Count + 1);
            staticTimes[w] = new List<double>(requests / workers.Count + 1);
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var isPage = i % 2 == 0;
                var (ms, ok) = await Time(client, isPage ? page : stylesheet);
                (isPage ? pageTimes[w] : staticTimes[w]).Add(ms);
                if (!ok)
                {
                    Interlocked.Increment(ref isPage ? ref pageErrors : ref staticErrors);
                }
            }
        })));

        return (LoadSummary.Summarise("postmortem page", pageTimes.SelectMany(t => t), pageErrors),
            LoadSummary.Summarise("/site.css", staticTimes.SelectMany(t => t), staticErrors));
    }

    /// <summary>One GET, timed to the last byte of the body; ok when the status is 200.</summary>
    public static async Task<(double Milliseconds, bool Ok)> Time(HttpClient client, Uri path)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.CopyToAsync(Stream.Null);
            return (clock.Elapsed.TotalMilliseconds, response.StatusCode == HttpStatusCode.OK);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (clock.Elapsed.TotalMilliseconds, false);
        }
    }

    private static async Task<string> Token(HttpClient client, string page)
    {
        using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
        Expect(response, HttpStatusCode.OK, "reading " + page);
        var html = await response.Content.ReadAsStringAsync();
        return TokenPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("no antiforgery token on " + page);
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{what}: expected {(int)status}, got {(int)response.StatusCode}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
