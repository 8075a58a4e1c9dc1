using System.CommandLine;
using Postmortem.Analysis.Lint;
using Postmortem.Diagnostics;

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
        if (!CommonOptions.OutputIsNotAnInput(console, output, [.. files, configPath]))
        {
            return ExitCodes.InputError;
        }

        if (CommonOptions.LoadConfig(console, configPath, Path.GetDirectoryName(Path.GetFullPath(files[0])) ?? ".") is not { } options)
        {
            return ExitCodes.InputError;
        }

        var lint = options.Lint;
        if (failOnText is not null)
        {
            lint = lint with { FailOn = Enum.Parse<DiagnosticSeverity>(failOnText, ignoreCase: true) };
        }

        // Every file is read, checked and fixed in memory before any is rewritten: one bad file means none is.
        var problems = new List<Diagnostic>();
        var planned = new List<(string File, LintedFile Linted)>();
        foreach (var file in files)
        {
            var linted = Postmortems.Lint(file, lint, fix);
            if (linted.Value is null)
            {
                problems.AddRange(linted.Diagnostics);
                continue;
            }

            planned.Add((file, linted.Value));
        }

        if (DiagnosticPrinter.HasErrors(problems))
        {
            DiagnosticPrinter.Print(problems, console);
            if (fix && !dryRun)
            {
                console.Error.WriteLine("No file was rewritten.");
            }

            return ExitCodes.InputError;
        }

        var findings = new List<LintFinding>();
        foreach (var (file, (source, found, fixedText, edits)) in planned)
        {
            if (!fix)
            {
                findings.AddRange(found);
                continue;
            }

            if (dryRun)
            {
                if (edits > 0)
                {
                    console.Out.Write(Postmortems.FixDiff(file, source.Text, fixedText));
                }

                findings.AddRange(found);
                continue;
            }

            if (edits > 0 && OutputTarget.WriteBytes(file, source.Encode(fixedText)) is { } failure)
            {
                DiagnosticPrinter.Print([failure], console);
                return ExitCodes.InputError;
            }

            console.Error.WriteLine($"{file}: {edits} fix(es) applied");
            findings.AddRange(Postmortems.LintText(file, fixedText, lint));
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
