using Microsoft.Playwright;

namespace Postmortem.Web.Tests.Browser;

/// <summary>
/// What the browser tests share: Debian's Chromium (skipped with the reason when absent, failed when <c>CI=true</c>),
/// launched by Playwright for .NET without a browser download; signing in; a visit that keeps a screenshot.
/// </summary>
internal static class BrowserPages
{
    private const string ChromiumVariable = "POSTMORTEM_CHROMIUM";

    internal static string Chromium()
    {
        var path = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } named ? named : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            var reason = $"Chromium is not installed (apt-get install chromium, or name it in {ChromiumVariable}): the web app was not checked in a browser";
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", reason + " (required in CI)");
            Assert.Skip(reason);
        }

        return path;
    }

    internal static Task<IBrowser> Launch(IPlaywright playwright, string chromium) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = chromium,
        Headless = true,

        // Root (CI) cannot use Chromium's sandbox; the pages are the app's own, on loopback.
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        Timeout = 60_000,
    });

    // A browser context of its own (its own cookies), signed in through the sign-in form.
    internal static async Task<IPage> SignIn(IBrowser browser, string url, string name, List<string> dialogs)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add(dialog.Message);
            }

            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(url + "/SignIn");
        await page.FillAsync("input[name=Name]", name);
        await Shot(page, "sign-in");
        await page.FillAsync("input[name=Password]", name == "admin" ? WebHost.AdminPassword : WebHost.Password);
        await page.ClickAsync("button[type=submit]");

        // Signed in once the redirect to the home page is committed and its sign-out button is there; waiting for the
        // whole page's load event as well timed out once on a loaded CI machine (stop 34). On a machine loaded far past
        // its cores the home page once stayed half-drawn (header links only) for 90 s: it is asked for again, twice at
        // most, before the sign-in counts as failed, with what the page shows.
        await page.WaitForURLAsync(url + "/", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        var signOut = page.Locator("form[action$='/SignOut'] button");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Assertions.Expect(signOut).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
                break;
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException && attempt < 3)
            {
                await page.GotoAsync(url + "/", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                var html = await page.ContentAsync();
                throw new TimeoutException($"{name} was not signed in: the page is at {page.Url}, its HTML: {html[..Math.Min(html.Length, 3000)]}", e);
            }
        }

        return page;
    }

    internal static async Task Visit(IPage page, string address, string name)
    {
        var response = await page.GotoAsync(address);
        Assert.Equal(200, response!.Status);
        await Shot(page, name);
    }

    // artifacts/screenshots/NAME.png under the repository root: CI keeps the folder (.ci/run prints where).
    internal static async Task Shot(IPage page, string name)
    {
        var folder = Path.Combine(WebHost.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
