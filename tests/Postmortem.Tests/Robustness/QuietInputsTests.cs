using System.Text;
using Postmortem.Cli;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Robustness;

/// <summary>
/// Issue 9's "accepted without a word" inputs, through the real command line: each now gets its diagnostic at the place
/// that caused it (before the fixes these exited 0 with a quietly wrong timeline or a dropped document).
/// </summary>
public sealed class QuietInputsTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("postmortem-quiet-").FullName;

    public QuietInputsTests()
    {
        // The quote opened on line 2 never closes: Sep read rows 3 and 4 into that cell.
        Write("unclosed.csv", "time,event\n2024-01-01T10:00:00Z,\"deploy started\n2024-01-01T10:05:00Z,rollback\n2024-01-01T10:10:00Z,resolved\n");
        Write("dup.json", "{\"event_type\":\"x\",\"title\":\"[Triggered] cpu\",\n \"title\":\"[Recovered] cpu\",\"date\":\"1704103200000\"}");
        Write("future.json", "[{\"type\":\"message\",\"ts\":\"9405342000000.000100\",\"text\":\"deploy went out\"}]");
        Write("two.yml", "title: A\ndate: 2024-01-01\n---\ntitle: B\n");
        Write("one.yml", "title: A\ndate: 2024-01-01\n");
        Write("config.yml", "lexicon:\n  escalation: [IC assigned]\n---\nlexicon: {}\n");
        Write("team/.postmortem.yml", "lexicon:\n  escalation: [IC assigned]\n\n---\n");
        Write("team/incident.yml", "title: A\ndate: 2024-01-01\n");
        Write("answers.yml", "type: incident\ntitle: A\ndate: 2024-01-01\ntimeZone: UTC\nnotes: |\n  09:00 alert fired\n...\n---\nsummary: lost\n");
        File.WriteAllBytes(Path.Combine(temp, "bad.csv"), [.. "time,event\n2024-01-01T10:00:00Z,de"u8, 0xFF, .. "ploy\n"u8]);
        File.WriteAllBytes(Path.Combine(temp, "bad.json"), [.. "[{\"type\":\"message\",\n  \"ts\":\"1704103200.000100\",\"text\":\"roll"u8, 0xC3, 0x28, .. "back\"}]"u8]);
        Write("sources.yml", "title: A\ndate: 2024-01-01\nsources:\n  - events.csv\n  - path: missing.json\n");
        Write("events.csv", "time,event\n2024-01-01T10:00:00Z,deploy\n");
        Directory.CreateDirectory(Path.Combine(temp, "folder"));
    }

    public void Dispose() => Directory.Delete(temp, recursive: true);

    public static TheoryData<string[], string, int> Cases => new()
    {
        { ["timeline", "--export", "unclosed.csv"], "unclosed.csv(2,22): error PM0402: unclosed quote", 2 },
        { ["timeline", "--export", "dup.json", "--all"], "dup.json(2,2): warning PM0411: duplicate key 'title'", 0 },
        { ["timeline", "--export", "future.json", "--all"], "future.json(1,2): warning PM0410: time '9405342000000.000100' read as seconds since 1970 falls in year 300,013", 0 },
        { ["draft", "two.yml"], "two.yml(3,1): error PM0016:", 2 },
        { ["lint", "two.yml"], "two.yml(3,1): error PM0016:", 2 },
        { ["check", "two.yml"], "two.yml(3,1): error PM0016:", 2 },
        { ["draft", "one.yml", "--config", "config.yml"], "config.yml(3,1): error PM0016:", 2 },
        { ["draft", "team/incident.yml"], ".postmortem.yml(4,1): error PM0016:", 2 },
        { ["new", "--answers", "answers.yml"], "answers.yml(8,1): error PM0016:", 2 },
        { ["timeline", "--export", "bad.csv"], "bad.csv(2,24): error PM0015: not a text file: invalid utf-8 at byte 34", 2 },
        { ["timeline", "--export", "bad.json", "--all"], "bad.json(2,40): error PM0015: not a text file: invalid utf-8", 2 },
        { ["draft", "sources.yml"], "sources.yml(5,5): error PM0017: cannot read export 'missing.json': no such file", 2 },
        { ["timeline", "--export", "missing.json"], "missing.json: error PM0001: cannot read file: no such file", 2 },
        { ["draft", "folder"], "folder: error PM0001: cannot read file: it is a directory", 2 },
        { ["lint", "folder"], "folder: error PM0001: cannot read file: it is a directory", 2 },
        { ["timeline", "folder", "--date", "2024-01-01"], "folder: error PM0001: cannot read file: it is a directory", 2 },
        { ["draft", "one.yml", "--config", "folder"], "folder: error PM0001: cannot read file: it is a directory", 2 },
        { ["new", "--answers", "folder"], "folder: error PM0001: cannot read file: it is a directory", 2 },
        { ["draft", "one.yml", "-o", "folder"], "folder: error PM0302: cannot write output: it is a directory", 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_input_once_accepted_without_a_word_gets_its_diagnostic_at_its_place(string[] args, string expected, int exit)
    {
        var run = CliRunner.Run("jit", [.. args.Select(a => File.Exists(Path.Combine(temp, a)) || Directory.Exists(Path.Combine(temp, a)) || a.EndsWith(".json", StringComparison.Ordinal) ? Path.Combine(temp, a) : a)]);

        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(exit, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("---\ntitle: A\ndate: 2024-01-01\n")]
    [InlineData("%YAML 1.2\n---\ntitle: A\ndate: 2024-01-01\n...\n")]
    public void One_document_with_its_own_markers_is_still_read(string yaml)
    {
        Write("marked.yml", yaml);

        var run = CliRunner.Run("jit", ["draft", Path.Combine(temp, "marked.yml")]);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("PM0016", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rows_after_an_unclosed_quote_are_not_read_into_an_event()
    {
        var run = CliRunner.Run("jit", ["timeline", "--export", Path.Combine(temp, "unclosed.csv"), "--format", "json"]);

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("rollback", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_cell_over_several_lines_that_closes_is_still_one_event()
    {
        Write("multiline.csv", "time,event\n2024-01-01T10:00:00Z,\"deploy \"\"v2\"\"\nstarted\"\n2024-01-01T10:05:00Z,rollback\n");

        var run = CliRunner.Run("jit", ["timeline", "--export", Path.Combine(temp, "multiline.csv"), "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("PM0402", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("started", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("rollback", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x30, 0x39, 0x3A, 0x30, 0x30, 0x20, 0x64, 0x65, 0x70, 0x6C, 0x6F, 0x79, 0x0A, 0xFF, 0xFE, 0x20, 0x78 }, "<stdin>(2,1): error PM0015: not a text file: invalid utf-8 at byte 13")]
    [InlineData(new byte[] { 0x30, 0x39, 0x3A, 0x30, 0x30, 0x20, 0x61, 0x00, 0x62 }, "<stdin>(1,8): error PM0015: not a text file: a NUL character")]
    public void Notes_on_standard_input_are_checked_as_text_like_a_notes_file(byte[] bytes, string expected)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new MemoryStream(bytes);
        var console = new CliConsole(stdout, stderr, new StringReader(string.Empty), InputIsTerminal: false, ErrorIsTerminal: false) { InBytes = input };

        var code = CliApp.Run(["timeline", "-", "--date", "2024-01-01"], console);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout.ToString());
    }

    [Fact]
    public void A_nul_in_notes_piped_as_text_is_refused_too()
    {
        var run = CliRunner.Run("jit", ["timeline", "-", "--date", "2024-01-01"], "09:00 a\0b\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("<stdin>(1,8): error PM0015:", run.Stderr, StringComparison.Ordinal);
    }

    private void Write(string name, string text)
    {
        var path = Path.Combine(temp, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }
}
