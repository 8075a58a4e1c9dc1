using NodaTime;
using Postmortem.Analysis;
using Postmortem.Ingest.Notes;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Review34's findings left open, fixed by the lead in the thirty-fifth session (docs/accuracy.md): a status history that ends on a
/// stamp writes each stamp after its update, whatever the blank lines (F10); "last night between 9:50 and 11:10" is one evening
/// window (F4's rest); a tagged acknowledgement is no end. Sentences of our own, in the shapes status pages and chats are copied in.
/// </summary>
public sealed class Review35Tests
{
    private static string At(TimelineEvent e) => e.Time.ToString("MM-dd HH:mm", null);

    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    private static IReadOnlyList<TimelineEvent> Events(string notes) =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2023, 11, 24), DefaultZone = DateTimeZoneProviders.Tzdb["UTC"] }).Events;

    // Newest first, each update's label and text, a blank line, then its stamp; the last stamp ends the page. Before, each stamp led
    // the update below it: every update moved one stamp up and "Resolved" had no time.
    [Theory]
    [InlineData("Resolved\nCard payments are processing normally again.\n\nNov 24, 2023 - 14:20 UTC\nMonitoring\nA fix has been applied and we are watching the results.\n\nNov 24, 2023 - 13:50 UTC\nIdentified\nThe cause is known and a fix is being rolled out.\n\nNov 24, 2023 - 13:30 UTC\nInvestigating\nWe are looking into failed card payments.\n\nNov 24, 2023 - 13:10 UTC\n")]
    [InlineData("Resolved - Card payments are processing normally again.\n\nNov 24, 14:20 UTC\nMonitoring - A fix has been applied and we are watching the results.\n\nNov 24, 13:50 UTC\nIdentified - The cause is known and a fix is being rolled out.\n\nNov 24, 13:30 UTC\nInvestigating - We are looking into failed card payments.\n\nNov 24, 13:10 UTC")]
    public void A_history_that_ends_on_a_stamp_writes_each_stamp_after_its_update(string page)
    {
        var events = Events(page);
        Assert.Contains(events, e => At(e) == "11-24 14:20" && e.Text.Contains("normally again", StringComparison.Ordinal));
        Assert.Contains(events, e => At(e) == "11-24 13:50" && e.Text.Contains("watching the results", StringComparison.Ordinal));
        Assert.Contains(events, e => At(e) == "11-24 13:10" && e.Text.Contains("looking into", StringComparison.Ordinal));
        var pm = AnalysisTests.FromNotes(page);
        Assert.Equal(("13:10", "14:20"), (Hm(pm.Keys.Detection), Hm(pm.Keys.Resolution)));
    }

    // Oldest first with a summary above the first stamp, each stamp leading its paragraph: the stamp goes with the text below it, as
    // s34-open made it, and the last paragraph is the last stamp's (F10's other shape).
    [Fact]
    public void Stamps_that_lead_their_paragraphs_keep_leading_them()
    {
        const string notes = "On 24 November the weekly maintenance of the database cluster ran long and the API failed for about an hour.\n\n2023-11-24 20:00 UTC\nThe weekly maintenance window opens.\n\n2023-11-24 20:15 UTC\nAPI requests start failing with 503 errors.\n\n2023-11-24 20:25 UTC\nThe on-call engineer is paged by the error-rate alert.\n\n2023-11-24 21:25 UTC\nResolved: the cluster is back and error rates are normal.\n";
        var events = Events(notes);
        Assert.Contains(events, e => At(e) == "11-24 20:15" && e.Text.Contains("503", StringComparison.Ordinal));
        Assert.Contains(events, e => At(e) == "11-24 21:25" && e.Text.Contains("cluster is back", StringComparison.Ordinal));
        var pm = AnalysisTests.FromNotes(notes);
        Assert.Equal(("20:15", "20:25", "21:25"), (Hm(pm.Keys.ImpactStart), Hm(pm.Keys.Detection), Hm(pm.Keys.Resolution)));
    }

    [Theory]
    [InlineData("- 10:05 Last night between 9:50 and 11:10 the import queue stalled for every tenant.", "11-23 21:50", "11-23 23:10")]
    [InlineData("- 10:05 Last night from 10:30 to 1:15 the import queue stalled for every tenant.", "11-23 22:30", "11-24 01:15")]
    [InlineData("- 10:05 Yesterday evening between 7:40 and 8:05 logins failed for every tenant.", "11-23 19:40", "11-23 20:05")]
    [InlineData("- 10:05 Last night between 2:10 and 3:00 logins failed for every tenant.", "11-24 02:10", "11-24 03:00")]
    // Review35: a zone after the end, an end at 12 after an evening start, an afternoon window.
    [InlineData("- 10:05 Last night between 9:50 and 11:10 UTC the import queue stalled.", "11-23 21:50", "11-23 23:10")]
    [InlineData("- 10:05 Last night between 11:30 and 12:10 the VPN was down for everyone.", "11-23 23:30", "11-24 00:10")]
    [InlineData("- 10:05 Last night 10:00-12:30 the VPN was down for everyone.", "11-23 22:00", "11-24 00:30")]
    [InlineData("- 10:05 Yesterday afternoon between 1:15 and 3:40 logins failed.", "11-23 13:15", "11-23 15:40")]
    public void An_evening_window_of_the_day_before_keeps_both_ends_in_that_evening(string notes, string start, string end) =>
        Assert.Contains(Events(notes), e => At(e) == start && e.EndTime?.ToString("MM-dd HH:mm", null) == end);

    // A message that opens with a monitoring tag and then speaks for a person is no check back ("[OK] I'll take the DB side").
    [Theory]
    [InlineData("[OK] I'll take the DB side")]
    [InlineData("[OK] I’ll take the DB side")]
    [InlineData("[OK] we will restart the workers")]
    [InlineData("[OK] thanks, on it")]
    public void A_tag_before_a_persons_words_is_no_check_back(string text) =>
        Assert.NotEqual(EventKind.Resolution, KindLexicon.Default.Classify(text).Kind);

    // A recovery with impact still seen after it in its sentence is partial: the bleeding stopped, impact did not end.
    [Theory]
    [InlineData("The API is back up, but the EU region is still returning errors.")]
    [InlineData("Pages are loading again while some users are still seeing timeouts.")]
    [InlineData("Logins work again but search is still slow.")]
    [InlineData("Checkout has recovered; customers in Canada are still getting intermittent 502s.")]
    [InlineData("Service is restored, although we are still seeing elevated latency on uploads.")]
    public void A_recovery_with_impact_still_seen_after_it_is_partial(string text)
    {
        var kinds = KindLexicon.Default.Read(text, null).Select(e => e.Kind).ToList();
        Assert.Contains(EventKind.Mitigation, kinds);
        Assert.DoesNotContain(EventKind.Resolution, kinds);
    }

    [Theory]
    [InlineData("Checkout is back to normal and the team is still on the bridge.")]
    [InlineData("Checkout is back to normal, and we are still reviewing the logs for the report.")]
    public void Still_without_impact_after_a_recovery_keeps_it_whole(string text) =>
        Assert.Equal(EventKind.Resolution, KindLexicon.Default.Classify(text).Kind);

    // An action told as done before a recovery in its sentence, without a doer ("With the resources increased, …"), ended the
    // impact: the recovery is the mitigation too; a change that came on its own or another party's is not.
    [Theory]
    [InlineData("With the resources increased and the limits adjusted, all the nodes came back online.")]
    [InlineData("Once the cache was flushed, pages were loading normally again.")]
    [InlineData("After the bad node was removed from the pool, error rates returned to normal.")]
    [InlineData("As soon as the previous build was redeployed, checkout was working again.")]
    public void An_action_done_before_a_recovery_is_the_mitigation_too(string text)
    {
        var kinds = KindLexicon.Default.Read(text, null).Select(e => e.Kind).ToList();
        Assert.Contains(EventKind.Resolution, kinds);
        Assert.Contains(EventKind.Mitigation, kinds);
    }

    [Theory]
    [InlineData("Once the errors subsided, traffic returned to normal.")]
    [InlineData("When the provider fixed their router, service came back.")]
    [InlineData("After the upstream link was replaced by the carrier, traffic returned to normal.")]
    public void A_change_on_its_own_or_another_partys_before_a_recovery_is_no_mitigation(string text) =>
        Assert.DoesNotContain(KindLexicon.Default.Read(text, null), e => e.Kind == EventKind.Mitigation);

    // A start on a 24-hour clock with a day word is not moved, and neither is its unpadded morning end (review35 F4).
    [Theory]
    [InlineData("- 10:05 Yesterday the outage started at 19:10 and ended at 8:30.", "11-24 08:30")]
    public void A_twenty_four_hour_start_keeps_a_morning_end(string notes, string end) =>
        Assert.Contains(Events(notes), e => e.EndTime?.ToString("MM-dd HH:mm", null) == end || At(e) == end);

    // Stamps that lead their paragraphs under a summary keep leading them when the page ends on a stamp of its own (the report's
    // date); a status history with its page footer after the last stamp still trails (review35 F3 and the footer gap).
    [Fact]
    public void A_summary_then_leading_stamps_ending_on_a_stamp_keep_leading()
    {
        const string notes = "On 24 November the nightly database maintenance ran long and the API failed for about an hour.\n\n2023-11-24 20:00 UTC\nThe weekly maintenance window opens.\n\n2023-11-24 20:15 UTC\nAPI requests start failing with 503 errors.\n\n2023-11-24 21:25 UTC\nResolved: the cluster is back and error rates are normal.\n\n2023-11-25 09:00 UTC\n";
        var events = Events(notes);
        Assert.Contains(events, e => At(e) == "11-24 20:15" && e.Text.Contains("503", StringComparison.Ordinal));
        Assert.Equal("21:25", Hm(AnalysisTests.FromNotes(notes).Keys.Resolution));
    }

    [Fact]
    public void A_status_history_with_its_footer_after_the_last_stamp_still_trails()
    {
        const string page = "Resolved\nCard payments are processing normally again.\n\nNov 24, 2023 - 14:20 UTC\nInvestigating\nWe are looking into failed card payments.\n\nNov 24, 2023 - 13:10 UTC\n\nThis incident affected: Card payments (EU).\n";
        var events = Events(page);
        Assert.Contains(events, e => At(e) == "11-24 14:20" && e.Text.Contains("normally again", StringComparison.Ordinal));
        Assert.Contains(events, e => At(e) == "11-24 13:10" && e.Text.Contains("looking into", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[OK] on it")]
    public void A_tagged_acknowledgement_is_no_check_back(string text) =>
        Assert.NotEqual(EventKind.Resolution, KindLexicon.Default.Classify(text).Kind);

    [Fact]
    public void A_monitors_io_check_back_is_still_the_end() =>
        Assert.Equal(EventKind.Resolution, KindLexicon.Default.Classify("Nagios: [OK] I/O wait on db-2: 3%").Kind);

    // A stamp line ending on a colon introduces the paragraph below it, whatever came before the first stamp (s35-open's
    // royalroads: "Tues, 5:00pm:" under a notice's opening paragraph).
    [Fact]
    public void A_stamp_ending_on_a_colon_leads_the_paragraph_below_it()
    {
        var events = Events("Our e-mail service was interrupted this week; here is what happened.\n\nNov 24, 2023 5:00pm:\n\nThe mail servers stopped accepting connections.\n\nNov 24, 2023 7:30pm:\n\nMail delivery is working again.\n");
        Assert.Contains(events, e => At(e) == "11-24 17:00" && e.Text.Contains("stopped accepting", StringComparison.Ordinal));
        Assert.Contains(events, e => At(e) == "11-24 19:30" && e.Text.Contains("working again", StringComparison.Ordinal));
    }

    // Review35b on s35-open: a short weekday dates its clock only where it opens its line, never inside a sentence or a range.
    [Theory]
    [InlineData("- 10:05 checkout failing for everyone\n- 10:30 vendor says the fix ships Mon 10:00\n- 10:45 rolled back\n- 11:00 errors at 0, checkout working again")]
    [InlineData("Support hours are Mon-Wed 09:00-17:00 UTC.\n- 10:05 checkout failing for everyone\n- 10:45 rolled back\n- 11:00 errors at 0, checkout working again")]
    [InlineData("- MON 10:02 quorum lost on ceph-3\n- 10:05 checkout failing for everyone\n- 10:45 rolled back\n- 11:00 errors at 0, checkout working again")]
    public void A_short_weekday_inside_a_sentence_or_a_range_moves_no_day(string notes)
    {
        var times = Events(notes).Select(At).ToList();
        Assert.Contains("11-24 10:05", times);
        Assert.Contains("11-24 11:00", times);
    }

    // A Japanese clock before a forecast word is a deadline only when it is still to come and the word is not "as planned" or
    // "no estimate yet".
    [Theory]
    [InlineData("佐藤 健  10:20\n10時に決済で障害が発生し、復旧の見込みは立っていません。", "2023-11-24 10:00")]
    [InlineData("佐藤 健  23:10\n22時に切り戻しを実施し、予定通り完了しました。", "2023-11-24 22:00")]
    public void A_japanese_clock_gone_by_is_no_deadline(string chat, string at)
    {
        var events = AnalysisTests.FromNotes(chat).Timeline;
        Assert.Contains(events, e => e.Time.ToString("uuuu-MM-dd HH:mm", null) == at && e.KindRule != "forecast");
        Assert.DoesNotContain(events, e => e.KindRule == "forecast");
    }

    [Theory]
    [InlineData("we closed the issue as a duplicate of INC-4411 and kept working in that one", "resolution")]
    [InlineData("閾値 90%に引き上げて、アラートを止めました", "alert")]
    [InlineData("clients started writing to the old primary again", "customer-report")]
    [InlineData("users started calling the v2 endpoint after the SDK release", "customer-report")]
    [InlineData("Customers started reporting success again", "customer-report")]
    [InlineData("The incident widened to more people across the EU region", "escalation")]
    public void S35_open_phrases_do_not_read_these(string text, string notKind) =>
        Assert.NotEqual(notKind, KindLexicon.Default.Classify(text).Kind.ToName());

    [Theory]
    [InlineData("We closed the issue at 11:00 once every check passed", "resolution")]
    [InlineData("Customers started calling support about failed payments", "customer-report")]
    [InlineData("Users began reporting errors on checkout", "customer-report")]
    [InlineData("The investigation was widened to the extended platform team", "escalation")]
    public void S35_open_phrases_still_read_these(string text, string kind) =>
        Assert.Equal(kind, KindLexicon.Default.Classify(text).Kind.ToName());

    // A standing schedule with its hours at the top of notes is no window of impact: the keys come from the timeline below it.
    [Theory]
    [InlineData("Support hours are Mon-Wed 09:00-17:00 UTC.")]
    [InlineData("Our office hours are 08:00–18:00.")]
    [InlineData("The nightly batch window runs 01:00-03:00.")]
    public void A_schedule_with_its_hours_is_no_window_of_impact(string schedule)
    {
        var pm = AnalysisTests.FromNotes(schedule + "\n- 10:05 checkout failing for everyone\n- 10:45 rolled back\n- 11:00 errors at 0, checkout working again");
        Assert.Equal(("10:05", "11:00"), (Hm(pm.Keys.ImpactStart), Hm(pm.Keys.Resolution)));
    }

    [Fact]
    public void A_window_of_impact_without_a_schedule_word_still_is_one()
    {
        var pm = AnalysisTests.FromNotes("Between 09:10 and 09:40 UTC checkout failed for every customer.\n- 09:50 we posted a status update");
        Assert.Equal(("09:10", "09:40"), (Hm(pm.Keys.ImpactStart), Hm(pm.Keys.Resolution)));
    }
}
