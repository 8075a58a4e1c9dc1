using System.Text;
using NodaTime;
using Postmortem.Analysis;
using Postmortem.Cli;
using Postmortem.Ingest.Notes;
using Postmortem.Model;
using Postmortem.Rendering.Html;
using Postmortem.Rendering.Json;
using Postmortem.Rendering.Markdown;

namespace Postmortem.Tests.Rendering;

/// <summary>Issue 9, "Scale of valid input": a long timeline is written as it is rendered, never held whole.</summary>
public sealed class StreamedOutputTests
{
    private static AnalyzedPostmortem Long(int rows)
    {
        var notes = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            notes.Append(CultureInfoFree($"2024-03-12 {i / 3600 % 24:D2}:{i / 60 % 60:D2}:{i % 60:D2} UTC checkout errors on host web-{i % 40}, é\n"));
        }

        var extracted = NotesExtractor.Extract(notes.ToString(), new NotesOptions { File = "n.md", DefaultZone = DateTimeZone.Utc, AnchorDate = new LocalDate(2024, 3, 12) });
        var document = new PostmortemDocument { SourceFile = "n.md", Type = PostmortemType.Incident, Title = "t", TimeZone = DateTimeZone.Utc, Events = extracted.Events };
        return Analyzer.Analyze(document, extracted.Diagnostics, new AnalysisOptions { TimelineOnly = true });
    }

    private static string CultureInfoFree(FormattableString s) => FormattableString.Invariant(s);

    [Fact]
    public void The_json_of_a_long_timeline_reaches_the_stream_in_pieces_and_is_the_same_as_the_string()
    {
        // Given a timeline of 20,000 rows (about 10 MB of JSON)
        var pm = Long(20_000);
        var output = new RecordingStream();

        // When it is written to a stream
        JsonRenderer.WriteTimeline(pm, output);

        // Then it arrived in many writes of at most a few hundred KB, and is the same JSON as the string form
        Assert.True(output.Writes > 20, $"{output.Writes} writes");
        Assert.InRange(output.Largest, 1, 512 * 1024);
        Assert.Equal(JsonRenderer.RenderTimeline(pm), Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal(JsonRenderer.Render(pm), Encoding.UTF8.GetString(Write(s => JsonRenderer.Write(pm, s))));
    }

    [Fact]
    public void The_markdown_of_a_long_timeline_is_written_a_few_rows_at_a_time()
    {
        var pm = Long(20_000);
        var writer = new RecordingWriter();
        IncidentMarkdownRenderer.RenderTimeline(pm, writer);
        Assert.True(writer.Writes > 10, $"{writer.Writes} writes");
        Assert.Equal(IncidentMarkdownRenderer.RenderTimeline(pm), writer.ToString());
    }

    [Fact]
    public void The_html_of_a_long_timeline_reaches_the_stream_in_pieces_and_its_figure_stays_small()
    {
        // Given a timeline of 20,000 rows
        var pm = Long(20_000);
        var output = new RecordingStream();

        // When its page is written to a stream
        new HtmlPostmortemRenderer().WriteTimeline(pm, output);

        // Then the table arrived in many writes, and the figure draws one dot per pixel column, not one per event
        Assert.True(output.Writes > 20, $"{output.Writes} writes");
        Assert.InRange(output.Largest, 1, 512 * 1024);
        var dots = System.Text.RegularExpressions.Regex.Count(TimelineSvg.Svg(pm), "<circle");
        Assert.InRange(dots, 100, 1000);
    }

    [Fact]
    public void Utf8_split_between_writes_reaches_the_console_whole()
    {
        var text = new StringWriter();
        var bytes = Encoding.UTF8.GetBytes("é—ok");
        using (var stream = new TextWriterStream(text))
        {
            foreach (var b in bytes)
            {
                stream.WriteByte(b);
            }
        }

        Assert.Equal("é—ok", text.ToString());
    }

    private static byte[] Write(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return buffer.ToArray();
    }

    private sealed class RecordingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public int Largest { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            Largest = Math.Max(Largest, count);
            base.Write(buffer, offset, count);
        }
    }

    private sealed class RecordingWriter : StringWriter
    {
        public int Writes { get; private set; }

        public override void Write(StringBuilder? value)
        {
            Writes++;
            base.Write(value);
        }
    }
}
