using NodaTime;
using Postmortem.Analysis.Actions;
using Postmortem.Analysis.Check;
using Postmortem.Config;
using Postmortem.Model;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Store;

/// <summary>The team's action policies (<c>actionPolicies</c>): read from the config, the same verdict in <c>check</c> and <c>actions</c>; and the digest.</summary>
[Collection(nameof(CurrentDirectory))]
public sealed class ActionPolicyTests() : InTempFolder("pm-policy-")
{
    private const string Config =
        """
        actionPolicies:
          - name: SEV-1/2 prevent and detect within 7 days
            severity: [SEV-1, SEV-2]
            type: [prevent, detect]
            dueWithinDays: 7
          - name: owner
            requireOwner: true
        """;

    private static readonly ActionPolicy Quick = new() { Name = "quick", Severities = ["SEV-1"], Types = [ActionType.Prevent], DueWithinDays = 7 };

    [Theory]
    [InlineData("SEV-1", "prevent", "2024-01-08", "open", "")]
    [InlineData("SEV-1", "prevent", "2024-01-09", "open", "quick: due 2024-01-09, after 2024-01-08 (7 days after the incident)")]
    [InlineData("SEV-1", "prevent", null, "open", "quick: no due date (due by 2024-01-08, 7 days after the incident)")]
    [InlineData("SEV-1", "prevent", "2024-03-01", "done", "")]
    [InlineData("SEV-2", "prevent", "2024-03-01", "open", "")]
    [InlineData("SEV-1", "process", "2024-03-01", "open", "")]
    [InlineData(null, "prevent", "2024-03-01", "open", "")]
    public void A_policy_holds_open_actions_of_its_severities_and_types_to_its_date(string? severity, string type, string? due, string state, string expected)
    {
        LocalDate? dueDate = due is null ? null : NodaTime.Text.LocalDatePattern.Iso.Parse(due).Value;

        var broken = PolicyCheck.Broken([Quick], severity, new LocalDate(2024, 1, 1), type, "Ops", dueDate, state);

        Assert.Equal(expected, string.Join(" | ", broken));
    }

    [Fact]
    public void The_config_reads_policies_and_refuses_a_wrong_type_or_a_policy_that_requires_nothing()
    {
        var good = ConfigFile.Read(Config, ".postmortem.yml");
        var bad = ConfigFile.Read("actionPolicies:\n  - type: [prevent, fix]\n    requireDue: true\n  - name: nothing\n    severity: SEV-1\n", ".postmortem.yml");

        Assert.Empty(good.Diagnostics);
        Assert.Equal(["SEV-1", "SEV-2"], good.Value!.ActionPolicies[0].Severities);
        Assert.Equal([ActionType.Prevent, ActionType.Detect], good.Value.ActionPolicies[0].Types);
        Assert.True(good.Value.ActionPolicies[1].RequireOwner);
        Assert.Equal([("PM0006", 2), ("PM0007", 4)], bad.Diagnostics.Select(d => (d.Code, d.Line)));
    }

    [Fact]
    public void Check_reports_the_action_that_breaks_a_policy_at_its_line()
    {
        var options = ConfigFile.Read(Config, ".postmortem.yml").Value!;
        var file = Path.Combine(Repo.Root, "examples", "meridian", "incident.yml");

        var findings = Checker.CheckFile(file, File.ReadAllText(file), options).Value!;

        var broken = Assert.Single(findings, f => f.Rule.Id == "PM1109");
        Assert.Equal(74, broken.Line);
        Assert.Contains("SEV-1/2 prevent and detect within 7 days: due 2023-12-08, after 2023-12-01", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reads_a_Markdown_record_as_the_incident_it_is_and_holds_its_actions_to_the_policies()
    {
        var options = ConfigFile.Read(Config, ".postmortem.yml").Value!;
        var markdown = Drafted(Path.Combine(Repo.Root, "examples", "meridian", "incident.yml"));
        File.WriteAllText("meridian.md", markdown);
        var line = Array.FindIndex(markdown.Split('\n'), l => l.StartsWith('|') && l.Contains("Dec 8, 2023", StringComparison.Ordinal)) + 1;

        var record = Checker.CheckFile("meridian.md", markdown, options);
        var without = Checker.CheckFile("meridian.md", markdown, new Postmortem.Analysis.AnalysisOptions { Lint = options.Lint });

        var broken = Assert.Single(record.Value!, f => f.Rule.Id == "PM1109");
        Assert.True(line > 0, "the drafted record has the action's table row");
        Assert.Equal(("meridian.md", line), (broken.File, broken.Line));
        Assert.Contains("SEV-1/2 prevent and detect within 7 days: due 2023-12-08, after 2023-12-01", broken.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(without.Value!, f => f.Rule.Id == "PM1109");

        // Read as the record it is: the template checks of an incident file (no PM1201 for a section the record has).
        Assert.DoesNotContain(record.Value!, f => f.Rule.Id == "PM1201");
    }

    [Fact]
    public void Check_holds_a_hand_written_Markdown_postmortems_actions_to_the_policies()
    {
        var options = ConfigFile.Read(Config, ".postmortem.yml").Value!;
        var markdown = Drafted(Path.Combine(Repo.Root, "examples", "meridian", "incident.yml"));

        // The same document without its front matter: what a person writes to the seed's template.
        var body = markdown[(markdown.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..].TrimStart('\n');
        var line = Array.FindIndex(body.Split('\n'), l => l.StartsWith('|') && l.Contains("Dec 8, 2023", StringComparison.Ordinal)) + 1;

        var findings = Checker.CheckFile("hand.md", body, options).Value!;

        var broken = Assert.Single(findings, f => f.Rule.Id == "PM1109");
        Assert.Equal(line, broken.Line);
        Assert.Contains("due 2023-12-08, after 2023-12-01", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Actions_lists_policy_breaks_and_exits_1_and_the_digest_counts_what_was_done_this_week()
    {
        Directory.CreateDirectory("pm");
        File.Copy(Path.Combine(Repo.Root, "examples", "meridian", "incident.yml"), Path.Combine("pm", "meridian.yml"));
        File.WriteAllText(".postmortem.yml", Config);
        CliRunner.Run("jit", ["index", "pm"]);

        var listed = CliRunner.Run("jit", ["actions", "--as-of", "2023-11-30"]);
        var set = CliRunner.Run("jit", ["actions", "set", "pm/meridian.yml#2", "--status", "done", "--note", "alert live"]);
        var today = DateTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var digest = CliRunner.Run("jit", ["actions", "--digest", "--as-of", today]);
        var weekLater = CliRunner.Run("jit", ["actions", "--digest", "--as-of", DateTime.Now.AddDays(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(1, listed.ExitCode);
        Assert.Contains("1 action breaks the team's policies (.postmortem.yml):", listed.Stdout, StringComparison.Ordinal);
        Assert.Contains("- pm/meridian.yml:74 action 1: SEV-1/2 prevent and detect within 7 days: due 2023-12-08, after 2023-12-01", listed.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, set.ExitCode);
        Assert.Equal(0, digest.ExitCode);
        Assert.Contains("1 overdue, 0 due in the next 7 days, 1 done in the last 7 days.", digest.Stdout, StringComparison.Ordinal);
        Assert.Contains($"- Add Redis connection pool utilization alert (threshold: >75% pool usage) in Datadog; route to same SEV-1 channel — Platform Team, done {today}: alert live", digest.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 done in the last 7 days.", weekLater.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_action_already_done_when_first_indexed_is_not_counted_as_done_this_week()
    {
        Directory.CreateDirectory("pm");
        var text = File.ReadAllText(Path.Combine(Repo.Root, "examples", "meridian", "incident.yml"));
        File.WriteAllText(Path.Combine("pm", "meridian.yml"), text.Replace("    factors: [no-freeze]", "    factors: [no-freeze]\n    status: done", StringComparison.Ordinal));
        CliRunner.Run("jit", ["index", "pm"]);

        var digest = CliRunner.Run("jit", ["actions", "--digest", "--as-of", DateTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Contains("0 done in the last 7 days.", digest.Stdout, StringComparison.Ordinal);
    }

    private static string Drafted(string incident)
    {
        var read = Postmortem.Postmortems.AnalyzeFileAsync(incident).GetAwaiter().GetResult();
        using var output = new MemoryStream();
        new Postmortem.Rendering.Markdown.MarkdownPostmortemRenderer().Write(read.Value!, output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}
