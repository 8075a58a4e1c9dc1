using Postmortem.Ingest.Yaml;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Cli;

public sealed class CliBehaviourTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("postmortem-cli-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void Draft_writes_the_output_file_and_leaves_no_temporary_file()
    {
        var output = Path.Combine(temp, "pm.md");
        var run = CliRunner.Run("jit", ["draft", "examples/meridian/incident.yml", "-o", output]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith("---\ntype: incident\n", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Contains("\n## Postmortem: Checkout Outage", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal(["pm.md"], Directory.GetFiles(temp).Select(Path.GetFileName));
    }

    [Fact]
    public void Bad_input_exits_2_and_leaves_an_existing_output_untouched()
    {
        var output = Path.Combine(temp, "pm.md");
        File.WriteAllText(output, "previous draft");

        var run = CliRunner.Run("jit", ["draft", "tests/Postmortem.Tests/Fixtures/bad-incident.yml", "-o", output]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("previous draft", File.ReadAllText(output));
        Assert.Single(Directory.GetFiles(temp));
        Assert.Contains("bad-incident.yml(2,7): error PM0005", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_creates_no_output_file()
    {
        var output = Path.Combine(temp, "never.md");
        var run = CliRunner.Run("jit", ["draft", "no/such/file.yml", "-o", output]);
        Assert.Equal(2, run.ExitCode);
        Assert.False(File.Exists(output));
        Assert.Contains("error PM0001", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unwritable_output_is_a_diagnostic_with_exit_2()
    {
        var run = CliRunner.Run("jit", ["draft", "examples/meridian/incident.yml", "-o", Path.Combine(temp, "missing-dir", "pm.md")]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error PM0302", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_reads_standard_input_with_date_and_zone_options()
    {
        var run = CliRunner.Run("jit", ["timeline", "-", "--date", "2023-11-24", "--tz", "America/New_York", "--format", "json"],
            "Deploy at 07:14. Alert fired at 07:20. Rolled back at 07:40. Resolved at 07:55.");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"time\": \"2023-11-24T12:14:00Z\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"durationMinutes\": 35", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"file\": \"<stdin>\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_markdown_states_impact_start_and_duration_or_says_they_are_unknown()
    {
        var chat = "Priya  11:52 PM\nanyone else seeing 502s on checkout?\nSam  12:11 AM\nfailover done, errors dropping\n"
            + "Marco  12:15 AM\nerror rate back to baseline\n";
        var run = CliRunner.Run("jit", ["timeline", "-", "--date", "2026-03-07", "--tz", "America/New_York"], chat);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("**Impact:**\n- **Impact start:** 04:52 UTC (23:52 ET) (Anyone else seeing 502s on checkout?)\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("- **Duration of impact:** 23 minutes (23:52 ET — 00:15 ET)\n", run.Stdout, StringComparison.Ordinal);

        var quiet = CliRunner.Run("jit", ["timeline", "-", "--date", "2026-03-07"], "Deploy at 07:14.");
        Assert.Contains("- **Impact start:** unknown — no impact or customer report in the timeline\n", quiet.Stdout, StringComparison.Ordinal);
        Assert.Contains("- **Duration of impact:** unknown (impact start not in the timeline)\n", quiet.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_without_any_date_is_an_input_error()
    {
        var run = CliRunner.Run("jit", ["timeline", "-"], "Deploy at 07:14.");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("<stdin>(1,11): error PM0103", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("draft", "--format", "pdf")]
    [InlineData("timeline", "x.md", "--date", "24/11/2023")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var run = CliRunner.Run("jit", args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error PM03", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("timeline")]
    [InlineData("new")]
    public void Every_command_has_help(string command)
    {
        var run = CliRunner.Run("jit", [command, "--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void New_writes_an_incident_file_that_drafts_from_an_answers_file()
    {
        var answers = Path.Combine(temp, "answers.yml");
        File.WriteAllText(answers, """
            type: incident
            title: "Login failures: SSO outage"
            date: 2024-02-01
            timeZone: Europe/Berlin
            summary: SSO provider certificate expired; logins failed.
            notes: |
              09:12 Alert fired: login success rate below 80%
              09:20 Paged identity on-call
              09:41 Rolled certificate, logins recovering
              09:55 Resolved
            impact.scope: all-users
            impact.effect: outage
            postmortemDate: 2024-02-05
            """);
        var incident = Path.Combine(temp, "incident.yml");

        var run = CliRunner.Run("jit", ["new", "--answers", answers, "-o", incident]);

        Assert.Equal(0, run.ExitCode);
        var read = IncidentFileReader.ReadFile(incident);
        Assert.Empty(read.Diagnostics);
        Assert.Equal("Login failures: SSO outage", read.Value!.Title);
        Assert.Equal(4, read.Value.Events.Count);
        var draft = CliRunner.Run("jit", ["draft", incident]);
        Assert.Contains("**Severity:** SEV-1 — Critical", draft.Stdout, StringComparison.Ordinal);
        Assert.Contains("43 minutes (09:12 CET — 09:55 CET, user-facing)", draft.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void New_reports_a_bad_answer_at_its_position()
    {
        var answers = Path.Combine(temp, "answers.yml");
        File.WriteAllText(answers, "title: X\ndate: yesterday\nimpact.scope: most\n");
        var run = CliRunner.Run("jit", ["new", "--answers", answers]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("answers.yml(2,7): error PM0303", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("answers.yml(3,15): error PM0303", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void New_without_a_terminal_or_answers_is_an_input_error()
    {
        var run = CliRunner.Run("jit", ["new"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("PM0305", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_interview_on_a_terminal_asks_each_question_and_writes_the_file()
    {
        var answers = string.Join('\n',
            "project", "Website relaunch", "A relaunch.", string.Empty, "2024-01-08", "2024-03-29",
            "Launch new site | by March 15 | launched March 22 | partially met", string.Empty,
            "All pages migrated", "One week late", "No regressions", "Client liked the design", string.Empty,
            "Small agency team", string.Empty, "Ana | Designer", string.Empty, "Delivery lead", "2024-04-05") + "\n";
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Postmortem.Cli.CliApp.Run(["new"], new Postmortem.Cli.CliConsole(stdout, stderr, new StringReader(answers), InputIsTerminal: true, ErrorIsTerminal: false));

        Assert.Equal(0, code);
        Assert.Contains("Postmortem type -- incident (default) or project?", stderr.ToString(), StringComparison.Ordinal);
        var read = IncidentFileReader.Read(stdout.ToString(), "new.yml");
        Assert.Empty(read.Diagnostics);
        Assert.Equal("partially-met", Assert.Single(read.Value!.Project!.Goals).Assessment);
        Assert.Equal("Designer", Assert.Single(read.Value.Team.Roster).Role);
    }
}
