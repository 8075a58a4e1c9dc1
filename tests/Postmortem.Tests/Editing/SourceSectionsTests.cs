using Postmortem.Editing;
using Postmortem.Tests.Ingest;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Editing;

/// <summary>Section by section edits: a Markdown record's section body, or a YAML value where it stands; nothing else moves.</summary>
public sealed class SourceSectionsTests
{
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

    [Theory]
    [InlineData("examples/meridian/incident.yml", "summary", "contributing-factors", "action-items", "timeline")]
    [InlineData("examples/project/engagement.yml", "summary", "goals-vs-outcomes", "what-went-well", "action-items")]
    public void A_drafted_record_lists_every_section_the_template_writes(string example, params string[] keys)
    {
        var text = File.ReadAllText(MarkdownRecordTests.Drafted(example));

        var sections = SourceSections.List(text, "pm.md");

        Assert.True(sections.Success, string.Join('\n', sections.Diagnostics));
        Assert.All(keys, k => Assert.Contains(sections.Value.Select(s => s.Key), k.Equals));
        Assert.DoesNotContain(sections.Value, s => s.Key.StartsWith("postmortem", StringComparison.Ordinal));
    }

    [Fact]
    public void Replacing_a_markdown_section_changes_only_its_body_lines()
    {
        var text = File.ReadAllText(MarkdownRecordTests.Drafted("examples/meridian/incident.yml"));
        var summary = SourceSections.List(text, "pm.md").Value!.Single(s => s.Key == "summary");
        var lines = summary.Text.Split('\n');
        var edited = string.Join("\r\n", [.. lines[..^1], "The pool ran out of connections.", ""]);

        var result = SourceSections.Replace(text, "pm.md", "summary", edited);

        Assert.True(result.Success, string.Join('\n', result.Diagnostics));
        var (removed, added) = Diff(text, result.Value.Text);
        Assert.Equal([lines[^1]], removed);
        Assert.Equal(["The pool ran out of connections."], added);
        Assert.Equal(1, result.Value.ChangedLines);
        Assert.Equal("The pool ran out of connections.", SourceSections.List(result.Value.Text, "pm.md").Value!.Single(s => s.Key == "summary").Text.Split('\n')[^1]);
    }

    [Fact]
    public void A_heading_typed_into_a_section_is_refused()
    {
        var text = File.ReadAllText(MarkdownRecordTests.Drafted("examples/meridian/incident.yml"));

        var result = SourceSections.Replace(text, "pm.md", "summary", "Short.\n\n### Impact\n\nNone.");

        Assert.Equal("PM0902", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void An_unknown_section_is_named_with_the_ones_there_are()
    {
        var result = SourceSections.Replace(File.ReadAllText(Repo.PathOf("examples/meridian/incident.yml")), "incident.yml", "nope", "x");

        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal("PM0901", problem.Code);
        Assert.Contains("summary", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folded_yaml_value_is_edited_as_its_lines_are_written()
    {
        var text = File.ReadAllText(Repo.PathOf("examples/meridian/incident.yml"));
        var summary = SourceSections.List(text, "incident.yml").Value!.Single(s => s.Key == "summary");
        Assert.StartsWith("Checkout flow was completely broken", summary.Text, StringComparison.Ordinal);
        var lines = summary.Text.Split('\n');
        lines[1] = "couldn't complete purchases: carts froze at the payment step. Eventually traced to a";

        var result = SourceSections.Replace(text, "incident.yml", "summary", string.Join('\n', lines));

        Assert.True(result.Success, string.Join('\n', result.Diagnostics));
        var (removed, added) = Diff(text, result.Value.Text);
        Assert.Equal(["  couldn't complete purchases -- carts were freezing at the payment step. Eventually traced to a"], removed);
        Assert.Equal(["  couldn't complete purchases: carts froze at the payment step. Eventually traced to a"], added);
    }

    [Theory]
    [InlineData("impact.revenue", "~$350K in lost GMV", "  revenue: ~$350K in lost GMV")]
    [InlineData("actions[1].action", "Alert on pool usage above 75%", "  - action: \"Alert on pool usage above 75%\"")]
    [InlineData("factors.process[1]", "The runbook: no pool section", "    - \"The runbook: no pool section\"")]
    public void A_one_line_yaml_value_is_replaced_where_it_stands(string key, string value, string expectedLine)
    {
        var text = File.ReadAllText(Repo.PathOf("examples/meridian/incident.yml"));

        var result = SourceSections.Replace(text, "incident.yml", key, value);

        Assert.True(result.Success, string.Join('\n', result.Diagnostics));
        var (removed, added) = Diff(text, result.Value.Text);
        Assert.Single(removed);
        Assert.Equal([expectedLine], added);
        Assert.Equal(value, SourceSections.List(result.Value.Text, "incident.yml").Value!.Single(s => s.Key == key).Text);
    }

    [Fact]
    public void Several_lines_where_one_stood_become_a_literal_block()
    {
        var text = File.ReadAllText(Repo.PathOf("examples/meridian/incident.yml"));

        var result = SourceSections.Replace(text, "incident.yml", "impact.data", "No data loss.\nTwo carts were replayed by hand.");

        Assert.True(result.Success, string.Join('\n', result.Diagnostics));
        var (removed, added) = Diff(text, result.Value.Text);
        Assert.Equal(["  data: No data loss reported"], removed);
        Assert.Equal(["  data: |-", "    No data loss.", "    Two carts were replayed by hand."], added);
    }
}
