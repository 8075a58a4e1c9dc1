using System.Diagnostics;
using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The readings of the twenty-sixth session (`s26-forms`, docs/accuracy.md): a span written again in brackets in another zone, a
/// clock before "tonight", four-digit clocks after "between", a window or moment written twice, "every"/"of the month" windows.
/// The forms themselves are rows of docs/notes-format.md; these are the edges, and a long hostile line for each new pass.
/// </summary>
public sealed class Forms26Tests
{
    private static NotesResult Extract(string notes) =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 3, 5), DefaultZone = DateTimeZoneProviders.Tzdb["UTC"] });

    [Fact]
    public void A_clock_before_tonight_in_a_chat_keeps_the_chat_reading()
    {
        // A message posted after midnight: "tonight" is the evening before, which the chat reading finds from the message's own clock.
        var result = Extract("[3/6 12:04 AM] Dana Reyes\nthe quota filled after the change we shipped at 9:15 tonight\n[3/6 12:10 AM] Lee Park\nraising the quota");
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 3, 5, 21, 15));
    }

    [Fact]
    public void A_bracketed_span_of_another_length_is_a_second_window()
    {
        // "(19:00 - 21:00 UTC)" is two hours, the first window one: not the same span written again.
        var result = Extract("Time (PDT): 12:00 PM - 1:00 PM (19:00 - 21:00 UTC)");
        Assert.Equal(2, result.Events.Count);
    }

    [Theory]
    [InlineData("Between 1200 and 1500 customers lost service.")]
    [InlineData("The archive holds papers from between 1990 and 2005.")]
    public void Counts_and_years_after_between_are_no_window(string line) => Assert.Empty(Extract(line).Events);

    [Fact]
    public void Two_things_at_the_same_minute_stay_two_events()
    {
        var result = Extract("14:06 the API stopped\n14:06 the pager fired");
        Assert.Equal(2, result.Events.Count);
    }

    [Theory]
    [InlineData("between 0700 and 0900 ")]
    [InlineData("every Sunday 10:00 ")]
    [InlineData("(09:43) 09:43:01 ")]
    public void A_long_hostile_line_is_read_quickly(string piece)
    {
        var line = string.Concat(Enumerable.Repeat(piece, 70_000 / piece.Length));
        var watch = Stopwatch.StartNew();
        _ = Extract(line);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed} on a {line.Length}-character line of \"{piece.Trim()}\"");
    }
}
