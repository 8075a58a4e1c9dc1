using System.Diagnostics;
using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The readings of the twenty-eighth session (`s28-forms`, docs/accuracy.md): Polish and Czech "od … do …" spans, Czech cardinal
/// hours after a preposition, and Turkish "X ile Y arasında". The forms themselves are rows of
/// docs/notes-format.md; these are the edges, and long hostile lines for the new patterns.
/// </summary>
public sealed class Forms28Tests
{
    private static NotesResult Extract(string notes, string zone = "UTC") =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 3, 5), DefaultZone = DateTimeZoneProviders.Tzdb[zone] });

    private static string Span(NotesResult result) =>
        string.Join(", ", result.Events.Select(e => e.Time.ToString("HH:mm", null) + (e.EndTime is { } end ? "–" + end.ToString("HH:mm", null) : string.Empty)));

    [Theory]
    [InlineData("Serwis będzie niedostępny od 1:30 do 4:00, prosimy o cierpliwość.", "01:30–04:00")]
    [InlineData("Przerwa potrwa od godziny 22:00 we wtorek do 2:00 następnego dnia.", "22:00–02:00")]
    [InlineData("Aplikace nepůjde od 9:15 do 9:45 kvůli aktualizaci.", "09:15–09:45")]
    [InlineData("Voda nepoteče od 7 do 10 hodin.", "07:00–10:00")]
    [InlineData("Przerwa potrwa od 22:00 we wtorek do 2:00.", "22:00–02:00")]
    [InlineData("Depo 08:30 ile 09:15 saatleri arasında kapalı kalacak.", "08:30–09:15")]
    [InlineData("Sistem 23:00 ile 02:00 arasında bakımda olacak.", "23:00–02:00")]
    public void Written_spans_are_one_window(string line, string span) => Assert.Equal(span, Span(Extract(line)));

    [Theory]
    [InlineData("Server se restartoval v 5 hodin ráno.", "05:00")]
    [InlineData("Dodávka byla obnovena ve 22 hodin.", "22:00")]
    [InlineData("Technik dorazil kolem 17 hodin.", "17:00")]
    public void A_Czech_hour_after_a_preposition_is_a_clock(string line, string clock) => Assert.Equal(clock, Span(Extract(line)));

    // "5 hodin" with no preposition of time, or after "za" (in) or "během" (within), is a length; "ile" without "arasında" after
    // the second clock is "with", and the two clocks stay two moments.
    [Theory]
    [InlineData("Oprava trvala 5 hodin.", 0)]
    [InlineData("Oprava bude hotová za 3 hodiny.", 0)]
    [InlineData("Během 6 hodin jsme obnovili provoz.", 0)]
    // The review's finding F2: "do N hodin" alone, and any preposition after a verb of lasting, is a length.
    [InlineData("Oprava potrvá do 4 hodin.", 0)]
    [InlineData("Výpadek trval kolem 2 hodin.", 0)]
    [InlineData("Odstávka potrvá od 2 do 4 hodin.", 0)]
    [InlineData("Opravu provedeme do 12 hodin od nahlášení.", 0)]
    [InlineData("Oprava trvala zhruba kolem 2 hodin.", 0)]
    [InlineData("Odstávka bude trvat přibližně od 2 do 4 hodin.", 0)]
    [InlineData("Depo 08:30 ile 09:15 raporu gönderildi.", 2)]
    [InlineData("We moved the window from 10:00, we think, to 12:00 at the customer's request.", 2)]
    // The review's finding F8: the English "we" before a verb in w- joins no span.
    [InlineData("From 09:00 we watched error rates fall until 09:40, when we declared it resolved.", 2)]
    public void Lengths_and_other_words_stay_as_they_were(string line, int count) => Assert.Equal(count, Extract(line).Events.Count);

    [Fact]
    public void Long_lines_of_the_new_words_are_read_quickly()
    {
        var czech = string.Concat(Enumerable.Repeat("od 8 do ", 12_000)) + "11 hodin";
        var polish = string.Concat(Enumerable.Repeat("od godziny 9:00 w ", 2_000)) + "do 10:00";
        var turkish = "08:30 ile " + string.Concat(Enumerable.Repeat("ile ", 25_000)) + "09:15 arasında";
        var watch = Stopwatch.StartNew();
        Extract(czech);
        Extract(polish);
        Extract(turkish);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
