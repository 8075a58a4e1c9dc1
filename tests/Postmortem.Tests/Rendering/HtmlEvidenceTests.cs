using System.Text;
using System.Text.RegularExpressions;
using Postmortem.Analysis.Lint;
using Postmortem.Rendering.Html;

namespace Postmortem.Tests.Rendering;

/// <summary>The HTML page's key timestamps with their evidence and alternatives, its lint findings beside their sentences, and no style attribute for a CSP to block.</summary>
public sealed partial class HtmlEvidenceTests
{
    private static string Meridian()
    {
        var result = Postmortems.AnalyzeFileAsync(Path.Combine(RepositoryRoot(), "examples", "meridian", "incident.yml")).GetAwaiter().GetResult();
        using var stream = new MemoryStream();
        Postmortems.Render(result.Value!, "html", stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Each_key_timestamp_shows_its_rule_evidence_where_it_was_read_and_the_alternatives()
    {
        var html = Meridian();

        var table = html[html.IndexOf("<h3>Evidence and alternatives</h3>", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        var detection = Regex.Match(table, "<tr><td>Detection</td>(.*?)</tr>").Groups[1].Value;
        Assert.Contains("Datadog alert for elevated 5xx rate fired<br>Rule: first alert or page", detection, StringComparison.Ordinal);
        Assert.Contains("alert: &quot;alert&quot; (text, 0.6)", detection, StringComparison.Ordinal);
        Assert.Matches(@"read from [^<]*incident\.yml:\d+:\d+", detection);
        // The customer report came first and the page came after: both are alternatives a reviewer can weigh.
        Assert.Contains("First customer complaint in Zendesk", detection, StringComparison.Ordinal);
        Assert.Contains("On-call paged", detection, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_body_has_no_style_attribute_for_a_content_security_policy_to_block()
    {
        var html = Meridian();

        var body = html[html.IndexOf("<body>", StringComparison.Ordinal)..];
        Assert.DoesNotMatch(StyleAttribute(), body);
        Assert.Contains("<col width=\"15%\">", body, StringComparison.Ordinal);
        Assert.Contains("fill=\"" + Postmortem.Rendering.Html.TimelineSvg.BandColour + "\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The deploy went out. The engineer forgot to check the cache. Then it broke.", "forgot", "The engineer ", "forgot", " to check the cache.")]
    [InlineData("forgot it", "forgot", "", "forgot", " it")]
    [InlineData("We rolled back. Someone failed to page", "failed to", "Someone ", "failed to", " page")]
    [InlineData("Version 1.2 was out. Why? Human error, said the log.", "Human error", "", "Human error", ", said the log.")]
    [InlineData("summary: The engineer forgot to check.", "forgot", "The engineer ", "forgot", " to check.")]
    [InlineData("  - text: Someone forgot it", "forgot", "Someone ", "forgot", " it")]
    [InlineData("| 10:02 | Sam forgot the flag | Slack |", "forgot", "Sam ", "forgot", " the flag")]
    public void A_finding_is_shown_in_the_sentence_around_it(string line, string match, string before, string matched, string after)
    {
        var (b, m, a) = FindingsHtml.Sentence(line, line.IndexOf(match, StringComparison.Ordinal), match.Length);

        Assert.Equal((before, matched, after), (b, m, a));
    }

    [Fact]
    public void Findings_stand_beside_their_sentence_with_the_match_marked_and_input_encoded()
    {
        const string text = "title: T\nsummary: The <b>engineer</b> forgot to check the cache. Then it broke.\n";
        var findings = Postmortems.LintText("x.yml", text, new LintOptions());

        var html = FindingsHtml.Write(text, findings);

        var line = text.Split('\n')[1];
        var forgot = Assert.Single(findings, f => f.Line == 2 && line.Substring(f.Column - 1, f.Length) == "forgot to");
        Assert.True(html.Contains("<td>2</td><td>The &lt;b&gt;engineer&lt;/b&gt; <mark>forgot to</mark> check the cache.</td>", StringComparison.Ordinal), html);
        Assert.Contains(forgot.Rule.Id, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("find nothing", FindingsHtml.Write("title: T\n", []), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<[^>]+\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Postmortem.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no repository root above the test binaries");
    }
}
