using System.CommandLine;
using Postmortem.Analysis.Lint;
using Postmortem.Diagnostics;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem check FILE</c>: completeness, key timestamps, lint, action items and follow-up in one CI report.</summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "Incident files (.yml) or Markdown postmortems", Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.FindingsFormat();
        var failOn = CommonOptions.FailOn();
        var config = CommonOptions.Config();
        var output = CommonOptions.Output();
        var allow = CommonOptions.AllowOutside();
        var command = new Command("check", "One report for CI: template completeness, key timestamps, blameless lint, action items, follow-up")
        {
            files, format, failOn, config, output, allow,
        };
        command.SetAction(p => Run(console, p.GetValue(files)!, p.GetValue(format)!, p.GetValue(failOn), p.GetValue(config), p.GetValue(output), p.GetValue(allow)));
        return command;
    }

    private static int Run(CliConsole console, string[] files, string format, string? failOnText, string? configPath, string? output, string[]? allow)
    {
        if (!CommonOptions.OutputIsNotAnInput(console, output, [.. files, configPath]))
        {
            return ExitCodes.InputError;
        }

        if (CommonOptions.LoadConfig(console, configPath, Path.GetDirectoryName(Path.GetFullPath(files[0])) ?? ".") is not { } options)
        {
            return ExitCodes.InputError;
        }

        var failOn = failOnText is null ? options.Lint.FailOn : Enum.Parse<DiagnosticSeverity>(failOnText, ignoreCase: true);
        var findings = new List<LintFinding>();
        foreach (var file in files)
        {
            var checkedFile = Postmortems.Check(file, options, allow);
            DiagnosticPrinter.Print(checkedFile.Diagnostics, console);
            if (checkedFile.Value is not { } found || checkedFile.HasErrors)
            {
                return ExitCodes.InputError;
            }

            findings.AddRange(found);
        }

        if (!CommonOptions.EmitFindings(console, output, format, findings))
        {
            return ExitCodes.InputError;
        }

        return findings.Any(f => f.Severity >= failOn) ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
