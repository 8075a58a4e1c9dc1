using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// A bracket in a sentence ("We shipped [the fix] at 14:00") is the sentence's, not the stamp of a chat header
/// ("Dana [10:02 AM]: text"): the line keeps its moment. Before, "Name [x]" with up to four words before the bracket was taken
/// for a header, and the line was lost without a diagnostic.
/// </summary>
public sealed class BracketInProseTests
{
    private static NotesResult Extract(string notes) =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 3, 1), DefaultZone = DateTimeZoneProviders.Tzdb["UTC"] });

    [Theory]
    [InlineData("We shipped [the fix] at 14:00")]
    [InlineData("Release [v2] deployed at 14:00.")]
    [InlineData("Checkout [EU] errors from 14:00")]
    [InlineData("Ops team [on call] paged at 14:00")]
    public void A_bracket_in_a_sentence_keeps_the_lines_moment(string line)
    {
        var result = Extract("- 13:00 Deploy started\n" + line);
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 3, 1, 14, 0));
    }

    [Fact]
    public void A_chat_header_with_its_stamp_in_brackets_is_still_one()
    {
        var result = Extract("Dana [10:02 AM]: checkout is failing for everyone\nSam [10:05 AM]: rolling back now");
        Assert.Equal(2, result.Events.Count);
        Assert.Equal(Instant.FromUtc(2024, 3, 1, 10, 5), result.Events[1].Time);
        Assert.Equal("Sam", result.Events[1].Actor);
    }
}
