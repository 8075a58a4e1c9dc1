using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Postmortem.Analysis.Lint;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Lint;

public sealed class LintOutputTests : IDisposable
{
    private const string SchemaVariable = "POSTMORTEM_SARIF_SCHEMA";
    private readonly string temp = Directory.CreateTempSubdirectory("postmortem-lint-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void Sarif_output_is_valid_against_the_official_SARIF_2_1_0_schema()
    {
        // CI installs the OASIS schema from the npm registry (.ci/run); a local run without it checks the
        // structure below instead and says so here.
        var schemaPath = TestEnvironment.Required(System.Environment.GetEnvironmentVariable(SchemaVariable) ?? string.Empty, p => p.Length > 0 && File.Exists(Path.GetFullPath(p, Repo.Root)),
            $"{SchemaVariable} does not name the SARIF 2.1.0 schema (.ci/run installs it)");

        var run = CliRunner.Run("jit", ["lint", "examples/lint/needs-work.md", "--format", "sarif"]);
        // The OASIS schema declares draft-04, which JsonSchema.Net does not implement. It uses no keyword whose
        // meaning changed since (no exclusiveMinimum/Maximum; only local $refs), so it is read as draft-07.
        var node = JsonNode.Parse(File.ReadAllText(Path.GetFullPath(schemaPath, Repo.Root)))!.AsObject();
        node["$schema"] = "http://json-schema.org/draft-07/schema#";
        node.Remove("id");
        var schema = JsonSchema.FromText(node.ToJsonString());
        var result = schema.Evaluate(JsonDocument.Parse(run.Stdout).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        // The check has teeth: a level SARIF does not define is rejected.
        var broken = JsonNode.Parse(run.Stdout)!;
        broken["runs"]![0]!["results"]![0]!["level"] = "fatal";
        Assert.False(schema.Evaluate(JsonDocument.Parse(broken.ToJsonString()).RootElement).IsValid);
    }

    [Fact]
    public void Sarif_output_has_what_code_scanning_reads()
    {
        var run = CliRunner.Run("jit", ["lint", "examples/lint/needs-work.md", "--format", "sarif"]);
        var log = JsonNode.Parse(run.Stdout)!;
        Assert.Equal("2.1.0", (string?)log["version"]);
        var sarifRun = log["runs"]![0]!;
        Assert.Equal("postmortem", (string?)sarifRun["tool"]!["driver"]!["name"]);
        var rules = sarifRun["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), rules.Select(r => (string?)r!["id"]));
        var first = sarifRun["results"]![0]!;
        Assert.Equal("PM1007", (string?)first["ruleId"]);
        Assert.Equal(rules.Select(r => (string?)r!["id"]).ToList().IndexOf("PM1007"), (int)first["ruleIndex"]!);
        var region = first["locations"]![0]!["physicalLocation"]!["region"]!;
        Assert.Equal((8, 1, 6), ((int)region["startLine"]!, (int)region["startColumn"]!, (int)region["endColumn"]!));
        Assert.Equal("examples/lint/needs-work.md", (string?)first["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
    }

    [Fact]
    public void Json_findings_carry_file_line_column_rule_severity_message_and_suggestion()
    {
        var run = CliRunner.Run("jit", ["lint", "examples/lint/needs-work.md", "--format", "json"]);
        var first = JsonNode.Parse(run.Stdout)!.AsArray()[0]!;
        Assert.Equal(["file", "line", "column", "rule", "name", "severity", "message", "suggestion"], first.AsObject().Select(p => p.Key));
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void A_clean_file_exits_0_and_fail_on_error_ignores_warnings()
    {
        Assert.Equal(0, CliRunner.Run("jit", ["lint", "examples/meridian/incident.yml"]).ExitCode);
        var file = Path.Combine(temp, "warn.md");
        File.WriteAllText(file, "The team just rolled back.\n");
        Assert.Equal(1, CliRunner.Run("jit", ["lint", file]).ExitCode);
        Assert.Equal(0, CliRunner.Run("jit", ["lint", file, "--fail-on", "error"]).ExitCode);
    }

    [Fact]
    public void Suppressions_switch_rules_off_and_on()
    {
        var text = "<!-- postmortem-disable hindsight -->\nWe just rolled back.\n\n<!-- postmortem-enable hindsight -->\nWe just restarted.\n\n<!-- postmortem-disable -->\nIt was human error.\n";
        var findings = Linter.LintFile("s.md", text, new LintOptions());
        var finding = Assert.Single(findings);
        Assert.Equal((LintRules.Hindsight, 5), (finding.Rule, finding.Line));
    }

    [Fact]
    public void Code_block_quotes_and_inline_code_are_not_prose()
    {
        var text = "> It was human error, he said.\n\n```\nhuman error\n```\n\nThe log said `human error` and \"human error\".\n";
        Assert.Empty(Linter.LintFile("q.md", text, new LintOptions()));
    }

    [Fact]
    public void Incident_file_findings_point_into_the_yaml_and_skip_raw_notes()
    {
        var yaml = "title: T\nnotes: |\n  Priya said this was human error.\nsummary: >\n  The deploy was\n  obviously the trigger.\nactions:\n  - action: Be more careful\n";
        var findings = Linter.LintFile("i.yml", yaml, new LintOptions());
        Assert.Equal([("PM1006", 6, 3), ("PM1010", 8, 13)], findings.Select(f => (f.Rule.Id, f.Line, f.Column)));
    }

    [Fact]
    public void Fix_rewrites_names_as_roles_and_removes_hindsight_words_in_place()
    {
        var file = Path.Combine(temp, "fix.md");
        File.WriteAllText(file, "Obviously, Priya rolled back.\nThe cache was clearly cold when @priya paged Sam.\n");
        File.WriteAllText(Path.Combine(temp, ".postmortem.yml"), "roster:\n  - name: Priya\n    role: Senior engineer\n    handles: ['@priya']\n  - name: Sam\n    role: Database engineer\n");

        var run = CliRunner.Run("jit", ["lint", file, "--fix"]);

        Assert.Equal("The senior engineer rolled back.\nThe cache was cold when the senior engineer paged the database engineer.\n", File.ReadAllText(file));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["fix.md", ".postmortem.yml"], Directory.GetFiles(temp).Select(Path.GetFileName).OrderDescending());
    }

    [Fact]
    public void A_bad_rule_name_in_the_config_is_an_input_error()
    {
        var (_, diagnostics) = Postmortem.Config.ConfigFile.Read("rules:\n  hindsigt: off\n", ".postmortem.yml");
        var d = Assert.Single(diagnostics);
        Assert.Equal(("PM0003", 2, 3), (d.Code, d.Line, d.Column));
        Assert.Contains("did you mean 'hindsight'", d.Message, StringComparison.Ordinal);
    }
}
