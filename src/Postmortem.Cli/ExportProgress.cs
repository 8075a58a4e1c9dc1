using System.Diagnostics;

namespace Postmortem.Cli;

/// <summary>Shows how far the reading of exports has got on standard error, when it is a terminal and the work takes a while.</summary>
/// <remarks>Given to the facade as <see cref="PipelineOptions.Progress"/>; progress appears once the work has taken
/// <c>showAfter</c> (default one second), and <see cref="Done"/> wipes the line.</remarks>
internal sealed class ExportProgress
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    private readonly CliConsole console;
    private readonly TimeSpan after;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan last = TimeSpan.Zero;
    private bool shown;

    /// <summary>Creates the display for <paramref name="console"/>.</summary>
    public ExportProgress(CliConsole console, TimeSpan? showAfter = null)
    {
        this.console = console;
        after = showAfter ?? TimeSpan.FromSeconds(1);
    }

    /// <summary>Told the export being read and the bytes read so far.</summary>
    public void Report(string source, long bytes)
    {
        var now = clock.Elapsed;
        if (!console.ErrorIsTerminal || now < after || (shown && now - last < Every))
        {
            return;
        }

        last = now;
        shown = true;
        var rate = bytes / 1e6 / Math.Max(now.TotalSeconds, 0.001);
        console.Error.Write($"\rreading {source}: {bytes / 1e6:0} MB ({rate:0} MB/s)   ");
    }

    /// <summary>Wipes the progress line, so that diagnostics and output start clean.</summary>
    public void Done()
    {
        if (shown)
        {
            console.Error.Write("\r" + new string(' ', 72) + "\r");
        }
    }
}
