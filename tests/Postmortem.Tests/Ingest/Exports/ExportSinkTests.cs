using NodaTime;
using Postmortem.Ingest.Exports;
using Postmortem.Model;

namespace Postmortem.Tests.Ingest.Exports;

/// <summary>
/// Issue 9, scale: the sink keeps each event's raw text as a range of shared UTF-8 chunks and one string per actor;
/// what an event says and cites must be exactly what was read.
/// </summary>
public sealed class ExportSinkTests
{
    private static readonly ExportInstant At = new(Instant.FromUtc(2024, 3, 12, 9, 0), "UTC");

    [Theory]
    [InlineData("#incident ts 1710234000.000100 U1: rolled back the deploy")]
    [InlineData("#vorfall ts 1710234000.000100 U2: Rückgängig gemacht — 回滚 😀")] // Two-, three- and four-byte characters.
    [InlineData("ts 1710234000.000100 U3: a lone surrogate \ud800 stays as read")] // Not valid UTF-16: kept as its own string.
    [InlineData("")]
    public void An_events_raw_text_text_and_written_time_are_exactly_as_read(string raw)
    {
        // Given a sink
        var events = new List<TimelineEvent>();
        var sink = new ExportSink("export.json", "Slack", new ExportOptions()).Into(events);
        var text = raw.Length > 26 ? raw[26..] : "something happened";

        // When an event is added with that raw text
        sink.Add(At, "1710234000.000100", text, null, "slack message", "U1", 3, 5, raw);

        // Then it cites it, says it and keeps its written time verbatim
        var e = Assert.Single(events);
        Assert.Equal(raw, e.Provenance.RawText);
        Assert.Equal(text, e.Text);
        Assert.Equal("1710234000.000100", e.WrittenTime);
        Assert.Equal(new Provenance("export.json", 3, 5, raw) { Input = "export.json" }, e.Provenance);
    }

    [Fact]
    public void Raw_texts_filling_several_chunks_each_read_back_whole()
    {
        // Given raw texts of up to the longest kept (MaxText chars of three UTF-8 bytes each), more than one chunk's worth
        var events = new List<TimelineEvent>();
        var sink = new ExportSink("export.json", "PagerDuty", new ExportOptions()).Into(events);
        var raws = Enumerable.Range(0, 400).Select(i => new string((char)('€' + (i % 7)), 1 + (i * 37 % ExportSink.MaxText))).ToList();

        // When each is an event
        foreach (var (raw, i) in raws.Select((r, i) => (r, i)))
        {
            sink.Add(At, "09:00", "text " + i, EventKind.Alert, "rule", null, i + 1, 1, raw);
        }

        // Then each reads back as written, in a chunk shared with others
        Assert.Equal(raws, events.Select(e => e.Provenance.RawText));
        Assert.True(raws.Sum(r => r.Length * 3) > 1 << 20, "the raw texts should need more than one chunk");
    }

    [Fact]
    public void A_persons_messages_share_one_actor_string()
    {
        // Given two messages by the same person, read as two strings
        var events = new List<TimelineEvent>();
        var sink = new ExportSink("export.json", "Slack", new ExportOptions()).Into(events);

        // When both are added
        sink.Add(At, "1", "first", null, "slack message", new string("U1".AsSpan()), 1, 1, "ts 1 U1: first");
        sink.Add(At, "2", "second", null, "slack message", new string("U1".AsSpan()), 2, 1, "ts 2 U1: second");

        // Then they name the same person with one string
        Assert.Equal("U1", events[0].Actor);
        Assert.Same(events[0].Actor, events[1].Actor);
    }
}
