using System.Text;
using Postmortem.Ingest.Exports;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Robustness;

/// <summary>
/// Issue 9's crash classes, through the real command line: each hostile input is refused with its diagnostic and
/// exit 2 (before the fixes these overflowed the stack, expanded an alias bomb, ran for minutes or threw).
/// </summary>
public sealed class InputLimitsTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("postmortem-limits-").FullName;

    public InputLimitsTests()
    {
        // 100,000 nested flow sequences: YamlDotNet builds its tree recursively, so this overflowed the stack.
        Write("deep.yml", "title: " + new string('[', 100_000) + new string(']', 100_000) + "\n");

        // A billion laughs: ten levels of nine aliases each expand to 10⁹ nodes under a tree walker.
        var bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var c = 'b'; c <= 'j'; c++)
        {
            bomb.Append(c).Append(": &").Append(c).Append(" [").AppendJoin(", ", Enumerable.Repeat("*" + (char)(c - 1), 9)).Append("]\n");
        }

        Write("bomb.yml", bomb.Append("summary: *j\n").ToString());

        // 3,000 nested list items (9 MB): Markdig's block pass is lines × depth, minutes of CPU.
        Write("nested.md", "# Summary\n\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => new string(' ', 2 * i) + $"- item {i}\n")));

        // 100,000 unclosed '[': Markdig's inline pass throws past its depth limit.
        Write("brackets.md", "## Postmortem: x\n\n" + new string('[', 100_000) + "\n");
        Write("ok.yml", "title: fine\n");
        Write("answers-deep.yml", "title: " + new string('[', 100_000) + "\n");
        Directory.CreateDirectory(Path.Combine(temp, "team"));
        Write("team/.postmortem.yml", "lint: " + new string('[', 100_000) + "\n");
        Write("team/pm.md", "## Postmortem: x\n");
    }

    public void Dispose() => Directory.Delete(temp, recursive: true);

    public static TheoryData<string[], string, string> Cases => new()
    {
        { ["draft", "deep.yml"], "PM0010", "deep.yml(1,71)" },
        { ["lint", "deep.yml"], "PM0010", "deep.yml(1,71)" },
        { ["check", "deep.yml"], "PM0010", "deep.yml(1,71)" },
        { ["draft", "ok.yml", "--config", "deep.yml"], "PM0010", "deep.yml(1,71)" },
        { ["lint", "team/pm.md"], "PM0010", ".postmortem.yml(1,70)" },
        { ["new", "--answers", "answers-deep.yml"], "PM0010", "(1,71)" },
        { ["draft", "bomb.yml"], "PM0010", "bomb.yml(" },
        { ["lint", "bomb.yml"], "PM0010", "bomb.yml(" },
        { ["check", "bomb.yml"], "PM0010", "bomb.yml(" },
        { ["lint", "nested.md"], "PM0011", "nested.md(131,257)" },
        { ["check", "nested.md"], "PM0011", "nested.md(131,257)" },
        { ["check", "brackets.md"], "PM0011", "brackets.md" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_hostile_file_is_refused_with_its_diagnostic_and_exit_2(string[] args, string code, string place)
    {
        var run = CliRunner.Run("jit", [.. args.Select(a => a.EndsWith(".yml", StringComparison.Ordinal) || a.EndsWith(".md", StringComparison.Ordinal) ? Path.Combine(temp, a) : a)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error {code}:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(place, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, int, int> DateCases => new()
    {
        { "title: A\ndate: 9999-12-31\nsummary: x", "PM0012", 2, 7 },
        { "title: A\ndate: 0001-01-01", "PM0012", 2, 7 },
        { "title: A\ndate: 2024-01-01\npostmortemDate: 9999-12-31", "PM0012", 3, 17 },
        { "title: A\nactions:\n  - action: x\n    due: 9999-12-31", "PM0012", 4, 10 },
    };

    [Theory]
    [MemberData(nameof(DateCases))]
    public void A_date_at_the_edge_of_the_calendar_is_a_positioned_diagnostic(string yaml, string code, int line, int column)
    {
        Write("edge.yml", yaml);

        var run = CliRunner.Run("jit", ["draft", Path.Combine(temp, "edge.yml")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"edge.yml({line},{column}): error {code}:", run.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> EdgeOptions => new()
    {
        { ["timeline", "-", "--date", "9999-12-31"] },
        { ["timeline", "-", "--date", "0001-01-01"] },
        { ["timeline", "-", "--date", "2024-01-01", "--to", "9999-12-31T23:59:59-14:00"] },
        { ["timeline", "-", "--date", "2024-01-01", "--from", "0001-01-01T00:00:00+14:00"] },
        { ["followup", "examples/meridian/incident.yml", "--as-of", "9999-12-31"] },
    };

    [Theory]
    [MemberData(nameof(EdgeOptions))]
    public void A_command_line_date_at_the_edge_of_the_calendar_is_a_usage_error(string[] args)
    {
        var run = CliRunner.Run("jit", args, "07:14 deploy\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error PM0301:", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59-14:00")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00+14:00")]
    public void An_export_time_outside_the_calendar_range_is_not_read_as_a_time(string text)
    {
        Assert.False(ExportTime.TryIso(text, out _));
    }

    [Fact]
    public void A_csv_row_and_an_alert_in_year_9999_are_left_out_without_an_exception()
    {
        Write("events.csv", "time,event\n9999-12-31T23:59:59-14:00,deploy\n2024-03-12T10:00:00Z,rollback\n");
        Write("alerts.json", """[{"status":"firing","labels":{"alertname":"X"},"startsAt":"9999-12-31T23:59:59-14:00","endsAt":"9999-12-31T23:59:59Z"}]""");

        foreach (var file in new[] { "events.csv", "alerts.json" })
        {
            var run = CliRunner.Run("jit", ["timeline", "--export", Path.Combine(temp, file), "--all"]);
            Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
            Assert.True(run.ExitCode is 0 or 2, run.Stderr);
        }
    }

    [Fact]
    public async Task A_40_MB_chat_message_is_cut_with_a_warning_instead_of_timing_out_a_regex()
    {
        var words = new StringBuilder(41_000_000);
        while (words.Length < 40_000_000)
        {
            words.Append("deploy rolled back at 07:14 ");
        }

        Write("chat.json", $$$"""[{"ts":"1710237600.000100","type":"message","user":"U1","pinned_to":["C1"],"text":"{{{words}}}"}]""");

        var result = await ExportReader.ReadAsync(Path.Combine(temp, "chat.json"), new ExportOptions { All = true, Classifier = Postmortem.Analysis.KindLexicon.Default }, TestContext.Current.CancellationToken);

        var cut = Assert.Single(result.Diagnostics, d => d.Code == "PM0409");
        Assert.Equal((1, 2), (cut.Line, cut.Column));
        Assert.Equal(ExportSink.MaxText, Assert.Single(result.Events).Text.Length);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(temp, name), text);
}
