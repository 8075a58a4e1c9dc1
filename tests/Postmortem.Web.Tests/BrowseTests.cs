using System.Net;

namespace Postmortem.Web.Tests;

/// <summary>The browse filters by service and team, the postmortem page's evidence and findings, and the stats dashboard's figures.</summary>
public sealed class BrowseTests : IClassFixture<WebAppTests.Host>
{
    private readonly WebHost host;

    public BrowseTests(WebAppTests.Host fixture) => host = fixture.Web;

    [Fact]
    public async Task The_list_filters_by_service_and_team_and_shows_both()
    {
        var client = await host.SignedIn("viewer");

        var all = await client.Read("/");
        var redis = await client.Read("/?service=REDIS");
        var none = await client.Read("/?service=search");
        var platform = await client.Read("/?team=platform");

        Assert.Contains("<option value=\"redis\">redis</option>", all, StringComparison.Ordinal);
        Assert.Contains("<td>checkout, redis</td>", all, StringComparison.Ordinal);
        Assert.Contains("<td>Platform</td>", all, StringComparison.Ordinal);
        Assert.Contains("pm/hostile/incident.yml", all, StringComparison.Ordinal);
        Assert.Contains("pm/meridian/incident.yml", redis, StringComparison.Ordinal);
        Assert.DoesNotContain("pm/hostile/incident.yml", redis, StringComparison.Ordinal);
        Assert.DoesNotContain("pm/meridian/incident.yml", none, StringComparison.Ordinal);
        Assert.Contains("pm/meridian/incident.yml", platform, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Get("/?service=" + new string('x', 201))).StatusCode);
    }

    [Fact]
    public async Task The_postmortem_page_shows_evidence_alternatives_gaps_and_findings_beside_their_sentence()
    {
        var client = await host.SignedIn("viewer");

        var page = await client.Read("/Postmortem?path=pm/meridian/incident.yml");

        Assert.Contains("<h3>Evidence and alternatives</h3>", page, StringComparison.Ordinal);
        Assert.Contains("Rule: first alert or page", page, StringComparison.Ordinal);
        Assert.Contains("<h3>Time gaps to investigate</h3>", page, StringComparison.Ordinal);
        Assert.Contains("We don&#x27;t know what happened here", page, StringComparison.Ordinal);
        Assert.Contains("<h2>Blameless language</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_text_in_a_finding_sentence_stays_text()
    {
        File.WriteAllText(Path.Combine(host.Folder, "pm", "hostile", "incident.yml"), WebHost.Hostile + "\nwentWell:\n  - The engineer <img src=x onerror=alert(7)> forgot to page.\n");
        var client = await host.SignedIn("editor");
        await client.Post("/Reindex", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await WebHost.Token(client, "/") }));

        var page = await client.Read("/Postmortem?path=pm/hostile/incident.yml");

        Assert.Contains("&lt;img src=x onerror=alert(7)&gt; <mark>forgot to</mark> page.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stats_dashboard_draws_the_libraries_strip_plots_without_inline_style()
    {
        var client = await host.SignedIn("viewer");

        var page = await client.Read("/Stats");

        Assert.Contains("<h2>Response times</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", page, StringComparison.Ordinal);
        Assert.Contains("class=\"swatch\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", page, StringComparison.Ordinal);
        Assert.Contains("svg.swatch", await client.Read("/site.css"), StringComparison.Ordinal);
    }
}
