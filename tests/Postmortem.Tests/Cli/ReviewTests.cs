using NodaTime;
using Postmortem.Analysis;
using Postmortem.Analysis.Lint;
using Postmortem.Ingest.Yaml;
using Postmortem.Model;
using Postmortem.Rendering.Review;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Cli;

public sealed class ReviewTests
{
    private static AnalyzedPostmortem Analyze(string yaml)
    {
        var read = IncidentFileReader.Read(yaml, "t.yml");
        Assert.NotNull(read.Value);
        return Analyzer.Analyze(read.Value, read.Diagnostics);
    }

    [Theory]
    [InlineData(50, new[] { 2, 10, 15, 10, 5, 5, 3 })]
    [InlineData(100, new[] { 4, 20, 30, 20, 10, 10, 6 })]
    [InlineData(30, new[] { 1, 6, 9, 6, 3, 3, 2 })]
    public void The_agenda_scales_the_seed_segments_to_the_meeting_length(int total, int[] expected)
    {
        var minutes = AgendaRenderer.Scale(total);
        Assert.Equal(expected, minutes);
        Assert.Equal(total, minutes.Sum());
    }

    [Fact]
    public void Agenda_minutes_always_add_up()
    {
        for (var total = 7; total <= 240; total++)
        {
            Assert.Equal(total, AgendaRenderer.Scale(total).Sum());
        }
    }

    [Fact]
    public void The_customer_summary_names_no_one_and_passes_the_linter()
    {
        var pm = Analyze("""
            title: Search outage
            date: 2024-03-03
            timeZone: Europe/Berlin
            summary: Priya restarted the primary and search returned errors for 20 minutes.
            resolution: "@priya promoted the replica; search recovered."
            impact:
              usersAffected: About 30% of searches failed
            team:
              roster:
                - name: Priya
                  role: Search engineer
                  handles: ['@priya']
            notes: |
              10:00 Search errors reported by customers
              10:20 Search resolved
            actions:
              - action: Add a replica-lag guard to the restart script
                type: prevent
              - action: Clean up old dashboards
                type: process
            """);

        var text = CommsRenderer.Customer(pm, DateTimeZoneProviders.Tzdb["America/New_York"]);

        Assert.DoesNotContain("Priya", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        Assert.Contains("The search engineer restarted the primary", text, StringComparison.Ordinal);
        Assert.Contains("04:00 ET to 04:20 ET (09:00–09:20 UTC)", text, StringComparison.Ordinal);
        Assert.Contains("replica-lag guard", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dashboards", text, StringComparison.Ordinal);
        Assert.Empty(Linter.LintFile("customer.md", text, new LintOptions { Roster = pm.Document.Team.Roster }));
    }

    [Fact]
    public void The_meridian_customer_summary_passes_the_linter()
    {
        var run = CliRunner.Run("jit", ["comms", "examples/meridian/incident.yml", "--customer"]);
        Assert.Empty(Linter.LintFile("customer.md", run.Stdout, new LintOptions()));
    }

    [Theory]
    [InlineData("done", "2024-01-01", "Done")]
    [InlineData("Open", null, "No due date")]
    [InlineData("Open", "2023-12-01", "Overdue")]
    [InlineData("In progress", "2023-12-09", "Due soon")]
    [InlineData("Open", "2023-12-20", "Open")]
    public void Followup_classifies_each_action(string status, string? due, string state)
    {
        var action = new ActionItem { Id = "1", Action = "x", Status = status, Due = due is null ? null : NodaTime.Text.LocalDatePattern.Iso.Parse(due).Value };
        Assert.Equal(state, FollowUpRenderer.State(action, new LocalDate(2023, 12, 5)));
    }

    [Fact]
    public void Draft_on_a_terminal_ends_with_the_review_questions()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Postmortem.Cli.CliApp.Run(["draft", "examples/meridian/incident.yml"], new Postmortem.Cli.CliConsole(stdout, stderr, new StringReader(string.Empty), false, ErrorIsTerminal: true));
        Assert.Equal(0, code);
        Assert.Contains("Does this capture the incident accurately?", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Does this capture", stdout.ToString(), StringComparison.Ordinal);
    }
}
