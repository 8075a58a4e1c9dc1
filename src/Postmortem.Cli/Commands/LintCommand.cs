using System.CommandLine;
using Postmortem.Analysis.Lint;
using Postmortem.Rendering.Lint;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem lint FILE...</c>: blameless-writing rules over incident files and Markdown postmortems.</summary>
internal static class LintCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "Incident files (.yml) or Markdown documents", Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.FindingsFormat();
        var failOn = CommonOptions.FailOn();
        var fix = new Option<bool>("--fix") { Description = "Rewrite roster names and @handles as roles and remove hindsight words, in place" };
        var dryRun = new Option<bool>("--dry-run") { Description = "With --fix: print the diff instead of writing" };
        var config = CommonOptions.Config();
        var output = CommonOptions.Output();
        var command = new Command("lint", "Check postmortems for blame: counterfactuals, 'human error', names, hindsight, actions aimed at people")
        {
            files, format, failOn, fix, dryRun, config, output,
        };
        command.SetAction(p => Run(console, p.GetValue(files)!, p.GetValue(format)!, p.GetValue(failOn), p.GetValue(fix), p.GetValue(dryRun), p.GetValue(config), p.GetValue(output)));
        return command;
    }

    private static int Run(CliConsole console, string[] files, string format, string? failOnText, bool fix, bool dryRun, string? configPath, string? output)
    {
        var (options, configDiagnostics) = CommonOptions.LoadConfig(configPath, Path.GetDirectoryName(Path.GetFullPath(files[0])) ?? ".");
        if (DiagnosticPrinter.HasErrors(configDiagnostics))
        {
            DiagnosticPrinter.Print(configDiagnostics, console);
            return ExitCodes.InputError;
        }

        var lint = options.Lint;
        if (failOnText is not null)
        {
            lint = lint with { FailOn = Enum.Parse<LintSeverity>(failOnText, ignoreCase: true) };
        }

        var findings = new List<LintFinding>();
        foreach (var file in files)
        {
            if (CommonOptions.ReadText(console, file) is not { } text)
            {
                return ExitCodes.InputError;
            }

            var (found, unread) = Linter.LintFileWithDiagnostics(file, text, lint);
            if (unread.Count > 0)
            {
                // Malformed YAML or a reading limit passed (PM0002, PM0010, PM0011): an input error, never a quiet 0.
                DiagnosticPrinter.Print(unread, console);
                return ExitCodes.InputError;
            }

            if (fix)
            {
                var (fixedText, edits) = LintFixer.FixFile(file, text, lint);
                if (edits > 0 && dryRun)
                {
                    console.Out.Write(FixDiff.Render(file, text, fixedText));
                    findings.AddRange(found);
                    continue;
                }

                if (edits > 0 && OutputTarget.Write(file, fixedText, console) is { } failure)
                {
                    DiagnosticPrinter.Print([failure], console);
                    return ExitCodes.InputError;
                }

                console.Error.WriteLine($"{file}: {edits} fix(es) applied");
                found = Linter.LintFile(file, fixedText, lint);
            }

            findings.AddRange(found);
        }

        if (!(fix && dryRun))
        {
            if (!CommonOptions.EmitFindings(console, output, format, findings))
            {
                return ExitCodes.InputError;
            }
        }

        return findings.Any(f => f.Severity >= lint.FailOn) ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
