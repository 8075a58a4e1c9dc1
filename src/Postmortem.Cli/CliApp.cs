using System.CommandLine;
using Postmortem.Diagnostics;
using Postmortem.Cli.Commands;

namespace Postmortem.Cli;

/// <summary>The command tree. A thin host: every command reads, calls the library, and writes.</summary>
internal static class CliApp
{
    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("Postmortem: turn incident evidence into a blameless postmortem (docs/cli.md).")
        {
            DraftCommand.Create(console),
            TimelineCommand.Create(console),
            NewCommand.Create(console),
            LintCommand.Create(console),
            CheckCommand.Create(console),
            AgendaCommand.Create(console),
            CommsCommand.Create(console),
            FollowUpCommand.Create(console, NodaTime.SystemClock.Instance),
            IndexCommand.Create(console, TimeProvider.System),
            ActionsCommand.Create(console, NodaTime.SystemClock.Instance),
            StatsCommand.Create(console, NodaTime.SystemClock.Instance),
            SyncCommand.Create(console, NodaTime.SystemClock.Instance),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // A value that does not parse (OptionValues) is PM0301; a command line of the wrong shape is PM0300.
            DiagnosticPrinter.Print(parse.Errors.Select(e => e.SymbolResult is System.CommandLine.Parsing.OptionResult or System.CommandLine.Parsing.ArgumentResult { Tokens.Count: > 0 }
                ? DiagnosticCatalog.InvalidArgument(e.Message)
                : DiagnosticCatalog.UsageError(e.Message)), console);

            console.Error.WriteLine("Run 'postmortem --help' for usage.");
            return ExitCodes.InputError;
        }

        return parse.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }
}
