using System.Text;
using Postmortem.Editing;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Cli;

/// <summary>Files the CLI must not harm: outputs that are devices or links, inputs named as outputs, permissions, encodings, half-done fixes.</summary>
public sealed class FileSafetyTests : IDisposable
{
    private const string Incident = "examples/meridian/incident.yml";
    private readonly string temp = Directory.CreateTempSubdirectory("postmortem-safety-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void Output_onto_dev_null_writes_through_and_leaves_the_device_a_device()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /dev/null and statx");
        var run = CliRunner.Run("jit", ["draft", Incident, "-o", "/dev/null"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(FileKind.Special, FileIdentity.Of("/dev/null", followLinks: false)!.Kind);
    }

    [Fact]
    public void Output_onto_a_symlink_rewrites_its_target_and_keeps_the_link()
    {
        var target = Path.Combine(temp, "real.md");
        File.WriteAllText(target, "old");
        var link = Path.Combine(temp, "link.md");
        File.CreateSymbolicLink(link, target);

        var run = CliRunner.Run("jit", ["draft", Incident, "-o", link]);

        Assert.Equal(0, run.ExitCode);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.StartsWith("## Postmortem", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(["link.md", "real.md"], Directory.GetFiles(temp).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Output_onto_a_link_to_a_character_device_writes_through_it()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /dev/null and statx");
        var link = Path.Combine(temp, "to-null");
        File.CreateSymbolicLink(link, "/dev/null");

        var run = CliRunner.Run("jit", ["draft", Incident, "-o", link]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("/dev/null", new FileInfo(link).LinkTarget);
        Assert.Equal(FileKind.Special, FileIdentity.Of("/dev/null", followLinks: false)!.Kind);
    }

    public static TheoryData<string[]> OutputIsInput() => new()
    {
        { ["draft", "INPUT", "-o", "INPUT"] },
        { ["agenda", "INPUT", "-o", "INPUT"] },
        { ["comms", "INPUT", "--internal", "-o", "INPUT"] },
        { ["followup", "INPUT", "-o", "INPUT"] },
        { ["lint", "INPUT", "-o", "INPUT"] },
        { ["check", "INPUT", "-o", "INPUT"] },
        { ["timeline", "--export", "INPUT", "-o", "INPUT"] },
        { ["new", "--answers", "INPUT", "-o", "INPUT"] },
        { ["draft", "INPUT", "-o", "LINK"] },
    };

    [Theory]
    [MemberData(nameof(OutputIsInput))]
    public void An_output_naming_an_input_is_refused_and_the_input_is_untouched(string[] template)
    {
        var input = Path.Combine(temp, "incident.yml");
        File.Copy(Incident, input);
        var link = Path.Combine(temp, "other-name.yml");
        File.CreateSymbolicLink(link, input);
        var before = File.ReadAllBytes(input);

        var run = CliRunner.Run("jit", [.. template.Select(a => a == "INPUT" ? input : a == "LINK" ? link : a)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error PM0306", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_rewritten_file_keeps_its_permissions()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        var output = Path.Combine(temp, "pm.md");
        File.WriteAllText(output, "old");
        File.SetUnixFileMode(output, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var run = CliRunner.Run("jit", ["draft", Incident, "-o", output]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(output));
    }

    [Fact]
    public void Stale_temporary_files_of_a_killed_run_are_removed_and_live_ones_kept()
    {
        var output = Path.Combine(temp, "pm.md");
        var stale = Path.Combine(temp, $".pm.md.{int.MaxValue - 7}.{Guid.NewGuid():N}.tmp");
        var live = Path.Combine(temp, $".pm.md.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(stale, "half");
        File.WriteAllText(live, "in progress");

        var run = CliRunner.Run("jit", ["draft", Incident, "-o", output]);

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
    }

    public static TheoryData<string, byte[]> Encodings() => new()
    {
        { "utf-8 with BOM and CRLF", [.. new byte[] { 0xEF, 0xBB, 0xBF }, .. Encoding.UTF8.GetBytes("# Notes\r\n\r\nThe deploy was obviously risky.\r\n")] },
        { "utf-16 LE with BOM", [.. new byte[] { 0xFF, 0xFE }, .. Encoding.Unicode.GetBytes("# Notes\n\nThe deploy was obviously risky.\n")] },
        { "utf-16 BE with BOM", [.. new byte[] { 0xFE, 0xFF }, .. Encoding.BigEndianUnicode.GetBytes("# Notes\n\nThe deploy was obviously risky.\n")] },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Lint_fix_keeps_the_encoding_bom_and_line_endings(string name, byte[] bytes)
    {
        var file = Path.Combine(temp, "notes.md");
        File.WriteAllBytes(file, bytes);
        var (decoded, _) = Postmortem.Ingest.TextFile.Decode(bytes, file);

        var run = CliRunner.Run("jit", ["lint", file, "--fix"]);

        Assert.NotEqual(2, run.ExitCode);
        var after = File.ReadAllBytes(file);
        var (reread, problem) = Postmortem.Ingest.TextFile.Decode(after, file);
        Assert.Null(problem);
        Assert.Equal(decoded!.Encoding.WebName, reread!.Encoding.WebName);
        Assert.Equal(decoded.PreambleLength, reread.PreambleLength);
        Assert.Equal(decoded.Text.Split("\r\n").Length, reread.Text.Split("\r\n").Length);
        Assert.DoesNotContain("obviously", reread.Text, StringComparison.OrdinalIgnoreCase);
        _ = name;
    }

    [Fact]
    public void Lint_fix_refuses_invalid_utf8_and_rewrites_nothing()
    {
        var good = Path.Combine(temp, "a.md");
        var bad = Path.Combine(temp, "b.md");
        File.WriteAllText(good, "In hindsight the deploy was risky.\n");
        File.WriteAllBytes(bad, [.. Encoding.UTF8.GetBytes("In hindsight \n"), 0xC3, 0x28, (byte)'\n']);
        var goodBefore = File.ReadAllBytes(good);
        var badBefore = File.ReadAllBytes(bad);

        var run = CliRunner.Run("jit", ["lint", good, bad, "--fix"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("b.md(2,1): error PM0015", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(goodBefore, File.ReadAllBytes(good));
        Assert.Equal(badBefore, File.ReadAllBytes(bad));
    }

    public static TheoryData<string> SecondFileProblems() => new()
    {
        "missing",
        "title: [unclosed",
        "title: A\nimpact: everyone",
    };

    [Theory]
    [MemberData(nameof(SecondFileProblems))]
    public void Lint_fix_is_all_or_nothing_when_a_later_file_is_missing_or_malformed(string second)
    {
        var first = Path.Combine(temp, "a.md");
        File.WriteAllText(first, "In hindsight the deploy was risky.\n");
        var secondPath = Path.Combine(temp, "b.yml");
        if (second != "missing")
        {
            File.WriteAllText(secondPath, second);
        }

        var run = CliRunner.Run("jit", ["lint", first, secondPath, "--fix"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("In hindsight the deploy was risky.\n", File.ReadAllText(first));
        Assert.Contains("No file was rewritten.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_exits_2_on_an_invalid_incident_file()
    {
        var run = CliRunner.Run("jit", ["lint", "tests/Postmortem.Tests/Fixtures/bad-incident.yml"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error PM0005", run.Stderr, StringComparison.Ordinal);
    }
}
