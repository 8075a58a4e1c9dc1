using System.Diagnostics;
using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The readings of the thirty-first session (`s31-forms`, docs/accuracy.md): hours written as number words after a word for
/// o'clock (Danish, Norwegian, Swedish, Czech ordinals, Filipino "alas"); a Filipino or Arabic part of the day after a clock; a web
/// server's access-log stamp; epoch seconds and milliseconds under a JSON or logfmt key; an elided span end before "Z"; Slovak, Malay and Arabic month names. The forms themselves are rows of docs/notes-format.md; these are the edges, and
/// long hostile lines for the new passes.
/// </summary>
public sealed class Forms31Tests
{
    // 2024-03-05 is a Tuesday.
    private static NotesResult Extract(string notes, string zone = "UTC") =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 3, 5), DefaultZone = DateTimeZoneProviders.Tzdb[zone] });

    private static string Span(NotesResult result) =>
        string.Join(", ", result.Events.Select(e => e.Time.ToString("HH:mm", null) + (e.EndTime is { } end ? "–" + end.ToString("HH:mm", null) : string.Empty)));

    private static string Dated(NotesResult result) =>
        string.Join(", ", result.Events.Select(e => e.Time.ToString("uuuu-MM-dd HH:mm", null) + (e.EndTime is { } end ? "–" + end.ToString("uuuu-MM-dd HH:mm", null) : string.Empty)));

    [Theory]
    [InlineData("Vi opdagede fejlen i morges klokken fire.", "04:00")]
    [InlineData("Strømmen kom tilbake litt etter klokka åtte.", "08:00")]
    [InlineData("Klockan sju på morgonen var allt igång igen.", "07:00")]
    [InlineData("Strax efter tiotiden på kvällen var felet åtgärdat.", "22:00")]
    [InlineData("Lidt i seks mistede vi forbindelsen.", "06:00")]
    [InlineData("Nettet var nede til klokken ni i kveld.", "21:00")]
    public void A_Nordic_hour_in_words_after_the_word_for_oclock_is_a_clock(string line, string clock) => Assert.Equal(clock, Span(Extract(line)));

    [Theory]
    [InlineData("Vi har to servere og tre databaser.")]
    [InlineData("Klokken er mange, og vi har fire feil.")]
    [InlineData("Det tog tid att hitta felet, men sju kunder fick vänta.")]
    public void A_number_word_without_the_word_for_oclock_is_no_clock(string line) => Assert.Empty(Extract(line).Events);

    [Theory]
    [InlineData("Po desáté hodině banka systém opravila.", "10:00")]
    [InlineData("Oprava skončí v jedenáctou hodinu dopoledne.", "11:00")]
    [InlineData("Výpadek začal po osmé hodině večer.", "20:00")]
    public void A_Czech_ordinal_hour_is_a_clock_in_the_half_written_after_it(string line, string clock) => Assert.Equal(clock, Span(Extract(line)));

    [Theory]
    [InlineData("Naibalik ang kuryente ng alas diyes ng gabi.", "22:00")]
    [InlineData("Nawala ang kuryente mula alas-2 ng hapon.", "14:00")]
    [InlineData("May brownout mula 3:01-3:30 ng hapon.", "15:01–15:30")]
    [InlineData("Babalik ang serbisyo ng 5:00 ng umaga.", "05:00")]
    [InlineData("توقفت الخدمة الساعة 11:00 مساء", "23:00")]
    [InlineData("عادت الخدمة الساعة 6:30 صباحا", "06:30")]
    public void A_Filipino_or_Arabic_part_of_the_day_after_the_hour_says_its_half(string line, string clock) => Assert.Equal(clock, Span(Extract(line)));

    [Theory]
    [InlineData("Alas, the database did not come back.")]
    [InlineData("Alas 3 servers were lost in the fire.")]
    public void English_alas_is_no_hour(string line) => Assert.Empty(Extract(line).Events);

    [Fact]
    public void An_access_log_stamp_is_an_exact_instant() =>
        Assert.Equal("2024-03-05 08:00, 2024-03-05 08:12", Dated(Extract(
            "10.1.2.3 - - [05/Mar/2024:09:00:00 +0100] \"GET /health HTTP/1.1\" 503 0\n10.1.2.3 - - [05/Mar/2024:09:12:41 +0100] \"GET /health HTTP/1.1\" 200 17")));

    [Fact]
    public void A_month_between_slashes_without_the_stamp_is_no_moment() => Assert.Empty(Extract("The files under /Mar/ were archived.").Events);

    [Theory]
    [InlineData("{\"level\":\"error\",\"ts\":1709629200000,\"msg\":\"timeout\"}")]
    [InlineData("ts=1709629200 level=warn msg=\"slow\"")]
    [InlineData("{\"time\":1709629200123,\"msg\":\"retrying\"}")]
    [InlineData("{\"timestamp\":1709629200,\"status\":503}")]
    public void Epoch_stamps_under_a_log_key_are_a_moment(string line) => Assert.Equal("2024-03-05 09:00", Dated(Extract(line)));

    [Theory]
    [InlineData("{\"count\":1709629200}")]
    [InlineData("posts=1709629200 total")]
    public void A_ten_digit_number_under_another_key_is_no_moment(string line) => Assert.Empty(Extract(line).Events);

    [Theory]
    [InlineData("The queued logs arrived around 09:35-40 Z.", "09:35–09:40")]
    [InlineData("Logs arrived late (09:35-40 Z).", "09:35–09:40")]
    public void An_elided_end_before_Z_is_read(string line, string span) => Assert.Equal(span, Span(Extract(line)));

    [Theory]
    [InlineData("Odstávka bude 12. októbra 2024 od 4:00 do 11:00.", "2024-10-12 04:00–2024-10-12 11:00")]
    [InlineData("Pada 5 Ogos 2024, sistem pulih pukul 15:30.", "2024-08-05 15:30")]
    [InlineData("عادت الخدمة يوم 31 أكتوبر 2025 الساعة 14:00", "2025-10-31 14:00")]
    public void Slovak_Malay_and_Arabic_month_names_date_the_sentence(string line, string moment) => Assert.Equal(moment, Dated(Extract(line)));

    // Without the word, an ambiguous slash date far from the given date stays month-first (docs/notes-format.md, "Dates").
    [Theory]
    [InlineData("Hệ thống bảo trì từ 1h00 đến 3h30 ngày 9/3/2024.", "2024-03-09 01:00–2024-03-09 03:30")]
    [InlineData("Maintenance ran from 01:00 to 03:30 on 9/3/2024.", "2024-09-03 01:00–2024-09-03 03:30")]
    public void Ngay_before_a_slash_date_says_the_day_comes_first(string line, string span) => Assert.Equal(span, Dated(Extract(line)));

    [Theory]
    [InlineData("As falhas começaram por volta das 15h.", "15:00")]
    [InlineData("O serviço voltou às 16h.", "16:00")]
    [InlineData("O Pix ficou indisponível entre 11h45 e 13h10.", "11:45–13:10")]
    [InlineData("Pana de curent a început în jurul orei 18.00.", "18:00")]
    public void Portuguese_bare_hours_and_spans_and_the_Romanian_genitive_hour(string line, string clock) => Assert.Equal(clock, Span(Extract(line)));

    [Theory]
    [InlineData("A interrupção durou 3h das equipes.")]
    [InlineData("Atendimento das 8h às 24h.")]
    public void A_length_or_a_version_after_the_new_lead_words_is_no_clock(string line) => Assert.Empty(Extract(line).Events);

    [Fact]
    public void Long_lines_of_the_new_words_are_read_quickly()
    {
        var nordic = string.Concat(Enumerable.Repeat("klokken ", 20_000)) + "fire";
        var czech = string.Concat(Enumerable.Repeat("desáté ", 20_000)) + "hodině";
        var filipino = string.Concat(Enumerable.Repeat("alas ", 20_000)) + "diyes ng gabi";
        var halves = string.Concat(Enumerable.Repeat("3:01 ng ", 10_000)) + "hapon";
        var log = string.Concat(Enumerable.Repeat("[05/Mar/2024:", 8_000)) + "09:00:00 +0100]";
        var json = string.Concat(Enumerable.Repeat("\"ts\":", 15_000)) + "1709629200";
        var watch = Stopwatch.StartNew();
        Extract(nordic);
        Extract(czech);
        Extract(filipino);
        Extract(halves);
        Extract(log);
        Extract(json);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
