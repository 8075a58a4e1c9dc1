using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Postmortem.Web.Tests.Browser;

/// <summary>
/// An edit in a real browser: an editor opens a section, the page's script lints what is typed (blame shows up
/// beside the text before anything is saved), the save goes back into the source file, and the file's diff is
/// the one line a person would have changed by hand.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class EditBrowserTests
{
    private const string Meridian = "pm/meridian/incident.yml";

    [Fact]
    public async Task Wording_is_linted_as_it_is_typed_and_a_save_changes_only_the_sections_line()
    {
        // Given: the app on a real port over a copy of Meridian, an editor signed in
        var chromium = BrowserPages.Chromium();
        using var host = new WebHost(kestrel: true);
        var url = host.Address.ToString().TrimEnd('/');
        var file = Path.Combine(host.Folder, Meridian);
        var before = File.ReadAllLines(file);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserPages.Launch(playwright, chromium);
        SetDefaultExpectTimeout(20_000);
        var dialogs = new List<string>();
        var editor = await BrowserPages.SignIn(browser, url, "editor", dialogs);

        // When the editor opens the title and types a sentence that blames
        await BrowserPages.Visit(editor, url + "/Edit?path=" + Meridian + "&section=title", "edit");
        await editor.FillAsync("textarea[data-lint]", "Checkout outage caused by human error");

        // Then the script shows the finding beside the text, without a save
        await Expect(editor.Locator("#lint")).ToContainTextAsync("PM1003");
        Assert.Equal(before, File.ReadAllLines(file));

        // When the wording is fixed and saved
        await editor.FillAsync("textarea[data-lint]", "Checkout outage: cache stampede on Black Friday");
        await Expect(editor.Locator("#lint-state")).ToHaveTextAsync("No findings.");
        await editor.ClickAsync("button[value=save]");
        await editor.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Then exactly the title line changed in the file, as a person would have written it
        var after = File.ReadAllLines(file);
        Assert.Equal(before.Length, after.Length);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        var line = Assert.Single(changed);
        Assert.StartsWith("title:", before[line], StringComparison.Ordinal);
        Assert.Equal("title: 'Checkout outage: cache stampede on Black Friday'".Replace('\'', '"'), after[line].Replace('\'', '"'));
        Assert.Empty(dialogs);
    }
}
