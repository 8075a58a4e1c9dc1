using System.Globalization;
using Microsoft.Playwright;
using Postmortem.Rendering.Html;
using Postmortem.Store.Reports;
using Postmortem.Tests.Store;
using Postmortem.Tests.Support;
using StbImageSharp;

namespace Postmortem.Tests.Rendering;

/// <summary>
/// The HTML pages as a person sees them: each is opened in headless Chromium (Debian's package, driven by Playwright
/// for .NET without a browser download), and the screenshot's pixels are read back: not blank, the timeline's band,
/// marks and silent stretches drawn where the figure is, the strip plots' dots drawn, and nothing wider than the window.
/// Skipped with the reason when Chromium is absent; in CI (<c>CI=true</c>) its absence fails.
/// </summary>
[Collection(nameof(CurrentDirectory))]
public sealed class BrowserPageTests : IDisposable
{
    private const string ChromiumVariable = "POSTMORTEM_CHROMIUM";

    private readonly string folder = Directory.CreateTempSubdirectory("pm-browser-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(1000)]
    [InlineData(420)]
    public async Task The_draft_page_shows_the_timeline_and_fits_the_window(int width)
    {
        // Given
        var run = CliRunner.Run("jit", ["draft", "examples/meridian/incident.yml", "--format", "html"]);
        Assert.Equal(0, run.ExitCode);

        // When
        var shot = await Screenshot(run.Stdout, width, "figure svg");

        // Then
        Assert.True(shot.ScrollWidth <= shot.ClientWidth, $"the page is {shot.ScrollWidth}px wide in a {shot.ClientWidth}px window");
        Assert.True(shot.Image.DistinctColours() > 50, "the page is blank");
        var figure = shot.Figure;
        Assert.True(shot.Image.Count(figure, TimelineSvg.BandColour) > 200, "no impact band in the timeline figure");
        Assert.True(shot.Image.Count(figure, TimelineSvg.SilenceColour) > 200, "no silent stretch shaded in the timeline figure");
        // The figure scales with the window: in a narrow one its dots and lines are a few pixels, their edges blended.
        var (tolerance, least) = width < 600 ? (48, 5) : (12, 20);
        Assert.True(shot.Image.Count(figure, TimelineSvg.EventColour, tolerance) > least, "no event dots in the timeline figure");
        foreach (var (name, colour, _) in TimelineSvg.Marks.Where(m => m.Name != "Communication"))
        {
            Assert.True(shot.Image.Count(figure, colour, tolerance) > least, $"{name} is not marked in the timeline figure");
        }

        // Outside the figure, the marks' colours are only the legend's swatches and nothing of the band's size.
        Assert.True(shot.Image.Count(shot.Below(figure), TimelineSvg.BandColour) < shot.Image.Count(figure, TimelineSvg.BandColour) / 4);
    }

    [Fact]
    public async Task The_stats_page_shows_strip_plots_and_trends_and_fits_the_window()
    {
        // Given: 24 incidents over three months (8 a month, enough for a monthly figure), indexed
        var examples = Path.Combine(folder, "incidents");
        Directory.CreateDirectory(examples);
        for (var i = 0; i < 24; i++)
        {
            File.WriteAllText(Path.Combine(examples, $"incident-{i:00}.yml"), Incident(i));
        }

        var before = Directory.GetCurrentDirectory();
        CliRun stats;
        try
        {
            Directory.SetCurrentDirectory(folder);
            Assert.Equal(0, CliRunner.Run("jit", ["index", "incidents"]).ExitCode);
            stats = CliRunner.Run("jit", ["stats", "--as-of", "2024-06-01", "--format", "html"]);
        }
        finally
        {
            Directory.SetCurrentDirectory(before);
        }

        Assert.Equal(0, stats.ExitCode);
        Assert.Contains("known for 24 of 24", stats.Stdout, StringComparison.Ordinal);

        // When
        var shot = await Screenshot(stats.Stdout, 1000, "figure svg");

        // Then
        Assert.True(shot.ScrollWidth <= shot.ClientWidth, $"the page is {shot.ScrollWidth}px wide in a {shot.ClientWidth}px window");
        Assert.True(shot.Image.DistinctColours() > 50, "the page is blank");
        Assert.True(shot.Image.Count(shot.Figure, StatsHtmlWriter.DotColour, tolerance: 60) > 100, "no dots in the first strip plot");
        Assert.True(shot.Image.Count(shot.Figure, StatsHtmlWriter.MedianColour) > 20, "no median mark in the first strip plot");
        Assert.True(shot.Image.Count(shot.Figure, StatsHtmlWriter.P90Colour) > 20, "no p90 mark in the first strip plot");
        Assert.True(shot.Image.Count(shot.Below(shot.Figure), StatsHtmlWriter.P90Colour) > 100, "no trend lines below the strip plot");
    }

    private static string Incident(int i)
    {
        string At(int minutes) => $"\"{10 + (minutes / 60)}:{minutes % 60:00}\"";
        var detect = 2 + (i * 7 % 23);
        var escalate = detect + 5 + (i * 11 % 17);
        var mitigate = escalate + 10 + (i * 13 % 41);
        var resolve = mitigate + 15 + (i * 5 % 29);
        return string.Create(CultureInfo.InvariantCulture, $"""
            title: Incident {i}
            date: 2024-0{1 + (i % 3)}-{1 + i:00}
            timeZone: UTC
            severity: SEV-{2 + (i % 2)}
            events:
              - time: "10:00"
                event: Customers began seeing errors
                kind: impact
              - time: {At(detect)}
                event: Error-rate alert fired
                kind: alert
              - time: {At(escalate)}
                event: Database team joined
                kind: escalation
              - time: {At(mitigate)}
                event: Traffic failed over
                kind: mitigation
              - time: {At(resolve)}
                event: Error rate normal; resolved
                kind: resolution
            """);
    }

    private static async Task<Shot> Screenshot(string html, int width, string figureSelector)
    {
        var chromium = TestEnvironment.Required(
            Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium",
            File.Exists,
            $"Chromium is not installed (apt-get install chromium, or name it in {ChromiumVariable}): the pages were not checked in a browser");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,

            // Root (CI) cannot use Chromium's sandbox; the pages are our own, opened from memory.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            Timeout = 60_000,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, DeviceScaleFactor = 1 });
        await page.SetContentAsync(html);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var clientWidth = await page.EvaluateAsync<int>("document.documentElement.clientWidth");
        var box = await page.Locator(figureSelector).First.BoundingBoxAsync() ?? throw new InvalidOperationException("no figure on the page");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlue);
        return new Shot(new Pixels(image), scrollWidth, clientWidth, new Region((int)box.X, (int)box.Y, (int)Math.Ceiling(box.Width), (int)Math.Ceiling(box.Height)));
    }

    private sealed record Region(int X, int Y, int Width, int Height);

    private sealed record Shot(Pixels Image, int ScrollWidth, int ClientWidth, Region Figure)
    {
        /// <summary>Everything under <paramref name="region"/>, the whole width of the page.</summary>
        public Region Below(Region region) => new(0, region.Y + region.Height, Image.Width, Math.Max(Image.Height - region.Y - region.Height, 0));
    }

    /// <summary>A decoded screenshot, RGB.</summary>
    private sealed class Pixels(ImageResult image)
    {
        public int Width => image.Width;

        public int Height => image.Height;

        /// <summary>Pixels in <paramref name="region"/> within <paramref name="tolerance"/> of <paramref name="hex"/> on each channel (anti-aliasing blends edges).</summary>
        public int Count(Region region, string hex, int tolerance = 12)
        {
            var (r, g, b) = (Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));
            var count = 0;
            for (var y = Math.Max(region.Y, 0); y < Math.Min(region.Y + region.Height, Height); y++)
            {
                for (var x = Math.Max(region.X, 0); x < Math.Min(region.X + region.Width, Width); x++)
                {
                    var i = ((y * Width) + x) * 3;
                    if (Math.Abs(image.Data[i] - r) <= tolerance && Math.Abs(image.Data[i + 1] - g) <= tolerance && Math.Abs(image.Data[i + 2] - b) <= tolerance)
                    {
                        count++;
                    }
                }
            }

            return count;
        }

        public int DistinctColours()
        {
            var seen = new HashSet<int>();
            for (var i = 0; i < image.Data.Length; i += 3)
            {
                seen.Add((image.Data[i] << 16) | (image.Data[i + 1] << 8) | image.Data[i + 2]);
            }

            return seen.Count;
        }
    }
}
