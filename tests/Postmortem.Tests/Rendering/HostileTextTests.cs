using Markdig;
using Markdig.Syntax;
using Postmortem.Rendering;
using Postmortem.Rendering.Markdown;
using Postmortem.Store;
using Postmortem.Store.Reports;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Rendering;

/// <summary>
/// Input text never becomes markup (issue 9): a <c>&lt;script&gt;</c>, a <c>javascript:</c> link, a summary that
/// starts with <c>#</c> or a code fence, and terminal escape sequences in any field of an incident file come out of
/// every Markdown command as the text that was written, and the document keeps exactly its own headings.
/// </summary>
public sealed partial class HostileTextTests : IDisposable
{
    private const string Esc = "\u001b";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private readonly string folder = Directory.CreateTempSubdirectory("pm-hostile-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    public static TheoryData<string> Payloads() =>
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click]( <javascript:alert(1)>)",
        "[click](java&#115;cript:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD4=)",
        "<javascript:alert(1)>",
        "# Forged heading",
        "```",
        "~~~ never closed",
        "Title\n===",
        "---",
        "<!-- comment that swallows the rest",
        Esc + "[31mred" + Esc + "[0m and " + Esc + "]0;window title\a and \u009b2J",
        "[x]: javascript:alert(1)\n\n[x]",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Every_markdown_command_keeps_the_payload_as_text(string payload)
    {
        var benign = Outputs(WriteIncident("benign", "plain words"));
        var hostile = Outputs(WriteIncident("hostile", payload));
        foreach (var (command, markdown) in hostile)
        {
            Assert.DoesNotContain(Esc, markdown, StringComparison.Ordinal);
            Assert.DoesNotContain('\u009b', markdown);
            var html = Markdown.ToHtml(markdown, Pipeline);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<pre", html, StringComparison.Ordinal);
            Assert.Equal(Headings(benign[command]), Headings(markdown));
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void The_html_pages_keep_the_payload_as_text(string payload)
    {
        // Given: the payload in every field of an incident file, and as a line of raw notes
        var incident = WriteIncident("hostile", payload);
        var notes = Path.Combine(folder, "notes.md");
        File.WriteAllText(notes, "10:00 " + payload + "\n10:30 Error rate back to normal " + payload + "\n");

        // When
        var pages = new[]
        {
            CliRunner.Run("jit", ["draft", incident, "--format", "html"]),
            CliRunner.Run("jit", ["timeline", notes, "--date", "2024-03-05", "--format", "html"]),
        };

        // Then
        foreach (var run in pages)
        {
            Assert.True(run.ExitCode == 0, run.Stderr);
            AssertOnlyOwnMarkup(run.Stdout, payload);
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void The_stats_page_keeps_group_and_owner_names_as_text(string payload)
    {
        // Given: a severity, a month key and an owner as the index holds them, each the payload
        MetricSummary Summary(Metric m) => new(m.Name, 6, 6, 10, 20) { Values = [1, 5, 10, 10, 15, 20] };
        var group = new StatsGroup(payload, 6, [.. Metrics.All.Select(Summary)]);
        var report = new StatsReport(Metrics.Version, null, "severity", new NodaTime.LocalDate(2024, 3, 1), [group], new ActionHealth(1, 0, 0, 1, 1, [KeyValuePair.Create(payload, 1)]))
        {
            Monthly = [group with { Key = "2024-02" }, group],
        };
        using var stream = new MemoryStream();

        // When
        StatsReportWriter.Write(report, "html", stream);

        // Then
        AssertOnlyOwnMarkup(System.Text.Encoding.UTF8.GetString(stream.ToArray()), payload);
    }

    /// <summary>Every tag on the page is one the renderers write, none with an event handler, a script or a link; the payload's <c>&lt;</c> is text.</summary>
    private static void AssertOnlyOwnMarkup(string html, string payload)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Esc, html, StringComparison.Ordinal);
        foreach (System.Text.RegularExpressions.Match tag in TagPattern().Matches(html))
        {
            Assert.Contains(tag.Groups["name"].Value.ToLowerInvariant(), PageTags);
            Assert.DoesNotMatch(@"(?i)\son\w+\s*=", tag.Groups["attributes"].Value);
            Assert.DoesNotMatch(@"(?i)\b(href|src|action|formaction|xlink:href)\s*=|javascript:", tag.Groups["attributes"].Value);
        }

        if (payload.Contains('<', StringComparison.Ordinal))
        {
            Assert.Contains("&lt;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Links_to_web_addresses_and_ordinary_markup_are_left_alone()
    {
        const string text = "See [the runbook](https://example.com/runbook), <https://status.example.com>, **bold** and a < b.";

        Assert.Equal(text, MarkdownText.Inline(text));
        Assert.Equal("- first\n- second", MarkdownText.Block("- first\n- second"));
    }

    [Theory]
    [InlineData("\u001b[1;31mred\u001b[0m", "red")]
    [InlineData("a\u001b]8;;https://x\u001b\\link\u001b]8;;\u001b\\b", "alinkb")]
    [InlineData("bell\a and nul\0 and del\u007f", "bell and nul and del")]
    [InlineData("tab\tand\nnewline", "tab\tand\nnewline")]
    public void Control_sequences_are_removed_and_layout_characters_kept(string text, string expected) =>
        Assert.Equal(expected, ControlText.Strip(text));

    [Fact]
    public void A_sequence_split_across_two_writes_is_still_removed()
    {
        var filter = new ControlText();
        var builder = new System.Text.StringBuilder();
        filter.Append(builder, "before\u001b[3");
        filter.Append(builder, "1mafter");
        Assert.Equal("beforeafter", builder.ToString());
    }

    /// <summary>Every element the HTML renderer writes; an input that made any other would have broken out of its text.</summary>
    private static readonly HashSet<string> PageTags =
    [
        "html", "head", "meta", "title", "style", "body", "main", "footer", "h1", "h2", "h3", "p", "br", "dl", "dt", "dd", "ul", "li", "span",
        "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "svg", "rect", "line", "circle", "text",
    ];

    [System.Text.RegularExpressions.GeneratedRegex(@"<(?<name>[a-zA-Z][a-zA-Z0-9:-]*)(?<attributes>[^>]*)>")]
    private static partial System.Text.RegularExpressions.Regex TagPattern();

    private string WriteIncident(string name, string payload)
    {
        var quoted = "\"" + payload.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace(Esc, "\\e", StringComparison.Ordinal).Replace("\a", "\\a", StringComparison.Ordinal)
            .Replace("\u009b", "\\x9b", StringComparison.Ordinal) + "\"";
        var path = Path.Combine(folder, name + ".yml");
        File.WriteAllText(path, $"""
            title: {quoted}
            date: 2024-03-05
            timeZone: UTC
            author: {quoted}
            postmortemDate: 2024-03-08
            severity: SEV-2
            summary: {quoted}
            resolution: {quoted}
            impact:
              usersAffected: {quoted}
              revenue: {quoted}
              sla: {quoted}
              data: {quoted}
            team:
              roster:
                - name: {quoted}
                  role: responder
            notes: {quoted}
            events:
              - time: 2024-03-05T10:00:00Z
                event: {quoted}
                kind: alert
              - time: 2024-03-05T10:40:00Z
                event: {quoted}
                kind: resolution
            factors:
              technical:
                - {quoted}
            wentWell:
              - {quoted}
            actions:
              - action: {quoted}
                type: prevent
                owner: {quoted}
                due: 2024-03-20
            """);
        return path;
    }

    private static Dictionary<string, string> Outputs(string incident)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var args in new[] { new[] { "draft" }, ["agenda"], ["comms", "--customer"], ["comms", "--internal", "--link", "https://wiki.example.com/pm"], ["followup", "--as-of", "2024-03-25"] })
        {
            var run = CliRunner.Run("jit", [.. args, incident]);
            Assert.True(run.ExitCode is 0 or 1, $"{string.Join(' ', args)}: exit {run.ExitCode}\n{run.Stderr}");
            outputs[string.Join(' ', args)] = run.Stdout;
        }

        return outputs;
    }

    private static List<string> Headings(string markdown) =>
        [.. Markdown.Parse(markdown, Pipeline).Descendants<HeadingBlock>().Select(h => h.Level == 2 ? "2" : h.Level + ":" + Text(markdown, h))];

    // The title is in the level-2 heading; section headings are the template's own words.
    private static string Text(string markdown, HeadingBlock heading) => markdown.Substring(heading.Span.Start, heading.Span.Length);
}
