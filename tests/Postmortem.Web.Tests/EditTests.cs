using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Postmortem.Store;

namespace Postmortem.Web.Tests;

/// <summary>
/// The edit page over copies of the examples: who may edit, the antiforgery check, a save that changes exactly the
/// expected lines of a Markdown record and of a YAML file (and the index after it), a stale save (409, file untouched),
/// checking the wording without saving, and the lint endpoint.
/// </summary>
public sealed partial class EditTests : IClassFixture<EditTests.Host>
{
    private const string Record = "pm/record/postmortem.md";
    private const string Stale = "pm/stale/postmortem.md";
    private const string Yaml = "pm/yaml/incident.yml";
    private const string Project = "pm/project/engagement.yml";

    private readonly WebHost host;

    public EditTests(Host fixture) => host = fixture.Web;

    /// <summary>One server over the usual folder plus Markdown records drafted from Meridian and copies of the YAML examples.</summary>
    public sealed class Host : IDisposable
    {
        public WebHost Web { get; } = new(prepare: folder =>
        {
            var analyzed = Postmortems.AnalyzeFileAsync(WebHost.Example("examples/meridian/incident.yml")).GetAwaiter().GetResult().Value!;
            using var markdown = new MemoryStream();
            Postmortems.Render(analyzed, "markdown", markdown);
            foreach (var record in new[] { Record, Stale })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, record))!);
                File.WriteAllBytes(Path.Combine(folder, record), markdown.ToArray());
            }

            foreach (var (copy, example) in new[] { (Yaml, "examples/meridian/incident.yml"), (Project, "examples/project/engagement.yml") })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, copy))!);
                File.Copy(WebHost.Example(example), Path.Combine(folder, copy));
            }
        });

        public void Dispose() => Web.Dispose();
    }

    [Fact]
    public async Task An_anonymous_edit_is_sent_to_sign_in()
    {
        var response = await host.Client().Get($"/Edit?path={Yaml}&section=title");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_cannot_edit()
    {
        var viewer = await host.SignedIn("viewer");
        var before = File.ReadAllBytes(Path.Combine(host.Folder, Yaml));

        var page = await viewer.Get($"/Edit?path={Yaml}&section=title");
        var token = await WebHost.Token(viewer, "/");
        var save = await viewer.Post($"/Edit?path={Yaml}&section=title", Form(new() { ["Text"] = "Changed", ["Version"] = "x", ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(host.Folder, Yaml)));
    }

    [Fact]
    public async Task A_save_without_the_antiforgery_token_fails()
    {
        var editor = await host.SignedIn("editor");
        var (fields, _) = await Open(editor, Yaml, "title");
        fields.Remove("__RequestVerificationToken");
        fields["Text"] = "Changed without a token";

        var response = await editor.Post($"/Edit?path={Yaml}&section=title", Form(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Changed without a token", File.ReadAllText(Path.Combine(host.Folder, Yaml)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_that_names_no_version_is_refused_not_written_over()
    {
        var editor = await host.SignedIn("editor");
        var before = File.ReadAllBytes(Path.Combine(host.Folder, Yaml));
        var (fields, _) = await Open(editor, Yaml, "impact.data");
        fields.Remove("Version");
        fields["Text"] = "Some data was lost";

        var response = await editor.Post($"/Edit?path={Yaml}&section=impact.data", Form(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(host.Folder, Yaml)));
    }

    [Fact]
    public async Task The_page_lists_every_section_of_both_templates_and_sends_its_version_as_etag()
    {
        var editor = await host.SignedIn("editor");

        var record = await editor.Read($"/Edit?path={Record}");
        var project = await editor.Get($"/Edit?path={Project}&section=summary");
        var html = await project.Text();

        foreach (var section in new[] { "summary", "impact", "contributing-factors", "detection-and-response-assessment", "what-went-well", "action-items", "timeline" })
        {
            Assert.Contains($"section={section}\"", record, StringComparison.Ordinal);
        }

        foreach (var value in new[] { "title", "summary", "goals[0].actual", "delivered.scope" })
        {
            Assert.Contains($"section={Uri.EscapeDataString(value)}\"", html, StringComparison.Ordinal);
        }

        var version = SectionUpdate.VersionOf(File.ReadAllBytes(Path.Combine(host.Folder, Project)));
        Assert.Equal($"\"{version}\"", project.Headers.ETag!.ToString());
        Assert.Contains($"value=\"{version}\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/edit.js\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_markdown_section_changes_only_its_lines_and_the_index_shows_it()
    {
        var editor = await host.SignedIn("editor");
        var file = Path.Combine(host.Folder, Record);
        var before = File.ReadAllText(file);
        var (fields, text) = await Open(editor, Record, "action-items");
        var row = text.Split('\n').Single(l => l.Contains("Redis connection pool utilization alert", StringComparison.Ordinal));
        var changedRow = row.Replace("| Platform Team |", "| SRE on-call |", StringComparison.Ordinal);
        Assert.NotEqual(row, changedRow);
        fields["Text"] = text.Replace(row, changedRow, StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);

        var response = await editor.Post($"/Edit?path={Record}&section=action-items", Form(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (removed, added) = Diff(before, File.ReadAllText(file));
        Assert.Equal([row], removed);
        Assert.Equal([changedRow], added);
        var board = await editor.Read("/api/actions?owner=" + Uri.EscapeDataString("SRE on-call"));
        Assert.Contains(Record, board, StringComparison.Ordinal);
        Assert.Contains("Saved: 1 line(s)", await editor.Read(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_yaml_values_changes_them_where_they_stand_and_the_index_shows_it()
    {
        var editor = await host.SignedIn("editor");
        var file = Path.Combine(host.Folder, Yaml);
        var before = File.ReadAllText(file);
        var (fields, text) = await Open(editor, Yaml, "title");
        Assert.Equal("Checkout Outage — Black Friday Cache Stampede", text);
        fields["Text"] = "Checkout outage: the Black Friday cache stampede";

        var response = await editor.Post($"/Edit?path={Yaml}&section=title", Form(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (removed, added) = Diff(before, File.ReadAllText(file));
        Assert.Equal(["title: Checkout Outage — Black Friday Cache Stampede"], removed);
        Assert.Equal(["title: Checkout outage: the Black Friday cache stampede"], added.Select(l => l.Replace("\"", string.Empty, StringComparison.Ordinal)));
        Assert.Contains("Checkout outage: the Black Friday cache stampede", await editor.Read("/"), StringComparison.Ordinal);

        // A block value: the changed sentence is the changed line, indented as its neighbours.
        var middle = File.ReadAllText(file);
        (fields, text) = await Open(editor, Yaml, "summary");
        var lines = text.Split('\n');
        fields["Text"] = string.Join('\n', [lines[0], "couldn't complete purchases: carts froze at the payment step. Eventually traced to a", .. lines[2..]]);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.Post($"/Edit?path={Yaml}&section=summary", Form(fields))).StatusCode);
        (removed, added) = Diff(middle, File.ReadAllText(file));
        Assert.Equal(["  couldn't complete purchases -- carts were freezing at the payment step. Eventually traced to a"], removed);
        Assert.Equal(["  couldn't complete purchases: carts froze at the payment step. Eventually traced to a"], added);
    }

    [Fact]
    public async Task A_stale_save_gets_409_with_what_changed_and_the_typed_text_and_the_file_is_untouched()
    {
        var editor = await host.SignedIn("editor");
        var other = await host.SignedIn("admin");
        var file = Path.Combine(host.Folder, Stale);
        var (mine, text) = await Open(editor, Stale, "summary");
        var (theirs, _) = await Open(other, Stale, "summary");
        theirs["Text"] = text + "\n\nA paragraph someone else added.";
        Assert.Equal(HttpStatusCode.Redirect, (await other.Post($"/Edit?path={Stale}&section=summary", Form(theirs))).StatusCode);
        var saved = File.ReadAllBytes(file);
        mine["Text"] = text + "\n\nMy own <b>unsaved</b> paragraph.";

        var response = await editor.Post($"/Edit?path={Stale}&section=summary", Form(mine));
        var html = await response.Text();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(saved, File.ReadAllBytes(file));
        Assert.Contains("<span class=\"added\">&#x2B; A paragraph someone else added.", html, StringComparison.Ordinal);
        Assert.Contains("My own &lt;b&gt;unsaved&lt;/b&gt; paragraph.", html, StringComparison.Ordinal);
        Assert.Equal($"\"{SectionUpdate.VersionOf(saved)}\"", response.Headers.ETag!.ToString());

        // An If-Match header from the old version wins over the form's field, and is refused the same way.
        var (fresh, _) = await Open(editor, Stale, "summary");
        fresh["Text"] = "Overwrite";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Edit?path={Stale}&section=summary") { Content = Form(fresh) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{mine["Version"]}\"");
        Assert.Equal(HttpStatusCode.Conflict, (await editor.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(saved, File.ReadAllBytes(file));
    }

    [Fact]
    public async Task Checking_the_wording_shows_findings_without_saving()
    {
        var editor = await host.SignedIn("editor");
        var before = File.ReadAllBytes(Path.Combine(host.Folder, Project));
        var (fields, _) = await Open(editor, Project, "summary");
        fields["Text"] = "The outage was caused by human error: Omar was careless.";
        fields["Intent"] = "preview";

        var response = await editor.Post($"/Edit?path={Project}&section=summary", Form(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Text();
        Assert.Contains("PM1003 human-error", html, StringComparison.Ordinal);
        Assert.Contains("PM1004 judgemental", html, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(host.Folder, Project)));
    }

    [Fact]
    public async Task The_lint_endpoint_returns_a_blame_finding_and_needs_the_antiforgery_header()
    {
        var editor = await host.SignedIn("editor");
        var (fields, _) = await Open(editor, Project, "summary");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/lint") { Content = JsonContent.Create(new { text = "Fine.\nThe root cause was human error." }) };
        request.Headers.Add("RequestVerificationToken", fields["__RequestVerificationToken"]);

        var response = await editor.SendAsync(request, TestContext.Current.CancellationToken);
        var without = await editor.Post("/api/lint", JsonContent.Create(new { text = "human error" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Text());
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("rule").GetString() == "PM1003");
        Assert.Equal(2, finding.GetProperty("line").GetInt32());
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
    }

    [Fact]
    public async Task The_script_is_served_by_the_app_and_the_policy_allows_only_its_own_scripts()
    {
        var response = await host.Client().Get("/edit.js");
        var script = await response.Text();
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("RequestVerificationToken", script, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(fields);

    // The edit page's form fields (hidden version, original text, token) and the section's text.
    private static async Task<(Dictionary<string, string> Fields, string Text)> Open(HttpClient client, string path, string section)
    {
        var html = await client.Read($"/Edit?path={path}&section={Uri.EscapeDataString(section)}");
        var form = html[html.IndexOf("<div class=\"editor\">", StringComparison.Ordinal)..];
        var fields = Hidden().Matches(form).Select(m => m.Value).Where(i => i.Contains("type=\"hidden\"", StringComparison.Ordinal))
            .ToDictionary(i => Attribute("name", i), i => WebUtility.HtmlDecode(Attribute("value", i)));
        var text = WebUtility.HtmlDecode(TextArea().Match(html).Groups["text"].Value);

        // A textarea drops one newline right after its start tag; Razor writes one for that reason.
        text = text.StartsWith('\n') ? text[1..] : text;
        fields["Text"] = text;
        fields["Intent"] = "save";
        return (fields, text);
    }

    private static (List<string> Removed, List<string> Added) Diff(string before, string after)
    {
        var (a, b) = (before.Split('\n'), after.Split('\n'));
        var same = 0;
        while (same < a.Length && same < b.Length && a[same] == b[same])
        {
            same++;
        }

        var tail = 0;
        while (tail < a.Length - same && tail < b.Length - same && a[^(tail + 1)] == b[^(tail + 1)])
        {
            tail++;
        }

        return ([.. a[same..(a.Length - tail)]], [.. b[same..(b.Length - tail)]]);
    }

    private static string Attribute(string name, string input) => Regex.Match(input, $" {name}=\"([^\"]*)\"").Groups[1].Value;

    [GeneratedRegex("<input [^>]*>")]
    private static partial Regex Hidden();

    [GeneratedRegex("<textarea[^>]*>(?<text>.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();
}
