using NodaTime;
using Postmortem.Analysis;
using Postmortem.Cli;
using Postmortem.Ingest.Exports;
using Postmortem.Model;

namespace Postmortem.Tests.Cli;

public sealed class ExportProgressTests
{
    private static PostmortemDocument Document() => new()
    {
        SourceFile = "t", Type = PostmortemType.Incident, Title = "t", TimeZone = DateTimeZone.Utc,
        Sources = [new("tests/Postmortem.Tests/Fixtures/exports/pagerduty-log-entries.json", [], false, null, new Dictionary<string, string>(), 0, 0)],
    };

    private static PostmortemDocument Attach(CliConsole console)
    {
        var progress = new ExportProgress(console, TimeSpan.Zero);
        var read = ExportAssembler.AttachAsync(Document(), string.Empty, KindLexicon.Default, progress.Report).GetAwaiter().GetResult();
        progress.Done();
        return read.Value!;
    }

    [Fact]
    public void Progress_is_shown_on_a_terminal_and_cleared_afterwards()
    {
        using var error = new StringWriter();
        var console = new CliConsole(TextWriter.Null, error, TextReader.Null, InputIsTerminal: false, ErrorIsTerminal: true);
        var document = Attach(console);
        Assert.Equal(5, document.Events.Count);
        var shown = error.ToString();
        Assert.Contains("\rreading tests/Postmortem.Tests/Fixtures/exports/pagerduty-log-entries.json: 0 MB", shown);
        Assert.EndsWith("\r", shown); // the line is wiped so diagnostics and output start clean
    }

    [Fact]
    public void No_progress_when_standard_error_is_not_a_terminal()
    {
        using var error = new StringWriter();
        var console = new CliConsole(TextWriter.Null, error, TextReader.Null, InputIsTerminal: false, ErrorIsTerminal: false);
        Attach(console);
        Assert.Empty(error.ToString());
    }
}
