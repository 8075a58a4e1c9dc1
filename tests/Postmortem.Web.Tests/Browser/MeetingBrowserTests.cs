using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Postmortem.Rendering.Review;
using Postmortem.Web.Meetings;
using static Microsoft.Playwright.Assertions;

namespace Postmortem.Web.Tests.Browser;

/// <summary>
/// The web app in a real browser: the app on a loopback Kestrel port, Debian's Chromium driven by Playwright for .NET
/// (no browser download), a facilitator and a participant in two browser contexts running a whole review meeting.
/// A screenshot of each page goes to artifacts/screenshots/. Skipped with the reason when Chromium is absent; in CI
/// (<c>CI=true</c>) its absence fails.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class MeetingBrowserTests
{
    private const string Meridian = "pm/meridian/incident.yml";

    [Fact]
    public async Task A_facilitator_and_a_participant_run_a_whole_meeting_and_its_outcome_is_written()
    {
        // Given: the app on a real port (its folder holds copies of the postmortems), two people signed in
        var chromium = BrowserPages.Chromium();
        using var host = new WebHost(kestrel: true);
        var url = host.Address.ToString().TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserPages.Launch(playwright, chromium);
        SetDefaultExpectTimeout(20_000);
        var dialogs = new List<string>();
        var facilitator = await BrowserPages.SignIn(browser, url, "editor", dialogs);
        var participant = await BrowserPages.SignIn(browser, url, "viewer", dialogs);

        await BrowserPages.Visit(facilitator, url + "/", "browse");
        await BrowserPages.Visit(facilitator, url + "/Actions", "actions");
        await BrowserPages.Visit(facilitator, url + "/Stats", "stats");
        await BrowserPages.Visit(facilitator, url + "/Account", "account");
        await BrowserPages.Visit(facilitator, url + "/Postmortem?path=" + Meridian, "postmortem");
        var admin = await BrowserPages.SignIn(browser, url, "admin", dialogs);
        await BrowserPages.Visit(admin, url + "/Admin/Users", "admin-users");
        await BrowserPages.Visit(admin, url + "/Admin/Tokens", "admin-tokens");
        await admin.Context.CloseAsync();

        // When the facilitator starts a 20-minute meeting (setting the tone gets 1 minute) and the participant joins
        await facilitator.ClickAsync("#review-meeting");
        await facilitator.FillAsync("#minutes", "20");
        await facilitator.ClickAsync("#start");
        await facilitator.WaitForURLAsync("**/Meetings/Room?id=*");
        await Expect(facilitator.Locator("#connection")).ToHaveTextAsync("live");
        await participant.GotoAsync(facilitator.Url);
        await Expect(participant.Locator("#connection")).ToHaveTextAsync("live");

        // Then the timer advances, and the facilitator moves both pages to the next part
        var first = await facilitator.Locator("#timer").TextContentAsync();
        Assert.Matches(@"^\d+:\d\d left$", first);
        await Expect(facilitator.Locator("#timer")).Not.ToHaveTextAsync(first!);
        await facilitator.ClickAsync("#next-part");
        await Expect(participant.Locator("#part-title")).ToHaveTextAsync(AgendaRenderer.Segments[1].Title);
        await Expect(participant.Locator("#next-part")).ToHaveCountAsync(0);

        // A factor added by one appears for the other; blame in what is typed brings the tip
        await participant.SelectOptionAsync("#factor-category", "technical");
        await participant.FillAsync("#factor-text", "Synchronous Redis calls sat in the checkout path");
        await participant.ClickAsync("#add-factor");
        await Expect(facilitator.Locator("#factors")).ToContainTextAsync("Synchronous Redis calls sat in the checkout path");
        await Expect(participant.Locator("#factor-text")).ToHaveValueAsync(string.Empty);
        await participant.Locator("#factor-text").PressSequentiallyAsync("The on-call engineer forgot to check the pool");
        await Expect(participant.Locator("#factor-tips")).ToContainTextAsync(FacilitationTips.Redirect);
        await participant.FillAsync("#factor-text", string.Empty);

        // Text with <script> and onerror= is shown as text: no element made, no dialog
        const string Hostile = "Pool <img src=x onerror=alert(1)><script>alert(2)</script> exhausted";
        await participant.FillAsync("#factor-text", Hostile);
        await participant.ClickAsync("#add-factor");
        await Expect(facilitator.Locator("#factors")).ToContainTextAsync(Hostile);
        Assert.Equal(0, await facilitator.Locator("#factors img, #factors script").CountAsync());

        // Actions from both, ranked by leverage; a vote reorders them
        await facilitator.FillAsync("#action-text", "Add a Redis pool alert at 75% usage");
        await facilitator.SelectOptionAsync("#action-type", "detect");
        await facilitator.ClickAsync("#add-action");
        await participant.FillAsync("#action-text", "Update the runbook with pool exhaustion steps");
        await participant.SelectOptionAsync("#action-type", "process");
        await participant.ClickAsync("#add-action");
        var rows = facilitator.Locator("#actions tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToContainTextAsync("Redis pool alert");
        await participant.Locator("#actions tbody tr", new() { HasText = "runbook" }).Locator("button.vote").ClickAsync();
        await Expect(rows.First).ToContainTextAsync("runbook");

        // Close refuses an action without an owner, then succeeds
        await Assign(facilitator, participant, "Redis pool alert", "Platform Team", "2099-01-15");
        await facilitator.ClickAsync("#close-meeting");
        await Expect(facilitator.Locator("#refused")).ToContainTextAsync("\"Update the runbook with pool exhaustion steps\" has no owner");
        await Expect(facilitator.Locator("#connection")).ToHaveTextAsync("live");
        await Assign(facilitator, participant, "runbook", "SRE", "2099-02-01");
        await facilitator.ClickAsync("#close-meeting");
        await Expect(facilitator.Locator("#outcome")).ToContainTextAsync("Action item review: 2023-12-11");
        await Expect(participant.Locator("#timer")).ToHaveTextAsync("closed");
        await BrowserPages.Shot(facilitator, "meeting");

        // The source file (the temp copy) got the new factors and actions
        var text = await File.ReadAllTextAsync(Path.Combine(host.Folder, "pm", "meridian", "incident.yml"), TestContext.Current.CancellationToken);
        Assert.Contains("    action: Add a Redis pool alert at 75% usage\n    type: detect\n    owner: Platform Team\n    due: 2099-01-15\n", text, StringComparison.Ordinal);
        Assert.Contains("    action: Update the runbook with pool exhaustion steps\n    type: process\n    owner: SRE\n    due: 2099-02-01\n", text, StringComparison.Ordinal);
        Assert.Contains("    - Synchronous Redis calls sat in the checkout path\n", text, StringComparison.Ordinal);
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task A_timeline_with_script_and_onerror_shows_as_text()
    {
        var chromium = BrowserPages.Chromium();
        using var host = new WebHost(kestrel: true);
        var url = host.Address.ToString().TrimEnd('/');
        var meeting = host.Services.GetRequiredService<MeetingRegistry>().Start("pm/hostile/incident.yml", "Hostile", 30, "editor");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserPages.Launch(playwright, chromium);
        SetDefaultExpectTimeout(20_000);
        var dialogs = new List<string>();
        var page = await BrowserPages.SignIn(browser, url, "viewer", dialogs);

        await page.GotoAsync(url + "/Meetings/Room?id=" + meeting.Id);
        await Expect(page.Locator("#connection")).ToHaveTextAsync("live");
        await Expect(page.Locator("#timeline")).ToContainTextAsync("Alert fired <script>alert(4)</script>");
        var inTimeline = await page.Locator("#timeline script, #timeline img").CountAsync();
        await page.GotoAsync(url + "/Postmortem?path=pm/hostile/incident.yml");
        await Expect(page.Locator("article")).ToContainTextAsync("onerror=alert(3)");
        var inPostmortem = await page.Locator("article script, article img, main a[href^='javascript']").CountAsync();

        Assert.Equal(0, inTimeline);
        Assert.Equal(0, inPostmortem);
        Assert.Empty(dialogs);
    }

    // Sets an action's owner and due date on the facilitator's page and waits until the participant's page shows it.
    private static async Task Assign(IPage facilitator, IPage participant, string action, string owner, string due)
    {
        var row = facilitator.Locator("#actions tbody tr", new() { HasText = action });
        await row.Locator("input.owner").FillAsync(owner);
        await row.Locator("input.due").FillAsync(due);
        await row.Locator("button.assign").ClickAsync();
        await Expect(participant.Locator("#actions tbody tr", new() { HasText = action }).Locator("input.owner")).ToHaveValueAsync(owner);
    }
}
