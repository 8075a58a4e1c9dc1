using Postmortem.Editing;
using Postmortem.Ingest.Yaml;
using Postmortem.Model;

namespace Postmortem.Tests.Editing;

/// <summary>An edit of an incident file is the edit a person would make: one value or one line, every other byte kept.</summary>
public sealed class YamlSourceEditorTests
{
    private const string Incident =
        """
        # the team's comment stays
        type: incident
        title: Checkout outage
        date: 2023-11-24
        timeZone: UTC
        notes: |
          07:14 deploy
        actions:
          - action: Add a pool alert   # why: the 5xx alert fires late
            type: detect
            owner: Platform Team
            due: 2023-12-01
          - id: freeze
            action: "Freeze deploys on peak days"
            status: Open
          - {action: Write the runbook, owner: SRE}

        """;

    private static readonly YamlSourceEditor Editor = new();

    [Fact]
    public void An_existing_status_is_replaced_where_it_stands_and_nothing_else_changes()
    {
        var edited = Editor.SetActionField(Incident, "i.yml", "freeze", ActionField.Status, "Done");

        Assert.True(edited.Success);
        Assert.Equal(Incident.Replace("    status: Open", "    status: Done", StringComparison.Ordinal), edited.Value.Text);
        Assert.Equal(1, edited.Value.ChangedLines);
    }

    [Fact]
    public void A_missing_status_is_one_line_added_after_its_sibling_with_the_siblings_indentation()
    {
        var edited = Editor.SetActionField(Incident, "i.yml", "1", ActionField.Status, "done");

        Assert.True(edited.Success);
        Assert.Equal(Incident.Replace("    due: 2023-12-01\n", "    due: 2023-12-01\n    status: done\n", StringComparison.Ordinal), edited.Value.Text);
        Assert.Equal("done", Read(edited.Value.Text).Actions[0].Status);
    }

    [Fact]
    public void A_flow_mapping_gets_the_key_inside_its_braces()
    {
        var edited = Editor.SetActionField(Incident, "i.yml", "3", ActionField.Tracker, "https://github.com/acme/shop/issues/42");

        Assert.True(edited.Success, string.Join("\n", edited.Diagnostics.Select(d => d.Message)));
        Assert.Contains("- {action: Write the runbook, owner: SRE, tracker: https://github.com/acme/shop/issues/42}", edited.Value.Text, StringComparison.Ordinal);
        Assert.Equal("https://github.com/acme/shop/issues/42", Read(edited.Value.Text).Actions[2].Tracker);
    }

    [Theory]
    [InlineData("done")]
    [InlineData("Not doing")]
    [InlineData("yes")]
    [InlineData("12")]
    [InlineData("- a list?")]
    [InlineData("key: value # not a comment")]
    [InlineData("quote \" and backslash \\ and \t tab")]
    [InlineData("line\u2028separator and \u0007 bell")]
    [InlineData("naïve café — 東京")]
    [InlineData("https://acme.atlassian.net/browse/OPS-12?focus=1#c")]
    [InlineData("a, b {c} [d]")]
    [InlineData("ends with a colon:")]
    [InlineData("&anchor *alias !tag %directive @at `tick`")]
    public void Any_value_reads_back_as_written(string value)
    {
        var edited = Editor.SetActionField(Incident, "i.yml", "freeze", ActionField.Note, value);

        Assert.True(edited.Success);
        Assert.Equal(value, Read(edited.Value.Text).Actions[1].Note);
        Assert.Equal(Incident.Split('\n').Length + 1, edited.Value.Text.Split('\n').Length);
    }

    [Fact]
    public void Line_endings_are_kept()
    {
        var crlf = Incident.Replace("\n", "\r\n", StringComparison.Ordinal);

        var edited = Editor.SetActionField(crlf, "i.yml", "1", ActionField.Status, "done");

        Assert.True(edited.Success);
        Assert.DoesNotContain("\n", edited.Value.Text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\r\n    status: done\r\n", edited.Value.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_id_names_the_ids_there_are_and_a_duplicate_names_both_lines()
    {
        var unknown = Editor.SetActionField(Incident, "i.yml", "nope", ActionField.Status, "done");
        var twice = Editor.SetActionField(Incident.Replace("- {action: Write", "- {id: freeze, action: Write", StringComparison.Ordinal), "i.yml", "freeze", ActionField.Status, "done");

        Assert.Equal("PM0801", Assert.Single(unknown.Diagnostics).Code);
        Assert.Contains("1, freeze, 3", unknown.Diagnostics[0].Message, StringComparison.Ordinal);
        var duplicate = Assert.Single(twice.Diagnostics);
        Assert.Equal(("PM0802", 16), (duplicate.Code, duplicate.Line));
        Assert.Contains("line 13", duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_line_value_is_not_rewritten()
    {
        var folded = Incident.Replace("    status: Open", "    status: >\n      Open for now", StringComparison.Ordinal);

        var edited = Editor.SetActionField(folded, "i.yml", "freeze", ActionField.Status, "done");

        Assert.Equal("PM0803", Assert.Single(edited.Diagnostics).Code);
    }

    [Fact]
    public void Ensure_ids_gives_the_postmortem_and_each_action_without_one_a_minted_id_and_keeps_given_ones()
    {
        var edited = Editor.EnsureIds(Incident, "i.yml", () => "pm-20231124-abcdefgh", ActionId.New);

        Assert.True(edited.Success, string.Join("\n", edited.Diagnostics.Select(d => d.Message)));
        var document = Read(edited.Value.Text);
        Assert.Equal("pm-20231124-abcdefgh", document.Id);
        Assert.Equal("freeze", document.Actions[1].Id);
        Assert.True(ActionId.IsMinted(document.Actions[0].Id));
        Assert.True(ActionId.IsMinted(document.Actions[2].Id));
        Assert.NotEqual(document.Actions[0].Id, document.Actions[2].Id);
        Assert.Equal(3, edited.Value.ChangedLines);
        Assert.Equal(Incident.Split('\n').Length + 2, edited.Value.Text.Split('\n').Length);

        var again = Editor.EnsureIds(edited.Value.Text, "i.yml", () => "pm-x", ActionId.New);
        Assert.Equal(edited.Value.Text, again.Value!.Text);
    }

    [Fact]
    public void A_file_that_is_not_yaml_is_refused_with_its_position()
    {
        var edited = Editor.SetActionField("actions: [\n  - {", "i.yml", "1", ActionField.Status, "done");

        Assert.False(edited.Success);
        Assert.All(edited.Diagnostics, d => Assert.True(d.Line > 0));
    }

    private static PostmortemDocument Read(string text)
    {
        var read = IncidentFileReader.Read(text, "i.yml");
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics.Select(d => d.Message)));
        return read.Value!;
    }
}
