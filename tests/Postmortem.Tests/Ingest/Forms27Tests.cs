using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The readings of the twenty-seventh session (`s27-forms`, docs/accuracy.md): Japanese day-of-the-month clocks and 半, "through to",
/// a table row's down and back-up columns, and the standing-window pass's tighter cheap test, whose readings must not change. The
/// forms themselves are rows of docs/notes-format.md; these are the edges, and a long hostile line for each new test.
/// </summary>
public sealed class Forms27Tests
{
    private static NotesResult Extract(string notes, string zone = "UTC") =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 3, 5), DefaultZone = DateTimeZoneProviders.Tzdb[zone] });

    // Lines the standing-window pass reads: each still drops its clocks (the readings of sessions 25 and 26, unchanged).
    [Theory]
    [InlineData("Backups run every Sunday at 02:00.")]
    [InlineData("Patches go out on the second Tuesday of the month, 22:00 – 23:00.")]
    [InlineData("Patches go out on the first Monday of every month, 22:00 – 23:00.")]
    [InlineData("Texts are not sent between the hours of 9 p.m. and 6 a.m.")]
    [InlineData("Support is by phone after-hours (4:30pm - 8:30am).")]
    [InlineData("Support is by phone after hours (4:30pm - 8:30am).")]
    [InlineData("Maintenance happens on weekdays from 02:00 to 04:00.")]
    [InlineData("Our desk answers calls Mondays to Fridays from 09:00 to 17:00.")]
    [InlineData("Backups run between 1-3am on Sunday nights.")]
    [InlineData("The reports are rebuilt on Thursdays from 6 to 7 a.m.")]
    [InlineData("Large changes wait for Saturdays 00:00-06:00.")]
    [InlineData("Patching runs at 02:00 each second month.")]
    [InlineData("The archive job runs at 23:30 each other month.")]
    [InlineData("Patching runs at 02:00 every second month.")]
    [InlineData("Reports are rebuilt at 06:00 each Monday.")]
    [InlineData("Reports are rebuilt on the third Sunday of the month at 06:00.")]
    public void A_schedule_is_still_no_moment(string line) => Assert.Empty(Extract(line).Events);

    // "each" and "every" count only as words of their own: "reach" and "Everyone" hold no schedule, and a clock beside them stays.
    [Theory]
    [InlineData("Everyone was paged at 10:15 and the database was back at 10:40.", 2)]
    [InlineData("Alerts did not reach each Monday-only rota at 10:15, only the primary.", 1)]
    [InlineData("Two hours later, at 11:00, the queue had drained.", 1)]
    public void Prose_keeps_its_clocks(string line, int count) => Assert.Equal(count, Extract(line).Events.Count);

    [Fact]
    public void Long_lines_of_guard_words_are_read_quickly()
    {
        // "every", "month" and "hours" glued into one word, then each after a long run of spaces: every test word is looked at in
        // place, never from the start of the line again.
        var glued = string.Concat(Enumerable.Repeat("everymonthhours", 5000)) + " at 10:15";
        var spaced = string.Concat(Enumerable.Repeat(new string(' ', 50) + "month" + new string(' ', 50) + "hours-", 400)) + " at 10:15";
        Assert.Single(Extract(glued).Events);
        Assert.Single(Extract(spaced).Events);
    }

    [Fact]
    public void A_Japanese_day_of_the_month_dates_its_clock()
    {
        var result = Extract("システムは4日午後3時半ごろから利用できなくなった。", "Asia/Tokyo");
        Assert.Equal([Instant.FromUtc(2024, 3, 4, 6, 30)], result.Events.Select(e => e.Time));
    }

    [Theory]
    [InlineData("システムは午前8時半～9時半に停止しました。", 23, 30, 0, 30)]
    [InlineData("システムは午前8時～9時半に停止しました。", 23, 0, 0, 30)]
    public void A_Japanese_span_end_reads_its_half_past(string line, int fromHour, int fromMinute, int toHour, int toMinute)
    {
        // 半 on either end is half past: 08:30–09:30 JST is 23:30–00:30 UTC across the UTC day.
        var e = Assert.Single(Extract(line, "Asia/Tokyo").Events);
        Assert.Equal(Instant.FromUtc(2024, 3, 4, fromHour, fromMinute), e.Time);
        Assert.Equal(Instant.FromUtc(2024, 3, toHour == 0 ? 5 : 4, toHour, toMinute), e.EndTime);
    }

    [Fact]
    public void A_Japanese_length_in_days_is_no_date()
    {
        // "3日間" is three days long, not the third: the clock stays on the notes' day.
        var result = Extract("障害は3日間続き、午後4時に全面復旧した。", "Asia/Tokyo");
        Assert.Equal([Instant.FromUtc(2024, 3, 5, 7, 0)], result.Events.Select(e => e.Time));
    }

    [Fact]
    public void Through_to_joins_a_span()
    {
        var result = Extract("The office network is off from 18:00 through to 22:00 for the move.");
        var e = Assert.Single(result.Events);
        Assert.Equal(Instant.FromUtc(2024, 3, 5, 22, 0), e.EndTime);
    }

    [Fact]
    public void A_later_dated_clock_beside_another_is_the_back_up_column()
    {
        var result = Extract("Server Down Back up\nmail 2024-03-01 17:00 2024-03-02 09:20 power supply failed");
        var e = Assert.Single(result.Events);
        Assert.Equal(Instant.FromUtc(2024, 3, 1, 17, 0), e.Time);
        Assert.Equal(Instant.FromUtc(2024, 3, 2, 9, 20), e.EndTime);
    }

    [Theory]
    [InlineData("mail 2024-03-02 09:20 2024-03-01 17:00 clocks out of order")]
    [InlineData("mail 2024-03-01 17:00, 2024-03-02 09:20 two checks")]
    [InlineData("mail 2024-01-01 17:00 2024-03-02 09:20 two months apart")]
    public void Dated_clocks_out_of_order_or_apart_stay_two_moments(string line) => Assert.Equal(2, Extract(line).Events.Count);
}
