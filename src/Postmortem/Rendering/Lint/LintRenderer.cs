using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Postmortem.Analysis.Lint;
using Postmortem.Diagnostics;

namespace Postmortem.Rendering.Lint;

/// <summary>Writes lint findings as text, JSON or SARIF 2.1.0.</summary>
internal static class LintRenderer
{
    private static readonly LintJsonContext Context = new(new JsonSerializerOptions(LintJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary><c>file:line:col: severity RULE message</c>, one per line, then a suggestion line.</summary>
    public static string Text(IEnumerable<LintFinding> findings)
    {
        var b = new StringBuilder();
        foreach (var f in findings)
        {
            b.Append(f.File).Append(':').Append(f.Line).Append(':').Append(f.Column).Append(": ")
                .Append(Level(f.Severity)).Append(' ').Append(f.Rule.Id).Append(' ').Append(f.Message)
                .Append(" (").Append(f.Rule.Name).Append(")\n")
                .Append("    suggestion: ").Append(f.Suggestion).Append('\n');
        }

        return b.ToString();
    }

    /// <summary>An array of findings with file, line, column, rule, severity, message and suggestion.</summary>
    public static string Json(IEnumerable<LintFinding> findings) =>
        JsonSerializer.Serialize(
            findings.Select(f => new LintFindingJson(f.File, f.Line, f.Column, f.Rule.Id, f.Rule.Name, Level(f.Severity), f.Message, f.Suggestion)).ToList(),
            Context.ListLintFindingJson) + "\n";

    /// <summary>A SARIF 2.1.0 log that GitHub code scanning accepts.</summary>
    public static string Sarif(IEnumerable<LintFinding> findings, string version)
    {
        var list = findings.ToList();
        var rules = RuleCatalog.All.ToList();
        var files = list.Select(f => f.File).Distinct(StringComparer.Ordinal).ToList();
        var results = list.Select(f => new SarifResult(
            f.Rule.Id,
            rules.IndexOf(f.Rule),
            SarifLevel(f.Severity),
            new SarifText($"{f.Message}. {f.Suggestion}."),
            [new SarifLocation(new SarifPhysicalLocation(
                new SarifArtifactLocation(Uri(f.File), files.IndexOf(f.File)),
                new SarifRegion(f.Line, f.Column, f.Line, f.Column + Math.Max(1, f.Length))))])).ToList();
        var driver = new SarifDriver("postmortem", version, version.Split('+')[0], rules.Select(r => new SarifRule(
            r.Id,
            ToPascal(r.Name),
            new SarifText(System.Text.RegularExpressions.Regex.Replace(r.Message, @"\{\d\}", "…")),
            new SarifText(r.Suggestion),
            new SarifText(r.Suggestion),
            new SarifConfiguration(SarifLevel(r.DefaultSeverity)))).ToList());
        var log = new SarifLog("https://json.schemastore.org/sarif-2.1.0.json", "2.1.0",
            [new SarifRun(new SarifTool(driver), results, files.Select((f, i) => new SarifArtifact(new SarifArtifactLocation(Uri(f), i))).ToList())]);
        return JsonSerializer.Serialize(log, Context.SarifLog) + "\n";
    }

    /// <summary>The lower-case word for a severity.</summary>
    public static string Level(DiagnosticSeverity severity) => severity.ToString().ToLowerInvariant();

    private static string SarifLevel(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    // SARIF wants URIs: relative paths with forward slashes, percent-encoded where needed.
    private static string Uri(string file) =>
        string.Join('/', file.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString));

    private static string ToPascal(string name) =>
        string.Concat(name.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
}
