using System.Diagnostics;
using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The readings of the twenty-ninth session (`s29-forms`, docs/accuracy.md): "from … to …" and "between … and …" in Italian, Dutch,
/// Romanian, Greek and Czech; Hungarian hours before "órakor", "óráig", "óra körül"; Norwegian "klokka"; Italian bare hours after
/// "alle" before a weekday or the morning; "half past" and "a quarter to" midnight or noon. The forms themselves are rows of
/// docs/notes-format.md; these are the edges, and long hostile lines for the new patterns.
/// </summary>
public sealed class Forms29Tests
{
    // 2024-03-05 is a Tuesday.
    private static NotesResult Extract(string notes, string zone = "UTC") =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 3, 5), DefaultZone = DateTimeZoneProviders.Tzdb[zone] });

    private static string Span(NotesResult result) =>
        string.Join(", ", result.Events.Select(e => e.Time.ToString("HH:mm", null) + (e.EndTime is { } end ? "–" + end.ToString("HH:mm", null) : string.Empty)));

    [Theory]
    [InlineData("L'acqua mancherà dalle 23.00 sino alle 6.00 del mattino.", "23:00–06:00")]
    [InlineData("Onderhoud aan het netwerk van 22.00 tot 02.00 uur.", "22:00–02:00")]
    [InlineData("Furnizarea va fi oprită între orele 09:00 și 13:00.", "09:00–13:00")]
    [InlineData("Nu vom avea apă de la ora 23:00 până mâine dimineață la 05:00.", "23:00–05:00")]
    [InlineData("Nu vom avea apă de la ora 10:00 până la ora 12:00.", "10:00–12:00")]
    [InlineData("Διακοπή ρεύματος από ώρα 09.00 έως 12.30 στην περιοχή.", "09:00–12:30")]
    [InlineData("Voda netekla mezi 8. a 11. hodinou.", "08:00–11:00")]
    public void Written_spans_are_one_window(string line, string span) => Assert.Equal(span, Span(Extract(line)));

    [Theory]
    [InlineData("A hiba este 20 óra körül történt.", "20:00")]
    [InlineData("A leállás 23 órakor kezdődik.", "23:00")]
    [InlineData("A rendszer 6 óráig nem elérhető.", "06:00")]
    [InlineData("Strømmen kom tilbake klokka 14, etter fire timer.", "14:00")]
    [InlineData("Alle 9 di martedì mattina il servizio era ripristinato.", "09:00")]
    [InlineData("Il comunicato è arrivato alle 21, dopo ore di silenzio.", "21:00")]
    [InlineData("The lights went out at half past midnight.", "00:30")]
    [InlineData("We switched the old cluster off at a quarter to midnight.", "23:45")]
    [InlineData("The fix was out by a quarter past noon.", "12:15")]
    public void A_clock_in_these_words_is_read(string line, string clock) => Assert.Equal(clock, Span(Extract(line)));

    // Lengths and counts in the same words stay what they were: "2 óra alatt" (within two hours), "3 órán át" (for three hours),
    // "alle 5 regioni" (to the five regions), "alle 3" before a noun; "half" or "quarter" with no clock word after them.
    [Theory]
    [InlineData("A javítás 2 óra alatt elkészült.", 0)]
    [InlineData("A leállás 3 órán át tartott.", 0)]
    [InlineData("Il premio va alle 5 regioni del nord.", 0)]
    [InlineData("Abbiamo scritto alle 3 aziende coinvolte.", 0)]
    [InlineData("Half of the quarter past was lost to the outage.", 0)]
    [InlineData("Between 09:00 a scheduled job ran, and at 11:00 it stopped.", 2)]
    public void Lengths_and_other_words_stay_as_they_were(string line, int count) => Assert.Equal(count, Extract(line).Events.Count);

    [Fact]
    public void Long_lines_of_the_new_words_are_read_quickly()
    {
        var hungarian = string.Concat(Enumerable.Repeat("18 ", 30_000)) + "óra körül";
        var czech = string.Concat(Enumerable.Repeat("mezi 9. a ", 10_000)) + "13. hodinou";
        var dutch = string.Concat(Enumerable.Repeat("van 21.00 tot ", 7_000)) + "01.00 uur";
        var romanian = "de la ora 22:00 până " + string.Concat(Enumerable.Repeat("mâine ", 16_000)) + "la 06:00";
        var italian = string.Concat(Enumerable.Repeat("alle 8 di ", 10_000)) + "lunedì mattina";
        var quarters = string.Concat(Enumerable.Repeat("a quarter ", 10_000)) + "to midnight";
        var watch = Stopwatch.StartNew();
        Extract(hungarian);
        Extract(czech);
        Extract(dutch);
        Extract(romanian);
        Extract(italian);
        Extract(quarters);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
