using System.Globalization;
using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>Chat-paste header rules added in session 16 (docs/notes-format.md, "Chat pastes"): one message is one event.</summary>
public sealed class ChatPasteReadingTests
{
    [Fact]
    public void A_lower_case_username_that_heads_two_messages_is_a_speaker()
    {
        var read = Read("kofi  8:02 AM\nbuild queue stuck\nmarta  8:04 AM\nrestarting runners\nkofi  8:10 AM\nqueue moving\nmarta  8:12 AM\nthanks");
        Assert.Equal(["08:02 build queue stuck", "08:04 restarting runners", "08:10 queue moving", "08:12 thanks"], read);
    }

    [Fact]
    public void A_lower_case_word_before_a_clock_once_stays_prose()
    {
        var read = Read("deploy 14:20\nrollback done 14:35");
        Assert.Equal(2, read.Count);
        Assert.Contains(read, r => r.StartsWith("14:20", StringComparison.Ordinal) && r.Contains("deploy", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_day_divider_dates_the_messages_below_it()
    {
        Assert.Equal(
            ["2024-06-11 22:50 backup is slow", "2024-06-12 07:30 backup done"],
            Read("Yesterday\nMarta Ruiz  10:50 PM\nbackup is slow\nToday\nKofi Mensah  7:30 AM\nbackup done", "2024-06-12", withDate: true));
    }

    [Fact]
    public void A_header_naming_yesterday_or_a_weekday_is_on_that_day()
    {
        Assert.Equal(
            ["2024-06-10 16:00 cache flushed", "2024-06-11 09:00 cache warm"],
            Read("Marta Ruiz Monday 4:00 PM\ncache flushed\nKofi Mensah Yesterday 9:00 AM\ncache warm", "2024-06-12", withDate: true));
    }

    [Fact]
    public void A_dash_separated_today_at_header_keeps_each_message_apart()
    {
        Assert.Equal(
            ["21:14 queue is full", "21:20 drained it"],
            Read("Marta — Today at 9:14 PM\nqueue is full\nKofi — Today at 9:20 PM\ndrained it"));
    }

    [Fact]
    public void A_name_with_a_comma_or_a_handle_before_the_clock_heads_a_message()
    {
        Assert.Equal(["09:01 link flapping", "09:03 swapped the optic"], Read("Marta Ruiz, 9:01 AM\nlink flapping\nKofi Mensah, 9:03 AM\nswapped the optic"));
        Assert.Equal(["09:01 link flapping", "09:03 swapped the optic"], Read("Marta Ruiz @mruiz 9:01 AM\nlink flapping\nKofi Mensah @kmensah 9:03 AM\nswapped the optic"));
        Assert.Equal(["09:01 link flapping", "09:03 swapped the optic"], Read("Marta Ruiz, [12.06.2024 09:01]\nlink flapping\nKofi Mensah, [12.06.2024 09:03]\nswapped the optic"));
    }

    [Fact]
    public void A_phone_export_line_with_a_dash_is_a_message_and_its_next_line_belongs_to_it()
    {
        Assert.Equal(
            ["09:01 link flapping on the east side", "09:03 swapped the optic"],
            Read("12/06/2024, 09:01 - Marta: link flapping\non the east side\n12/06/2024, 09:03 - Kofi: swapped the optic"));
    }

    [Fact]
    public void A_dated_note_line_with_a_dash_and_a_colon_is_not_a_phone_export()
    {
        var read = Read("03/05/2024 14:20 - Alert fired: p99 over 2s\n03/05/2024 14:30 - Rolled back: v2.3 to v2.2");
        Assert.Equal(2, read.Count);
        Assert.Contains("alert fired", read[0], StringComparison.Ordinal);
        Assert.Contains("p99 over 2s", read[0], StringComparison.Ordinal);
        Assert.Contains("rolled back", read[1], StringComparison.Ordinal);
        Assert.Contains("v2.3 to v2.2", read[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_divider_without_the_day_of_the_paste_keeps_the_date_in_force()
    {
        var result = NotesExtractor.Extract(
            "2024-06-11\nMarta Ruiz  10:50 PM\nbackup is slow\nToday\nKofi Mensah  11:30 PM\nbackup done",
            new NotesOptions { File = "chat", DefaultZone = DateTimeZone.Utc });
        Assert.Equal(
            ["2024-06-11 22:50", "2024-06-11 23:30"],
            result.Events.Select(e => e.Time.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_note_with_a_dash_before_its_clock_is_not_a_chat_speaker()
    {
        var result = NotesExtractor.Extract(
            "14:02 Primary db unreachable\nFailover complete - 14:20\nError rate normal - 14:35",
            new NotesOptions { File = "notes", AnchorDate = new NodaTime.LocalDate(2024, 6, 12), DefaultZone = DateTimeZone.Utc });
        Assert.Equal(["14:02", "14:20", "14:35"], result.Events.Select(e => e.Time.ToString("HH:mm", CultureInfo.InvariantCulture)));
        Assert.All(result.Events, e => Assert.Null(e.Actor));
        Assert.Contains("Failover complete", result.Events[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void One_lower_case_word_heading_two_lines_with_no_other_speaker_is_a_note_label()
    {
        var result = NotesExtractor.Extract(
            "deploy 14:20\nrolled back the config\ndeploy 15:10\nsecond attempt",
            new NotesOptions { File = "notes", AnchorDate = new NodaTime.LocalDate(2024, 6, 12), DefaultZone = DateTimeZone.Utc });
        Assert.Equal(["14:20", "15:10"], result.Events.Select(e => e.Time.ToString("HH:mm", CultureInfo.InvariantCulture)));
        Assert.All(result.Events, e => Assert.Null(e.Actor));
        Assert.All(result.Events, e => Assert.Contains("deploy", e.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_person_named_before_a_dash_and_a_clock_is_still_a_speaker()
    {
        Assert.Equal(["10:40 payments timing out", "10:42 paging the gateway team"], Read("Ravi Shah - 10:40\npayments timing out\nOlga - 10:42\npaging the gateway team"));
    }

    private static List<string> Read(string notes, string date = "2024-06-12", bool withDate = false)
    {
        var anchor = NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value;
        var result = NotesExtractor.Extract(notes, new NotesOptions { File = "chat", AnchorDate = anchor, DefaultZone = DateTimeZone.Utc });
        return [.. result.Events.OrderBy(e => e.Time).Select(e => e.Time.ToString(withDate ? "uuuu-MM-dd HH:mm" : "HH:mm", CultureInfo.InvariantCulture) + " " + e.Text.ToLowerInvariant())];
    }
}
