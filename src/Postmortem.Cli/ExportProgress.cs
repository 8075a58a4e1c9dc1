using System.Diagnostics;
using Postmortem.Analysis;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Exports;
using Postmortem.Model;

namespace Postmortem.Cli;

/// <summary>Reads a document's exports, showing progress on standard error when it is a terminal and the work takes a while.</summary>
internal static class ExportProgress
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    /// <summary>Reads the exports; progress appears once the work has taken <paramref name="showAfter"/> (default one second).</summary>
    public static (PostmortemDocument Document, IReadOnlyList<Diagnostic> Diagnostics) Attach(CliConsole console, PostmortemDocument document, string baseDirectory, AnalysisOptions options,
        TimeSpan? showAfter = null)
    {
        var after = showAfter ?? TimeSpan.FromSeconds(1);
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var shown = false;
        void Report(string source, long bytes)
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

        var result = ExportAssembler.AttachAsync(document, baseDirectory, options, Report).GetAwaiter().GetResult();
        if (shown)
        {
            console.Error.Write("\r" + new string(' ', 72) + "\r");
        }

        return result;
    }
}
