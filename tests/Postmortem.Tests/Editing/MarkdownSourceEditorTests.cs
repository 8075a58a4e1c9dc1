using Postmortem.Editing;
using Postmortem.Ingest.Documents;
using Postmortem.Tests.Ingest;

namespace Postmortem.Tests.Editing;

/// <summary>Edits of a Markdown record touch only the action's row (or add one line), and the next read sees them.</summary>
public sealed class MarkdownSourceEditorTests
{
    private static readonly ISourceEditor Editor = Postmortems.MarkdownEditor;

    private static string Meridian() => File.ReadAllText(MarkdownRecordTests.Drafted("examples/meridian/incident.yml"));

    private static List<int> ChangedLines(string before, string after)
    {
        var (a, b) = (before.Split('\n'), after.Split('\n'));
        Assert.Equal(a.Length, b.Length);
        return [.. Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).Select(i => i + 1)];
    }

    [Theory]
    [InlineData(ActionField.Status, "done", "| 2 | Add Redis connection pool utilization alert (threshold: >75% pool usage) in Datadog; route to same SEV-1 channel | Detect | Platform Team | Dec 1, 2023 | done | — | — |")]
    [InlineData(ActionField.Tracker, "OPS-123", "| 2 | Add Redis connection pool utilization alert (threshold: >75% pool usage) in Datadog; route to same SEV-1 channel | Detect | Platform Team | Dec 1, 2023 | Open | OPS-123 | — |")]
    [InlineData(ActionField.Note, "alert live | see <script>", "| 2 | Add Redis connection pool utilization alert (threshold: >75% pool usage) in Datadog; route to same SEV-1 channel | Detect | Platform Team | Dec 1, 2023 | Open | — | alert live \\| see &lt;script> |")]
    public void Setting_a_field_changes_only_that_actions_row(ActionField field, string value, string expectedRow)
    {
        var text = Meridian();

        var result = Editor.SetActionField(text, "pm.md", "2", field, value);

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        Assert.Equal(1, result.Value!.ChangedLines);
        var changed = Assert.Single(ChangedLines(text, result.Value.Text));
        Assert.Equal(expectedRow, result.Value.Text.Split('\n')[changed - 1]);
        var read = MarkdownRecordReader.Read(result.Value.Text, "pm.md").Value!.Actions[1];
        Assert.Equal(value, field switch { ActionField.Status => read.Status, ActionField.Tracker => read.Tracker, _ => read.Note });
    }

    [Fact]
    public void Setting_the_value_already_there_changes_nothing()
    {
        var text = Meridian();

        var result = Editor.SetActionField(text, "pm.md", "1", ActionField.Status, "Open");

        Assert.Equal(0, result.Value!.ChangedLines);
        Assert.Equal(text, result.Value.Text);
    }

    [Fact]
    public void Line_endings_and_every_other_byte_are_kept()
    {
        var text = Meridian().Replace("\n", "\r\n", StringComparison.Ordinal);

        var result = Editor.SetActionField(text, "pm.md", "1", ActionField.Status, "not-doing");

        var (before, after) = (text.Split("\r\n"), result.Value!.Text.Split("\r\n"));
        Assert.Equal(before.Length, after.Length);
        Assert.Single(Enumerable.Range(0, before.Length), i => before[i] != after[i]);
        Assert.Contains("| not-doing |", result.Value.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_or_duplicate_id_or_a_missing_column_is_an_error_naming_the_line()
    {
        var text = Meridian();
        var duplicate = text.Replace("| 2 | Add Redis", "| 1 | Add Redis", StringComparison.Ordinal);
        var noNote = "## Postmortem: x\n\n### Action items\n\n| ID | Action | Status |\n|---|---|---|\n| a | Do it | Open |\n";

        var unknown = Editor.SetActionField(text, "pm.md", "act-nope", ActionField.Status, "done");
        var twice = Editor.SetActionField(duplicate, "pm.md", "1", ActionField.Status, "done");
        var column = Editor.SetActionField(noNote, "pm.md", "a", ActionField.Note, "why");

        Assert.Equal("PM0605", Assert.Single(unknown.Diagnostics).Code);
        var second = duplicate.Split('\n').ToList().FindLastIndex(l => l.StartsWith("| 1 |", StringComparison.Ordinal)) + 1;
        Assert.Equal(("PM0605", second), (Assert.Single(twice.Diagnostics).Code, twice.Diagnostics[0].Line));
        Assert.Contains("no 'Note' column", Assert.Single(column.Diagnostics).Message, StringComparison.Ordinal);
        Assert.Null(column.Value);
    }

    [Fact]
    public void EnsureIds_mints_ids_for_positional_actions_and_the_postmortem_and_moves_their_links()
    {
        var text = Meridian();
        var minted = new Queue<string>(["act-aaaa2222", "act-bbbb3333"]);

        var result = Editor.EnsureIds(text, "pm.md", () => "pm-20231124-abcd2345", minted.Dequeue);

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        Assert.Equal(5, result.Value!.ChangedLines); // the id line, two ID cells, two action-link keys
        var read = MarkdownRecordReader.Read(result.Value.Text, "pm.md").Value!;
        Assert.Equal("pm-20231124-abcd2345", read.Id);
        Assert.Equal(["act-aaaa2222", "act-bbbb3333"], read.Actions.Select(a => a.Id));
        Assert.Equal(["no-freeze"], read.Actions[0].Factors);

        var again = Editor.EnsureIds(result.Value.Text, "pm.md", () => throw new InvalidOperationException("minted twice"), () => throw new InvalidOperationException("minted twice"));
        Assert.Equal(0, again.Value!.ChangedLines);
    }

    [Fact]
    public void EnsureIds_gives_a_hand_written_document_front_matter()
    {
        var text = "# Outage\n\n## Action items\n\n| ID | Action |\n|---|---|\n| — | Fix it |\n";

        var result = Editor.EnsureIds(text, "pm.md", () => "pm-1", () => "act-cccc4444");

        Assert.Equal("---\nid: pm-1\n---\n\n# Outage\n\n## Action items\n\n| ID | Action |\n|---|---|\n| act-cccc4444 | Fix it |\n", result.Value!.Text);
        Assert.Equal("pm-1", MarkdownRecordReader.Read(result.Value.Text, "pm.md").Value!.Id);
    }
}
