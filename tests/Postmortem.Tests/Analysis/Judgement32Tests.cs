using NodaTime;
using Postmortem.Analysis;
using Postmortem.Ingest.Notes;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Thirty-second session (s32-open): forms batch 28's train half missed at arrival, and forms s31-open left, fixed by principle,
/// each with sentences of our own in several registers (bullets, a chat line, a status update, prose) and a variant the rule must not
/// misread (docs/accuracy.md, "batch 28's train half opened").
/// </summary>
public sealed class Judgement32Tests
{
    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    private static string? Day(KeyTimestamp? key) => key?.Time.ToString("MM-dd HH:mm", null);

    private static string At(TimelineEvent e) => e.Time.ToString("uuuu-MM-dd HH:mm", null);

    private static IReadOnlyList<TimelineEvent> Events(string notes) =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 5, 3), DefaultZone = DateTimeZoneProviders.Tzdb["UTC"] }).Events;

    private static string Kind(string text) => KindLexicon.Default.Classify(text).Kind.ToName();

    // A Korean, Japanese or Chinese date before a colon clock ("5월 4일(토) 09:30경", "5月4日(土) 09:30"): before, only the first day
    // was read, and every later line ran past midnight from the one above.
    [Fact]
    public void A_cjk_date_before_a_colon_clock_dates_it()
    {
        var korean = Events("- 5월 3일(금) 21:10경 — 결제 서버 장애로 결제가 멈춤\n- 5월 4일(토) 밤 23:00경 — 일부 서비스 복구\n- 5월 6일(월) 08:00경 — 전체 서비스 복구 완료");
        Assert.Equal(["2024-05-03 21:10", "2024-05-04 23:00", "2024-05-06 08:00"], korean.Select(At));

        var japanese = Events("5月3日(金) 21:10 決済システム障害のため、カードが使えない状態です\n5月5日(日) 09:30 サービスは復旧しております");
        Assert.Equal(["2024-05-03 21:10", "2024-05-05 09:30"], japanese.Select(At));

        var chinese = Events("[2024年5月3日 21:10] 支付系统宕机\n[2024年5月4日 09:30] 已恢复正常");
        Assert.Equal(["2024-05-03 21:10", "2024-05-04 09:30"], chinese.Select(At));
    }

    [Fact]
    public void A_clock_with_no_cjk_date_before_it_keeps_the_day_in_force()
    {
        // A version number and a count are no date; a word for night before a morning clock leaves the date out, not the clock misread.
        var events = Events("- 버전 3.12 배포 09:30\n- 서버 12대 점검 10:15");
        Assert.Equal(["2024-05-03 09:30", "2024-05-03 10:15"], events.Select(At));
    }

    [Fact]
    public void Korean_keys_from_dated_bullets()
    {
        var bullets = AnalysisTests.FromNotes("- 5월 3일(금) 21:10경 — 결제 서버 장애로 결제가 멈춤\n- 5월 4일(토) 23:00경 — 647개 가운데 30개 서비스 복구\n- 5월 6일(월) 08:00경 — 전체 서비스 복구 완료");
        Assert.Equal(("05-03 21:10", "05-04 23:00", "05-06 08:00"), (Day(bullets.Keys.ImpactStart), Day(bullets.Keys.Mitigation), Day(bullets.Keys.Resolution)));
    }

    [Theory]
    [InlineData("결제 서버 장애로 결제가 멈춤", "impact")]
    [InlineData("로그인 서비스 접속 불가", "impact")]
    [InlineData("전체 서비스 복구 완료", "resolution")]
    [InlineData("647개 가운데 30개 서비스 복구", "mitigation")]
    [InlineData("공식 브리핑 기준 누적 39개 시스템 복구", "mitigation")]
    [InlineData("30 of 647 services restored", "mitigation")]
    [InlineData("Uploads work again, older photos not visible yet", "mitigation")]
    public void Korean_kinds_and_a_recovery_of_a_part(string text, string kind) => Assert.Equal(kind, Kind(text));

    [Theory]
    [InlineData("장애 없이 점검 완료", "impact")]
    [InlineData("복구 착수, 원인 조사 중", "resolution")]
    [InlineData("복구 완료 예정 시각은 미정", "resolution")]
    [InlineData("All 647 services restored", "mitigation")]
    [InlineData("전체 647개 시스템 복구 완료", "mitigation")]
    [InlineData("Uploads work again, older photos visible as well", "mitigation")]
    public void A_korean_kind_denied_or_begun_and_a_whole_recovery_are_not_misread(string text, string notKind) => Assert.NotEqual(notKind, Kind(text));

    // A window whose end has its own date ("5月3日(金)18時頃 ~ 5月6日(月)14時00分頃"): before, the "~" and the end were left out, and the
    // end's date was read as the start of a second moment.
    [Fact]
    public void A_cjk_window_with_a_date_before_its_end_ends_on_that_date()
    {
        var japanese = Events("障害発生期間：5月3日(金)18時頃 ~ 5月6日(月)14時00分頃、管理画面が使用できなくなりました");
        Assert.Equal("2024-05-03 18:00", At(japanese[0]));
        Assert.Equal("2024-05-06 14:00", japanese[0].EndTime?.ToString("uuuu-MM-dd HH:mm", null));

        var korean = Events("- 5월 3일 18시 ~ 5월 4일 2시: 결제 서버 장애");
        Assert.Equal("2024-05-04 02:00", korean[0].EndTime?.ToString("uuuu-MM-dd HH:mm", null));

        var sameDay = Events("5月3日 18時 ~ 20時 決済システム障害");
        Assert.Equal("2024-05-03 20:00", sameDay[0].EndTime?.ToString("uuuu-MM-dd HH:mm", null));
    }

    // Polish: "między godziną 3:30 a 4:00" is a window; "do godziny 18.00", "o godzinie 9.15" are clocks; awaria, nie działa,
    // niedostępny are the outage; przywrócono and "wszystkie … działają poprawnie" the end.
    [Fact]
    public void Polish_windows_and_clocks_after_the_word_for_hour()
    {
        var between = Events("Między godziną 3:30 a 4:00 wystąpiła awaria systemu sterowania ruchem.");
        Assert.Equal("2024-05-03 03:30", At(between[0]));
        Assert.Equal("2024-05-03 04:00", between[0].EndTime?.ToString("uuuu-MM-dd HH:mm", null));

        var until = Events("- Do godziny 18.00 przywrócono działanie wszystkich serwerów");
        Assert.Equal(["2024-05-03 18:00"], until.Select(At));

        // A price or a version with a dot is no clock without the word for hour.
        Assert.Empty(Events("Koszt naprawy wyniósł 18.00 zł za sztukę."));
    }

    [Theory]
    [InlineData("Wystąpiła awaria systemu sterowania ruchem", "impact")]
    [InlineData("Portal dla klientów nie działa", "impact")]
    [InlineData("Przywrócono ruch na wszystkich liniach", "resolution")]
    [InlineData("Wszystkie centra działają poprawnie", "resolution")]
    public void Polish_kinds_are_read(string text, string kind) => Assert.Equal(kind, Kind(text));

    [Theory]
    [InlineData("Nie stwierdzono awarii sieci", "impact")]
    [InlineData("Ruchu jeszcze nie przywrócono", "resolution")]
    public void A_polish_kind_denied_is_not_read(string text, string notKind) => Assert.NotEqual(notKind, Kind(text));

    [Fact]
    public void Polish_keys_in_bullets_and_prose()
    {
        var bullets = AnalysisTests.FromNotes("- 09:05 Portal dla klientów nie działa\n- 09:40 Przywrócono działanie portalu, wszystkie usługi działają poprawnie");
        Assert.Equal(("09:05", "09:40"), (Hm(bullets.Keys.ImpactStart), Hm(bullets.Keys.Resolution)));

        var prose = AnalysisTests.FromNotes("Między godziną 9:05 a 9:40 wystąpiła awaria portalu. O godzinie 9.40 przywrócono działanie portalu.");
        Assert.Equal(("09:05", "09:40"), (Hm(prose.Keys.ImpactStart), Hm(prose.Keys.Resolution)));
    }

    // A day without its year, read in the year of the post's own date, that would fall after the post: the year before.
    [Fact]
    public void A_yearless_day_after_the_post_date_is_in_the_year_before()
    {
        var prose = Events("Review of the October outage\n\n07 Jan 2015\n\nOn 23rd October, at 4:19 AM, the job server crashed and nothing was processed.");
        Assert.Equal(["2014-10-23 04:19"], prose.Select(At));

        var bullets = Events("Posted 12 Feb 2021\n\n- 23 Dec 09:10 the API started failing\n- 23 Dec 09:40 the API recovered");
        Assert.Equal(["2020-12-23 09:10", "2020-12-23 09:40"], bullets.Select(At));
    }

    [Fact]
    public void A_yearless_day_before_the_post_date_keeps_its_year()
    {
        var prose = Events("Review of the outage\n\n07 Jan 2015\n\nOn 5th January, at 4:19 AM, the job server crashed and nothing was processed.");
        Assert.Equal(["2015-01-05 04:19"], prose.Select(At));
    }

    // Calling the vendor's or provider's support is an escalation; customers calling ours is not.
    [Theory]
    [InlineData("9:15 we contacted AWS support, who dug further into the problem")]
    [InlineData("rang the carrier's support desk about the dead circuit")]
    [InlineData("We reached out to the hosting provider at 10:02")]
    public void Contacting_a_vendors_support_is_an_escalation(string text) => Assert.Equal("escalation", Kind(text));

    [Theory]
    [InlineData("Customers contacted our support about failed logins")]
    [InlineData("Several users phoned the support desk")]
    public void Customers_contacting_support_is_no_escalation(string text) => Assert.NotEqual("escalation", Kind(text));

    [Fact]
    public void The_vendor_contacted_is_the_escalation_in_a_timeline_and_a_chat()
    {
        var timeline = AnalysisTests.FromNotes("- 06:15 error reports from customers, intermittent 503s\n- 09:15 we contacted AWS support\n- 10:30 the load balancer node was replaced and errors stopped");
        Assert.Equal("09:15", Hm(timeline.Keys.Escalation));

        var chat = AnalysisTests.FromNotes("[06:15] <ana> 503s on login, intermittent\n[09:15] <bo> called the ISP's support line, ticket open\n[10:30] <ana> errors stopped");
        Assert.Equal("09:15", Hm(chat.Keys.Escalation));
    }

    // "declared the matter fixed" tells the end; a chat bot's siren (":rotating_light:") is an alert.
    [Theory]
    [InlineData("At 12:32 the company declared the matter fixed", "resolution")]
    [InlineData("the provider declared the incident resolved", "resolution")]
    [InlineData(":rotating_light: New issue in checkout-api: TimeoutError - 40 events in the last minute", "alert")]
    public void A_declared_end_and_a_siren_are_read(string text, string kind) => Assert.Equal(kind, Kind(text));

    [Theory]
    [InlineData("We have not declared the incident resolved yet", "resolution")]
    [InlineData(":tada: the deploy finished", "alert")]
    public void An_end_not_declared_and_another_emoji_are_not_misread(string text, string notKind) => Assert.NotEqual(notKind, Kind(text));

    [Fact]
    public void A_status_update_that_declares_the_end_and_a_bot_siren_in_a_chat()
    {
        var prose = AnalysisTests.FromNotes("At 11:34 the company said users were unable to log in. At 12:03 it said the cause was found. At 12:32 the company declared the matter fixed.");
        Assert.Equal("12:32", Hm(prose.Keys.Resolution));

        var chat = AnalysisTests.FromNotes("Sentry  APP  12:34 PM\n:rotating_light: New issue in api-save: table is full - 212 events\nDana Whitfield  12:36 PM\nsaves are failing for everyone");
        Assert.Equal("12:34", Hm(chat.Keys.Detection));
    }

    // A step done in error ("restarted by mistake", "accidentally rolled back") is the change that hurt, not the bleeding stopped.
    [Theory]
    [InlineData("A server was restarted by mistake")]
    [InlineData("An engineer accidentally rolled back the wrong cluster")]
    [InlineData("[04:19] <ana> oops, failed over the primary in error")]
    public void A_step_done_by_mistake_is_no_mitigation(string text) => Assert.NotEqual("mitigation", Kind(text));

    [Theory]
    [InlineData("We restarted the job server")]
    [InlineData("rolled back the release on purpose to stop the errors")]
    public void A_step_taken_on_purpose_is_the_mitigation(string text) => Assert.Equal("mitigation", Kind(text));

    [Fact]
    public void The_step_after_a_mistaken_restart_is_the_mitigation()
    {
        var bullets = AnalysisTests.FromNotes("- 04:19 the job server was restarted by mistake and task processing stopped\n- 08:40 we learned of the problem\n- 09:20 restarted the workers by hand, queued tasks running again\n- 10:30 all tasks processed, everything back to normal");
        Assert.Equal(("04:19", "09:20"), (Hm(bullets.Keys.ImpactStart), Hm(bullets.Keys.Mitigation)));
    }

    // An outage told day by day whose recoveries come days after the start, with nothing between: the quiet stretch does not cut the
    // start off (the days of recovery, with no impact told in them, join the day the impact began).
    [Fact]
    public void Recoveries_days_after_an_untold_stretch_keep_the_start()
    {
        var korean = AnalysisTests.FromNotes("- 5월 3일(금) 20:15경 — 화재로 온라인 서비스가 멈춤\n- 5월 6일(월) 23:00경 — 647개 가운데 30개 서비스 복구\n- 5월 7일(화) 08:00경 — 누적 39개 시스템 복구");
        Assert.Equal(("05-03 20:15", "05-06 23:00"), (Day(korean.Keys.ImpactStart), Day(korean.Keys.Mitigation)));

        var english = AnalysisTests.FromNotes("- May 3 20:15 fire in the UPS room, online services down\n- May 6 23:00 30 of 647 services were restored\n- May 7 08:00 39 of 647 systems were restored");
        Assert.Equal(("05-03 20:15", "05-06 23:00"), (Day(english.Keys.ImpactStart), Day(english.Keys.Mitigation)));

        // The last recovery told as a count of the whole is no end either (in English "were restored" still ends it: docs/accuracy.md, "Left").
        Assert.Null(Day(korean.Keys.Resolution));
    }

    [Fact]
    public void An_earlier_incident_named_days_before_is_not_the_start()
    {
        var bullets = AnalysisTests.FromNotes("- May 1 09:00 the portal was down last week too, fixed the same day\n- May 4 10:00 portal down for everyone\n- May 4 10:40 portal back to normal");
        Assert.Equal(("05-04 10:00", "05-04 10:40"), (Day(bullets.Keys.ImpactStart), Day(bullets.Keys.Resolution)));
    }

    // "We knew nothing about the problem until 8:40": the clock after "until" is when the team learned of it.
    [Fact]
    public void Knowing_nothing_until_a_clock_is_the_detection()
    {
        var prose = AnalysisTests.FromNotes("At 4:19 the job server crashed and task processing stopped. The queue was poorly monitored, so we knew nothing about the problem until 8:40. At 9:20 queued tasks were running again.");
        Assert.Equal("08:40", Hm(prose.Keys.Detection));

        var bullets = AnalysisTests.FromNotes("- 04:19 job server crashed, task processing stopped\n- 08:40 we had no idea of the outage until the support queue filled up\n- 09:20 tasks running again");
        Assert.Equal("08:40", Hm(bullets.Keys.Detection));
    }

    [Fact]
    public void Knowing_nothing_without_until_is_no_detection()
    {
        var prose = AnalysisTests.FromNotes("At 4:19 the job server crashed and task processing stopped. At 8:40 the vendor said it knew nothing about the fault. At 9:20 queued tasks were running again.");
        Assert.NotEqual("08:40", Hm(prose.Keys.Detection));
    }
}
