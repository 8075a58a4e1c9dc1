using Postmortem.Cli;

namespace Postmortem.Tests.Cli;

/// <summary>
/// A console made without standard input reads the process's own (<see cref="CliConsole.In"/>, which opens it at first use; that
/// it is not opened before is shown by the draft's profile in docs/benchmarks.md, not by this test), and one given a reader keeps it.
/// </summary>
public sealed class LazyStandardInputTests
{
    [Fact]
    public void Standard_input_is_the_process_own_when_none_is_given_and_the_given_one_otherwise()
    {
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, In: null, InputIsTerminal: false, ErrorIsTerminal: false);
        Assert.Same(Console.In, console.In);
        using var typed = new StringReader("x");
        Assert.Same(typed, (console with { In = typed }).In);
    }
}
