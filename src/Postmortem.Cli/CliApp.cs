using System.CommandLine;
using Postmortem.Diagnostics;
using Postmortem.Cli.Commands;

namespace Postmortem.Cli;

/// <summary>The command tree. A thin host: every command reads, calls the library, and writes.</summary>
internal static class CliApp
{
    /// <summary>The commands in the order help lists them, each made on demand.</summary>
    internal static readonly (string Name, Func<CliConsole, Command> Create)[] Commands =
    [
        ("draft", DraftCommand.Create),
        ("timeline", TimelineCommand.Create),
        ("new", NewCommand.Create),
        ("lint", LintCommand.Create),
        ("check", CheckCommand.Create),
        ("agenda", AgendaCommand.Create),
        ("comms", CommsCommand.Create),
        ("followup", console => FollowUpCommand.Create(console, NodaTime.SystemClock.Instance)),
        ("index", console => IndexCommand.Create(console, TimeProvider.System)),
        ("actions", console => ActionsCommand.Create(console, NodaTime.SystemClock.Instance)),
        ("stats", console => StatsCommand.Create(console, NodaTime.SystemClock.Instance)),
        ("sync", console => SyncCommand.Create(console, NodaTime.SystemClock.Instance)),
    ];

    public static int Run(string[] args, CliConsole console)
    {
        // A command line that names a command and has no token the whole tree would read differently runs against that
        // command alone: the eleven others, the help option (its text is read from System.CommandLine's resources) and
        // the version option are not built for it (docs/benchmarks.md, twenty-fifth session). Anything else, and any
        // command line that does not parse so, goes through the whole tree, whose errors and help are the ones printed.
        if (One(args, console) is { } one && one.Parse(args) is { Errors.Count: 0 } parsed)
        {
            return parsed.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error });
        }

        var parse = Root(console).Parse(args);
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

    /// <summary>The whole tree: every command under the root, with the root's help and version options.</summary>
    internal static RootCommand Root(CliConsole console)
    {
        var root = new RootCommand("Postmortem: turn incident evidence into a blameless postmortem (docs/cli.md).");
        foreach (var (_, create) in Commands)
        {
            root.Subcommands.Add(create(console));
        }

        return root;
    }

    /// <summary>
    /// A root holding only the command <paramref name="args"/> name first, or null when the whole tree is needed: no
    /// command named, or a token the root's own symbols could take (help, version, a directive, a response file).
    /// </summary>
    internal static Command? One(string[] args, CliConsole console)
    {
        if (args.Length == 0 || Array.FindIndex(Commands, c => c.Name == args[0]) is var index && index < 0 || args.Any(NeedsWholeTree))
        {
            return null;
        }

        return new Command("postmortem") { Commands[index].Create(console) };
    }

    /// <summary>
    /// True for a token the root's symbols could read: the help option (<c>--help</c>, <c>-h</c>, <c>/h</c>, <c>-?</c>,
    /// <c>/?</c>, also bundled or with a value), the version option, a directive (<c>[…]</c>) or a response file (<c>@…</c>).
    /// Wider than needed (any option token with an "h" in it): such a command line only takes the slower path.
    /// </summary>
    internal static bool NeedsWholeTree(string arg) =>
        arg.StartsWith('@') || arg.StartsWith('[')
        || (arg.StartsWith('-') && (arg.Contains('h', StringComparison.Ordinal) || arg.Contains('?', StringComparison.Ordinal) || arg.Contains("version", StringComparison.Ordinal)))
        || arg.StartsWith("/h", StringComparison.Ordinal) || arg.StartsWith("/?", StringComparison.Ordinal);
}
