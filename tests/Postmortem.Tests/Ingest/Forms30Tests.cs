using System.Diagnostics;
using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The readings of the thirtieth session (`s30-forms`, docs/accuracy.md): Hungarian "este 8 órára" in the evening half; Ukrainian
/// month names and "з/від … до …", Vietnamese "từ … đến …" spans; a moment in epoch seconds after "Unix timestamp"; a span whose end
/// writes only its minutes ("09:35-40"). The forms themselves are rows of docs/notes-format.md; these are the edges, and long hostile
/// lines for the new passes.
/// </summary>
public sealed class Forms30Tests
{
    // 2024-03-05 is a Tuesday.
    private static NotesResult Extract(string notes, string zone = "UTC") =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 3, 5), DefaultZone = DateTimeZoneProviders.Tzdb[zone] });

    private static string Span(NotesResult result) =>
        string.Join(", ", result.Events.Select(e => e.Time.ToString("HH:mm", null) + (e.EndTime is { } end ? "–" + end.ToString("HH:mm", null) : string.Empty)));

    private static string Dated(NotesResult result) =>
        string.Join(", ", result.Events.Select(e => e.Time.ToString("uuuu-MM-dd HH:mm", null) + (e.EndTime is { } end ? "–" + end.ToString("uuuu-MM-dd HH:mm", null) : string.Empty)));

    [Theory]
    [InlineData("A javítás este 9 órára elkészült.", "21:00")]
    [InlineData("A hiba délután 3 órakor kezdődött.", "15:00")]
    [InlineData("A rendszer reggel 8 órakor újraindult.", "08:00")]
    [InlineData("A hiba este 21 óra körül történt.", "21:00")]
    public void A_Hungarian_hour_after_a_half_of_the_day_is_in_that_half(string line, string clock) => Assert.Equal(clock, Span(Extract(line)));

    [Theory]
    [InlineData("Сервіс не працював з 09:00 до 13:00.", "2024-03-05 09:00–2024-03-05 13:00")]
    [InlineData("Світла не було 3 березня від 10:00 до 12:30.", "2024-03-03 10:00–2024-03-03 12:30")]
    [InlineData("Hệ thống bảo trì từ 1h00 đến 3h30 ngày 19/3/2024.", "2024-03-19 01:00–2024-03-19 03:30")]
    public void From_to_in_Ukrainian_and_Vietnamese_is_one_window(string line, string span) => Assert.Equal(span, Dated(Extract(line)));

    [Theory]
    [InlineData("timestamp: 1709629200 level=error msg=\"upstream timeout\"")]
    [InlineData("epoch=1709629200000 status=503")]
    [InlineData("epoch time : 1709629200 first 5xx")]
    public void Epoch_seconds_after_a_sign_as_logs_write_it_are_a_moment(string line) =>
        Assert.Equal("2024-03-05 09:00", Dated(Extract(line)));

    [Fact]
    public void Epoch_seconds_after_unix_timestamp_are_a_moment() =>
        Assert.Equal("2024-03-05 09:00, 2024-03-05 10:05", Dated(Extract("Errors began at Unix timestamp 1709629200 and stopped at 10:05 UTC.")));

    // A ten-digit number with no word saying it counts seconds stays a number.
    [Theory]
    [InlineData("Last updated 1709629200")]
    [InlineData("Order 1709629200 was refunded twice.")]
    public void A_bare_ten_digit_number_is_no_moment(string line) => Assert.Empty(Extract(line).Events);

    [Fact]
    public void A_span_with_its_end_minutes_only_is_one_window() =>
        Assert.Equal("09:35–09:40", Span(Extract("The queued logs arrived all at once around 09:35-40 UTC.")));

    // "14:00-16 Uhr" is two hours; "14:10-16 Uhr" likewise: never a span of minutes.
    [Theory]
    [InlineData("Die Wartung läuft 14:00-16 Uhr.")]
    [InlineData("Die Wartung läuft 14:10-16 Uhr.")]
    public void Digits_before_a_word_for_hour_are_no_minutes(string line) =>
        Assert.DoesNotContain("14:16", Span(Extract(line)), StringComparison.Ordinal);

    // review30 F7: a count, a length or a per cent after "HH:MM-NN" is no span's end.
    [Theory]
    [InlineData("Around 10:15-20 engineers were on the bridge.", "10:20")]
    [InlineData("CPU sat at 10:45-50% load for an hour.", "10:50")]
    [InlineData("Queues drained by 10:15-30 min later.", "10:30")]
    public void Digits_before_a_word_or_a_per_cent_are_no_minutes(string line, string notEnd) =>
        Assert.DoesNotContain(notEnd, Span(Extract(line)), StringComparison.Ordinal);

    [Fact]
    public void An_elided_end_before_a_mark_or_a_bracket_is_read() =>
        Assert.Equal("09:35–09:40", Span(Extract("Logs arrived late (09:35-40).")));

    [Fact]
    public void Long_lines_of_the_new_words_are_read_quickly()
    {
        var epoch = string.Concat(Enumerable.Repeat("Unix timestamp ", 8_000)) + "1709629200";
        var elided = string.Concat(Enumerable.Repeat("09:35-40 ", 8_000));
        var vietnamese = string.Concat(Enumerable.Repeat("từ ", 20_000)) + "1h00 đến 2h00";
        var ukrainian = string.Concat(Enumerable.Repeat("з ", 30_000)) + "09:00 до 13:00";
        var hungarian = string.Concat(Enumerable.Repeat("este ", 20_000)) + "8 órára";
        var watch = Stopwatch.StartNew();
        Extract(epoch);
        Extract(elided);
        Extract(vietnamese);
        Extract(ukrainian);
        Extract(hungarian);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
