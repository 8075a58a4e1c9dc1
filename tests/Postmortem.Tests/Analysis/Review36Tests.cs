using NodaTime;
using Postmortem.Ingest.Notes;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Review35b's lower findings, fixed by the lead in the thirty-sixth session (docs/accuracy.md): an approximate word between
/// "between" and an evening window's start, and a dotted English span whose zone is written once after its end. Sentences of our own.
/// </summary>
public sealed class Review36Tests
{
    private static string At(TimelineEvent e) => e.Time.ToString("MM-dd HH:mm", null);

    private static string? End(TimelineEvent e) => e.EndTime?.ToString("MM-dd HH:mm", null);

    private static IReadOnlyList<TimelineEvent> Events(string notes) =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2023, 11, 24), DefaultZone = DateTimeZoneProviders.Tzdb["UTC"] }).Events;

    [Theory]
    [InlineData("- 10:05 Last night, between about 9:50 and 11:10 the import queue stalled for every tenant.", "11-23 21:50", "11-23 23:10")]
    [InlineData("- 10:05 Last night between around 9:50 and 11:10 UTC the import queue stalled.", "11-23 21:50", "11-23 23:10")]
    [InlineData("- 10:05 Last night between roughly 11:30 and 12:10 the VPN was down for everyone.", "11-23 23:30", "11-24 00:10")]
    // Review36 L2: "approximately" is longer than the sixteen characters once looked at.
    [InlineData("- 10:06 Last night, between approximately 9:50 and 11:10 the VPN was down.", "11-23 21:50", "11-23 23:10")]
    public void An_approximate_word_after_between_keeps_the_evening_window(string notes, string start, string end)
    {
        var e = Assert.Single(Events(notes), e => e.EndTime is not null);
        Assert.Equal((start, end), (At(e), End(e)));
    }

    [Theory]
    [InlineData("Between 9.50 and 11.10 UTC the checkout API returned errors.", "11-24 09:50", "11-24 11:10")]
    [InlineData("From 20.05 to 21.40 GMT card payments were declined.", "11-24 20:05", "11-24 21:40")]
    [InlineData("Between about 9.50 and 11.10 UTC the checkout API returned errors.", "11-24 09:50", "11-24 11:10")]
    public void A_dotted_span_whose_zone_follows_its_end_reads_both_clocks(string notes, string start, string end)
    {
        var e = Assert.Single(Events(notes));
        Assert.Equal((start, end), (At(e), End(e)));
    }

    [Theory]
    [InlineData("Between 1.10 and 1.20 GB of logs were written per hour.")]
    [InlineData("We moved from 3.10 to 3.12 of the client library.")]
    // Review36 M2: a capital word ending in T after the end is no zone.
    [InlineData("Error rate went from 0.50 to 3.20 POST requests per second failing.")]
    [InlineData("Prices moved from 1.50 to 2.30 USDT overnight.")]
    public void Dotted_numbers_that_are_no_span_stay_numbers(string notes) => Assert.Empty(Events(notes));

    [Fact]
    public void A_bound_date_still_leaves_the_day_in_force()
    {
        const string notes = "Customers who signed up before November 20 were not affected.\n\n- 14:10 Sign-ups started failing.\n";
        Assert.Equal("11-24 14:10", At(Assert.Single(Events(notes))));
    }
}
