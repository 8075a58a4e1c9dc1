using Postmortem.Tests.Support;

namespace Postmortem.Tests.Cli;

/// <summary>
/// Golden files: <c>Golden/NAME.args</c> holds a command line (and optionally <c>exit=N</c> on a second line);
/// <c>NAME.stdout</c> and <c>NAME.stderr</c> beside it hold what the CLI must print. Every case runs on the
/// JIT build and, when <c>POSTMORTEM_AOT_BIN</c> names it, on the NativeAOT binary.
/// Set <c>POSTMORTEM_UPDATE_GOLDEN=1</c> to rewrite the expected files after an intended change, then review the diff.
/// </summary>
public sealed class GoldenTests
{
    private static readonly string Folder = Repo.PathOf("tests", "Postmortem.Tests", "Golden");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Folder, "*.args").Order(StringComparer.Ordinal))
        {
            foreach (var runner in CliRunner.Runners())
            {
                data.Add(Path.GetFileNameWithoutExtension(file), runner);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_cli_output_matches_the_golden_file(string name, string runner)
    {
        // Given
        var spec = File.ReadAllLines(Path.Combine(Folder, name + ".args"));
        var args = spec[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var expectedExit = spec.Length > 1 && spec[1].StartsWith("exit=", StringComparison.Ordinal) ? int.Parse(spec[1][5..], System.Globalization.CultureInfo.InvariantCulture) : 0;

        // When
        var run = CliRunner.Run(runner, args);

        // Then: never a crash, whatever the golden file says.
        Assert.DoesNotContain("Unhandled exception", run.Stderr, StringComparison.Ordinal);
        Compare(Path.Combine(Folder, name + ".stdout"), run.Stdout, runner);
        Compare(Path.Combine(Folder, name + ".stderr"), run.Stderr, runner);
        Assert.Equal(expectedExit, run.ExitCode);
    }

    [Fact]
    public void The_aot_binary_is_part_of_the_golden_run_in_CI()
    {
        // CI publishes the NativeAOT binary and names it; locally the JIT run alone is the default, and this says so as Skipped.
        var bin = TestEnvironment.Required(CliRunner.AotBinary ?? string.Empty, p => p.Length > 0 && File.Exists(p),
            $"{CliRunner.AotVariable} does not name a published NativeAOT binary: golden cases ran on the JIT build only");
        Assert.Equal(0, CliRunner.Run("aot", ["--version"]).ExitCode);
        _ = bin;
    }

    private static void Compare(string expectedPath, string actual, string runner)
    {
        if (Environment.GetEnvironmentVariable("POSTMORTEM_UPDATE_GOLDEN") == "1" && runner == "jit")
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : string.Empty;
        Assert.Equal(expected, actual);
    }
}
