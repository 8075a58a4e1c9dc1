using System.CommandLine;
using System.Reflection;
using Postmortem.Analysis.Check;
using Postmortem.Analysis.Lint;
using Postmortem.Diagnostics;
using Postmortem.Rendering.Lint;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem check FILE</c>: completeness, key timestamps, lint, action items and follow-up in one CI report.</summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "Incident files (.yml) or Markdown postmortems", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "text, json or sarif", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when a finding reaches this level: info, warning (default) or error" };
        failOn.AcceptOnlyFromAmong("info", "warning", "error");
        var config = CommonOptions.Config();
        var output = CommonOptions.Output();
        var command = new Command("check", "One report for CI: template completeness, key timestamps, blameless lint, action items, follow-up")
        {
            files, format, failOn, config, output,
        };
        command.SetAction(p => Run(console, p.GetValue(files)!, p.GetValue(format)!, p.GetValue(failOn), p.GetValue(config), p.GetValue(output)));
        return command;
    }

    private static int Run(CliConsole console, string[] files, string format, string? failOnText, string? configPath, string? output)
    {
        var (options, configDiagnostics) = CommonOptions.LoadConfig(configPath, Path.GetDirectoryName(Path.GetFullPath(files[0])) ?? ".");
        if (DiagnosticPrinter.HasErrors(configDiagnostics))
        {
            DiagnosticPrinter.Print(configDiagnostics, console);
            return ExitCodes.InputError;
        }

        var failOn = failOnText is null ? options.Lint.FailOn : Enum.Parse<LintSeverity>(failOnText, ignoreCase: true);
        var findings = new List<LintFinding>();
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                DiagnosticPrinter.Print([DiagnosticCatalog.FileUnreadable(file, e.Message)], console);
                return ExitCodes.InputError;
            }

            var (found, diagnostics) = Checker.CheckFile(file, text, options);
            DiagnosticPrinter.Print(diagnostics, console);
            if (DiagnosticPrinter.HasErrors(diagnostics))
            {
                return ExitCodes.InputError;
            }

            findings.AddRange(found);
        }

        var version = typeof(CheckCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var rendered = format switch
        {
            "json" => LintRenderer.Json(findings),
            "sarif" => LintRenderer.Sarif(findings, version),
            _ => LintRenderer.Text(findings),
        };
        if (OutputTarget.Write(output, rendered, console) is { } failure)
        {
            DiagnosticPrinter.Print([failure], console);
            return ExitCodes.InputError;
        }

        return findings.Any(f => f.Severity >= failOn) ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
