namespace Postmortem.Cli;

/// <summary>The streams a command uses, so tests can run the CLI in-process.</summary>
/// <param name="Out">Standard output: the document.</param>
/// <param name="Error">Standard error: diagnostics and prompts.</param>
/// <param name="In">Standard input (null: the process's own, opened at first use).</param>
/// <param name="InputIsTerminal">True when a person is typing (the interview asks questions).</param>
/// <param name="ErrorIsTerminal">True when diagnostics go to a terminal (caret excerpts are shown).</param>
internal sealed partial record CliConsole(TextWriter Out, TextWriter Error, TextReader? In, bool InputIsTerminal, bool ErrorIsTerminal)
{
    /// <summary>
    /// Standard input. The process's own is opened only when a command reads it: opening it sets up the terminal reader
    /// (≈ 1.4 % of a NativeAOT draft, docs/benchmarks.md, twenty-fifth session), which a command that reads files never needs.
    /// </summary>
    public TextReader In { get => field ??= Console.In; init; } = In;

    /// <summary>The process's streams; those that reach a terminal drop control sequences from what is written (<see cref="TerminalWriter"/>).</summary>
    public static CliConsole System() =>
        new(
            Console.IsOutputRedirected ? Console.Out : new TerminalWriter(Console.Out),
            Console.IsErrorRedirected ? Console.Error : new TerminalWriter(Console.Error),
            In: null,
            !Console.IsInputRedirected,
            !Console.IsErrorRedirected);
}
