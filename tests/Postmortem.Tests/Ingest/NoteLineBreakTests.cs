using System.Globalization;
using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// Short note lines with a clock inside ("deploy 14:20 went out") are items of their own, not one sentence wrapped across
/// lines (docs/notes-format.md, "Clock inside a short line"); prose wrapped at its usual width stays one sentence.
/// </summary>
public sealed class NoteLineBreakTests
{
    [Fact]
    public void Two_short_lines_each_with_a_clock_inside_are_two_notes()
    {
        var events = Read("Notes\ndeploy 14:20 went out to eu-west\ndeploy 15:10 rolled back after errors");
        Assert.Equal(2, events.Count);
        Assert.Equal("14:20", events[0].Time);
        Assert.Contains("eu-west", events[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("rolled back", events[0].Text, StringComparison.Ordinal);
        Assert.Equal("15:10", events[1].Time);
        Assert.Contains("rolled back", events[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("eu-west", events[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_that_ends_on_its_clock_heads_the_words_below_it()
    {
        var events = Read("deploy 14:20\nrolled back the config\ndeploy 15:10\nsecond attempt");
        Assert.Equal(["14:20", "15:10"], events.Select(e => e.Time));
        Assert.DoesNotContain("second attempt", events[0].Text, StringComparison.Ordinal);
        Assert.Contains("rolled back the config", events[0].Text, StringComparison.Ordinal);
        Assert.Contains("second attempt", events[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Prose_wrapped_at_its_width_stays_one_sentence()
    {
        var events = Read("At 14:20 UTC the first deploy of the release train went out to the\nEU region, and at 14:25 UTC errors rose in checkout.");
        Assert.Equal(["14:20", "14:25"], events.Select(e => e.Time));
        Assert.Contains("EU region", events[0].Text, StringComparison.Ordinal);
        Assert.Contains("errors rose", events[1].Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_short_line_that_ends_waiting_for_a_word_stays_joined()
    {
        // "… at" waits for what follows: the line below is not a note of its own even with a clock inside.
        var events = Read("Checkout broke at 14:20 and at\nlunch 12:55 the day before too");
        Assert.DoesNotContain(events, e => e.Text.StartsWith("lunch", StringComparison.OrdinalIgnoreCase));
    }

    private static List<(string Time, string Text)> Read(string notes)
    {
        var result = NotesExtractor.Extract(notes, new NotesOptions { File = "notes", AnchorDate = new LocalDate(2024, 6, 12), DefaultZone = DateTimeZone.Utc });
        return [.. result.Events.OrderBy(e => e.Time).Select(e => (e.Time.ToString("HH:mm", CultureInfo.InvariantCulture), e.Text))];
    }
}
