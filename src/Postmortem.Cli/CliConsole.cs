namespace Postmortem.Cli;

/// <summary>The streams a command uses, so tests can run the CLI in-process.</summary>
/// <param name="Out">Standard output: the document.</param>
/// <param name="Error">Standard error: diagnostics and prompts.</param>
/// <param name="In">Standard input.</param>
/// <param name="InputIsTerminal">True when a person is typing (the interview asks questions).</param>
/// <param name="ErrorIsTerminal">True when diagnostics go to a terminal (caret excerpts are shown).</param>
internal sealed partial record CliConsole(TextWriter Out, TextWriter Error, TextReader In, bool InputIsTerminal, bool ErrorIsTerminal)
{
    /// <summary>The process's streams; those that reach a terminal drop control sequences from what is written (<see cref="TerminalWriter"/>).</summary>
    public static CliConsole System() =>
        new(
            Console.IsOutputRedirected ? Console.Out : new TerminalWriter(Console.Out),
            Console.IsErrorRedirected ? Console.Error : new TerminalWriter(Console.Error),
            Console.In,
            !Console.IsInputRedirected,
            !Console.IsErrorRedirected);
}
