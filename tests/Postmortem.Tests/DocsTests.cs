using System.Reflection;
using System.Text.RegularExpressions;
using Postmortem.Diagnostics;

namespace Postmortem.Tests;

/// <summary>Docs are part of the change: these keep the reference pages true to the code.</summary>
public sealed partial class DocsTests
{
    [Fact]
    public void Every_diagnostic_code_is_documented_with_its_severity()
    {
        var doc = File.ReadAllText("docs/diagnostics.md");
        foreach (var diagnostic in AllCatalogDiagnostics())
        {
            var word = Diagnostic.SeverityWord(diagnostic.Severity);
            Assert.Matches($@"\| {diagnostic.Code} \| {word} \|", doc);
        }
    }

    [Fact]
    public void The_documented_codes_all_exist()
    {
        var codes = AllCatalogDiagnostics().Select(d => d.Code).ToHashSet();
        foreach (Match m in DocumentedCode().Matches(File.ReadAllText("docs/diagnostics.md")))
        {
            Assert.Contains(m.Groups[1].Value, codes);
        }
    }

    [Fact]
    public void The_readme_commands_and_ci_use_the_same_test_command()
    {
        var readme = File.ReadAllText("README.md");
        var ci = File.ReadAllText(".ci/run");
        Assert.Contains("dotnet test", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/Postmortem.Cli -- draft examples/meridian/incident.yml", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test Postmortem.slnx", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test Postmortem.slnx", ci, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lexicon_table_in_the_docs_matches_the_code()
    {
        var doc = File.ReadAllText("docs/analysis.md");
        foreach (var entry in Postmortem.Analysis.KindLexicon.BuiltIn)
        {
            Assert.Contains(entry.Pattern.Replace("|", " \\| ", StringComparison.Ordinal), doc, StringComparison.Ordinal);
        }
    }

    // Calls every factory of the catalog with placeholder arguments to learn its code and severity.
    private static IEnumerable<Diagnostic> AllCatalogDiagnostics() =>
        typeof(DiagnosticCatalog).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(Diagnostic))
            .Select(m => (Diagnostic)m.Invoke(null, m.GetParameters().Select(Sample).ToArray())!);

    private static object Sample(System.Reflection.ParameterInfo p) =>
        p.ParameterType == typeof(int) ? 1 : p.ParameterType == typeof(string) ? "x" : new[] { "x" };

    [GeneratedRegex(@"\| (PM\d{4}) \|")]
    private static partial Regex DocumentedCode();

    // A control character in a pattern is invisible in review and changes what it matches: a backspace where "\b" was meant
    // made the monitoring tags' guard match nothing (thirty-fifth session). Sources and docs hold none but tab and line ends.
    [Fact]
    public void No_source_or_doc_holds_a_control_character()
    {
        static IEnumerable<string> Sources(string folder) => Directory.EnumerateFiles(Support.Repo.PathOf(folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));
        var files = Sources("src").Concat(Sources("tests")).Concat(Directory.EnumerateFiles(Support.Repo.PathOf("docs"), "*.md"));
        var bad = files.Where(f => File.ReadAllText(f).Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'))).Select(Path.GetFileName);
        Assert.Empty(bad);
    }
}
