using Postmortem.Cli;

namespace Postmortem.Tests.Cli;

/// <summary>The process's standard input is opened only when a command reads it (<see cref="CliConsole.In"/>).</summary>
public sealed class LazyStandardInputTests
{
    [Fact]
    public void Standard_input_is_the_process_own_when_none_is_given_and_opened_only_when_read()
    {
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, In: null, InputIsTerminal: false, ErrorIsTerminal: false);
        Assert.Same(Console.In, console.In);
        using var typed = new StringReader("x");
        Assert.Same(typed, (console with { In = typed }).In);
    }
}
