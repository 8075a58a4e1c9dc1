using System.Text;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Store;

/// <summary><c>actions set</c> from a user's seat: the file changes by one line (its encoding, endings and mode kept), the index follows.</summary>
[Collection(nameof(CurrentDirectory))]
public sealed class ActionsSetCommandTests : InTempFolder
{
    private const string Incident =
        "type: incident\r\ntitle: Checkout outage\r\ndate: 2023-11-24\r\ntimeZone: UTC\r\nnotes: |\r\n  07:14 deploy went out\r\n  08:19 rolled back\r\n"
        + "actions:\r\n  - action: Add a pool alert\r\n    owner: Platform Team\r\n    due: 2023-12-01\r\n    status: Open\r\n  - action: Freeze deploys on peak days\r\n    due: 2023-12-08\r\n";

    public ActionsSetCommandTests()
        : base("pm-actions-set-")
    {
        Directory.CreateDirectory(Path.Combine(Folder, "pm"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Set_changes_one_line_of_the_file_keeps_its_bytes_and_the_index_follows()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        var file = Path.Combine(Folder, "pm", "checkout.yml");
        var bom = new UTF8Encoding(true);
        File.WriteAllBytes(file, [.. bom.GetPreamble(), .. bom.GetBytes(Incident)]);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(0, CliRunner.Run("jit", ["index", "pm"]).ExitCode);

        var set = CliRunner.Run("jit", ["actions", "set", "pm/checkout.yml#1", "--status", "done", "--note", "alert live\nsince Dec 1"]);
        var listed = CliRunner.Run("jit", ["actions", "--status", "done", "--format", "json"]);

        Assert.Equal(0, set.ExitCode);
        Assert.Contains("pm/checkout.yml:9: action 1: 'Open' -> 'Done' (2 lines changed)", set.Stderr, StringComparison.Ordinal);
        var expected = Incident.Replace("    status: Open\r\n", "    status: Done\r\n    note: alert live since Dec 1\r\n", StringComparison.Ordinal);
        Assert.Equal([.. bom.GetPreamble(), .. bom.GetBytes(expected)], File.ReadAllBytes(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Contains("\"action\": \"Add a pool alert\"", listed.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"note\": \"alert live since Dec 1\"", listed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_action_without_a_status_gets_one_line_in_the_files_style_and_a_second_set_changes_nothing()
    {
        var file = Path.Combine(Folder, "pm", "checkout.yml");
        File.WriteAllText(file, Incident.Replace("\r\n", "\n", StringComparison.Ordinal));
        CliRunner.Run("jit", ["index", "pm"]);

        var set = CliRunner.Run("jit", ["actions", "set", "2", "--status", "not-doing"]);
        var text = File.ReadAllText(file);
        var again = CliRunner.Run("jit", ["actions", "set", "2", "--status", "not-doing"]);

        Assert.Equal(0, set.ExitCode);
        Assert.Equal(Incident.Replace("\r\n", "\n", StringComparison.Ordinal) + "    status: Not doing\n", text);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already 'Not doing'; nothing changed", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(file));
    }

    [Fact]
    public void An_id_that_two_postmortems_share_or_none_holds_is_an_input_error_and_nothing_is_written()
    {
        File.WriteAllText(Path.Combine(Folder, "pm", "a.yml"), Incident);
        File.WriteAllText(Path.Combine(Folder, "pm", "b.yml"), Incident);
        CliRunner.Run("jit", ["index", "pm"]);

        var twice = CliRunner.Run("jit", ["actions", "set", "1", "--status", "done"]);
        var none = CliRunner.Run("jit", ["actions", "set", "act-00000000", "--status", "done"]);
        var badState = CliRunner.Run("jit", ["actions", "set", "pm/a.yml#1", "--status", "finished"]);

        Assert.Equal((2, 2, 2), (twice.ExitCode, none.ExitCode, badState.ExitCode));
        Assert.Contains("PM0805", twice.Stderr, StringComparison.Ordinal);
        Assert.Contains("pm/a.yml#1, pm/b.yml#1", twice.Stderr, StringComparison.Ordinal);
        Assert.Contains("PM0805", none.Stderr, StringComparison.Ordinal);
        Assert.Equal(Incident, File.ReadAllText(Path.Combine(Folder, "pm", "a.yml")));
        Assert.Equal(Incident, File.ReadAllText(Path.Combine(Folder, "pm", "b.yml")));
    }

    [Fact]
    public void In_a_Markdown_record_set_changes_the_actions_table_row_and_nothing_else()
    {
        var record = Path.Combine(Folder, "pm", "meridian.md");
        Assert.Equal(0, CliRunner.Run("jit", ["draft", Path.Combine(Repo.Root, "examples", "meridian", "incident.yml"), "-o", record]).ExitCode);
        var before = File.ReadAllLines(record);
        CliRunner.Run("jit", ["index", "pm"]);

        var set = CliRunner.Run("jit", ["actions", "set", "pm/meridian.md#1", "--status", "done", "--note", "freeze policy merged"]);
        var after = File.ReadAllLines(record);
        var done = CliRunner.Run("jit", ["actions", "--status", "done", "--format", "csv"]);

        Assert.Equal(0, set.ExitCode);
        Assert.Contains("(1 line changed)", set.Stderr, StringComparison.Ordinal);
        var changed = Assert.Single(Enumerable.Range(0, before.Length), i => before[i] != after[i]);
        Assert.Contains("| Done | — | freeze policy merged |", after[changed], StringComparison.Ordinal);
        Assert.Equal(before.Length, after.Length);
        Assert.Contains("pm/meridian.md,", done.Stdout, StringComparison.Ordinal);
        Assert.Contains(",Done,done,freeze policy merged,", done.Stdout, StringComparison.Ordinal);
    }
}
