using Postmortem.Tests.Support;

namespace Postmortem.Tests.Store;

/// <summary>The living record from a user's seat: <c>index</c>, then <c>actions</c> and <c>stats</c>, on the embedded store with nothing installed.</summary>
[Collection(nameof(CurrentDirectory))]
public sealed class IndexCommandTests() : InTempFolder("pm-index-cli-")
{
    [Fact]
    public void Index_then_actions_and_stats_work_on_the_bundled_examples_and_a_hand_edit_shows_up()
    {
        CopyExamples();

        var index = CliRunner.Run("jit", ["index", "examples"]);
        var overdue = CliRunner.Run("jit", ["actions", "--overdue", "--as-of", "2024-01-15"]);
        var stats = CliRunner.Run("jit", ["stats", "--as-of", "2024-01-15", "--format", "json"]);

        Assert.Equal(0, index.ExitCode);
        Assert.True(File.Exists(Path.Combine(Folder, ".postmortem", "index.db")));
        Assert.Contains("\n*\n", File.ReadAllText(Path.Combine(Folder, ".postmortem", ".gitignore")), StringComparison.Ordinal);
        Assert.Contains("Indexed: 3 added", index.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, overdue.ExitCode);
        Assert.Contains("| examples/meridian/incident.yml:72 | 1 | Implement deployment freeze window", overdue.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 actions, 2 overdue as of 2024-01-15.", overdue.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"overdue\": 2", stats.Stdout, StringComparison.Ordinal);

        // A person marks an action done by hand; the next index run picks it up.
        var meridian = Path.Combine(Folder, "examples", "meridian", "incident.yml");
        File.WriteAllText(meridian, File.ReadAllText(meridian).Replace("    factors: [no-pool-alert]", "    factors: [no-pool-alert]\n    status: done", StringComparison.Ordinal));
        var again = CliRunner.Run("jit", ["index", "examples"]);
        var after = CliRunner.Run("jit", ["actions", "--overdue", "--as-of", "2024-01-15", "--format", "json"]);

        Assert.Contains("0 added, 1 updated, 2 unchanged, 0 removed", again.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"action\": \"Implement deployment freeze window", after.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Redis connection pool", after.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "index", "no-such-folder" }, "PM0502")]
    [InlineData(new[] { "actions", "--store", "Host=db;Password=secret;Username=x" }, "PM0501")]
    [InlineData(new[] { "stats", "--store", "postgres:POSTMORTEM_TEST_UNSET_VARIABLE" }, "PM0501")]
    [InlineData(new[] { "actions", "--due-within", "soon" }, "PM0301")]
    public void Bad_store_or_folder_is_an_input_error_that_names_it(string[] args, string code)
    {
        var run = CliRunner.Run("jit", args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(code, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_teams_config_names_the_store_relative_to_itself()
    {
        CopyExamples();
        File.WriteAllText(Path.Combine(Folder, ".postmortem.yml"), "store: records/pm.db\n");

        var index = CliRunner.Run("jit", ["index", "examples"]);

        Assert.Equal(0, index.ExitCode);
        Assert.True(File.Exists(Path.Combine(Folder, "records", "pm.db")));
        Assert.False(File.Exists(Path.Combine(Folder, ".postmortem", "index.db")));
    }

    private void CopyExamples()
    {
        var source = Path.Combine(Repo.Root, "examples");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Folder, "examples", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>Tests that change the process's current folder run one at a time.</summary>
[CollectionDefinition(nameof(CurrentDirectory), DisableParallelization = true)]
public sealed class CurrentDirectory;
