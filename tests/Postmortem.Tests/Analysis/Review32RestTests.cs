using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// The rest of review32's findings, fixed by the lead (docs/accuracy.md, thirty-third session, lead): a Polish failure said to be
/// removed is the end, not impact (F13); a clock a chat message looks forward to ("ETA 10:45") is a moment ahead of it of no kind
/// (the corpus labels forecasts as moments), not one the night before with the message's kinds (F20); a Korean or Chinese word for the afternoon before a colon clock ("오후 3:10", "下午3:10") is its meridiem (F21).
/// Then review33's findings on those fixes: a chat clock still to come is decided by the clock, not a list of words (F1); a clock
/// before the message's own is past whatever its words (F2); "po usunięciu awarii" is a promise (F3); the date before a morning
/// word (F4); noon written 午後0:30, 밤 12:30 and a window's end (F5). Sentences of our own.
/// </summary>
public sealed class Review32RestTests
{
    private static string Kind(string text) => KindLexicon.Default.Classify(text).Kind.ToName();

    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    private static string[] Times(AnalyzedPostmortem pm) => [.. pm.Timeline.Select(e => e.Time.ToString("MM-dd HH:mm", null))];

    [Theory]
    [InlineData("Awaria została usunięta o 11:00")]
    [InlineData("11:00 awaria usunięta, płatności działają")]
    [InlineData("Usunięto awarię serwera płatności")]
    [InlineData("Usterka została naprawiona")]
    public void A_polish_failure_removed_is_the_end(string text) => Assert.Equal("resolution", Kind(text));

    [Theory]
    [InlineData("Awaria nie została jeszcze usunięta")]
    [InlineData("Awaria zostanie usunięta do 14:00")]
    [InlineData("Awaria systemu płatności, klienci nie mogą zapłacić")]
    public void A_polish_failure_not_yet_removed_is_not_the_end(string text) => Assert.NotEqual("resolution", Kind(text));

    [Fact]
    public void Polish_bullets_end_where_the_failure_is_removed()
    {
        var pm = AnalysisTests.FromNotes("- 10:05 Awaria systemu płatności, klienci nie mogą zapłacić.\n- 10:20 Zespół wycofał wdrożenie.\n- 11:00 Awaria została usunięta.");
        Assert.Equal(("10:05", "11:00"), (Hm(pm.Keys.ImpactStart), Hm(pm.Keys.Resolution)));
    }

    [Theory]
    [InlineData("[09:00] <ana> checkout failing for everyone\n[09:40] <bo> EU still failing, expected back by 11:30\n[10:20] <ana> checkout working again everywhere\n[11:45] <bo> closing the incident")]
    [InlineData("[09:00] <ana> checkout failing for everyone\n[09:40] <bo> EU still failing, ETA 10:45\n[10:20] <ana> checkout working again everywhere\n[11:45] <bo> closing the incident")]
    [InlineData("Ana Lima  9:00 AM\ncheckout failing for everyone\nBo Chen  9:40 AM\nrollback running, should be done by 10:15. next update at 10:30\nAna Lima  10:20 AM\ncheckout working again everywhere")]
    [InlineData("[09:00] <ana> checkout failing for everyone\n[09:40] <bo> we'll restart the EU pool at 11:15 if this keeps up\n[10:20] <ana> checkout working again everywhere")]
    public void A_clock_a_chat_message_looks_forward_to_is_a_moment_ahead_of_no_kind(string chat)
    {
        var pm = AnalysisTests.FromNotes(chat);
        Assert.All(Times(pm), t => Assert.StartsWith("11-24 ", t, StringComparison.Ordinal));
        Assert.Equal(("09:00", "10:20"), (Hm(pm.Keys.ImpactStart), Hm(pm.Keys.Resolution)));
        Assert.Equal(80, pm.DurationMinutes);
        var ahead = pm.Timeline.Where(e => e.KindRule == "forecast").ToList();
        Assert.NotEmpty(ahead);
        Assert.All(ahead, e => Assert.True(e.Kind == EventKind.Other && e.Time.ToString("HH:mm", null) is "10:15" or "10:30" or "10:45" or "11:15" or "11:30", e.ToString()));
    }

    [Theory]
    [InlineData("[10:20] <bo> checkout was failing since 09:05, fixed by 10:10", "11-24 09:05")]
    [InlineData("[10:20] <bo> latency was back to expected by 10:05", "11-24 10:05")]
    [InlineData("[10:20] <bo> I rolled back at 09:50", "11-24 09:50")]
    [InlineData("[10:20] <bo> our scheduled cleanup job at 03:00 dropped the index", "11-24 03:00")]
    [InlineData("[10:20] <bo> planned failover at 09:45 broke it", "11-24 09:45")]
    public void A_clock_a_chat_message_looks_back_to_is_still_a_moment(string chat, string moment) =>
        Assert.Contains(moment, Times(AnalysisTests.FromNotes(chat)));

    [Fact]
    public void A_forecast_past_midnight_is_the_night_ahead()
    {
        var pm = AnalysisTests.FromNotes("[23:10] <ana> checkout failing for everyone\n[23:50] <bo> still failing, ETA 00:30\n[00:20] <ana> checkout working again");
        var ahead = Assert.Single(pm.Timeline, e => e.KindRule == "forecast");
        Assert.Equal("11-25 00:30", ahead.Time.ToString("MM-dd HH:mm", null));
        Assert.Equal(70, pm.DurationMinutes);
    }

    [Fact]
    public void A_korean_afternoon_word_before_a_colon_clock_is_its_meridiem()
    {
        var pm = AnalysisTests.FromNotes("- 11월 24일(금) 오전 9:10 배포 시작\n- 11월 24일(금) 오후 3:10 결제 서비스 장애 발생\n- 11월 24일(금) 오후 4:20 서비스 복구 완료");
        Assert.Equal(["11-24 09:10", "11-24 15:10", "11-24 16:20"], Times(pm));
        Assert.Equal(("15:10", "16:20"), (Hm(pm.Keys.ImpactStart), Hm(pm.Keys.Resolution)));
    }

    [Fact]
    public void A_chinese_afternoon_word_right_before_a_colon_clock_is_read()
    {
        var pm = AnalysisTests.FromNotes("- 11月24日 上午9:10 开始部署\n- 11月24日 下午3:10 支付服务无法访问\n- 11月24日 下午4:20 服务已恢复");
        Assert.Equal(["11-24 09:10", "11-24 15:10", "11-24 16:20"], Times(pm));
    }

    [Fact]
    public void A_night_word_before_one_oclock_stays_in_the_morning()
    {
        Assert.Equal(["11-24 01:00", "11-24 22:30"], Times(AnalysisTests.FromNotes("- 밤 1:00 배포 시작\n- 밤 10:30 결제 장애 발생")));
    }

    [Theory]
    [InlineData("[09:00] <ana> checkout failing for everyone\n[09:40] <bo> EU still failing, hoping to have it fixed by 11:30\n[10:20] <ana> checkout working again everywhere")]
    [InlineData("[09:00] <ana> checkout failing for everyone\n[09:40] <bo> EU still failing, let's regroup at 11:30 if it keeps up\n[10:20] <ana> checkout working again everywhere")]
    [InlineData("[09:00] <ana> checkout failing for everyone\n[09:40] <bo> EU still down, we plan to restart the pool at 11:15\n[10:20] <ana> checkout working again everywhere")]
    [InlineData("Ana Lima  9:00 PM\ncheckout failing for everyone\nBo Chen  9:40 PM\nEU still failing, back in an hour or so (10:45)\nAna Lima  10:20 PM\ncheckout working again everywhere")]
    public void A_clock_still_to_come_in_a_chat_is_ahead_of_no_kind_whatever_its_words(string chat)
    {
        var pm = AnalysisTests.FromNotes(chat);
        Assert.All(Times(pm), t => Assert.StartsWith("11-24 ", t, StringComparison.Ordinal));
        Assert.Equal(80, pm.DurationMinutes);
        Assert.Equal(EventKind.Other, Assert.Single(pm.Timeline, e => e.KindRule == "forecast").Kind);
    }

    [Theory]
    [InlineData("[10:05] <bo> Will restarted the EU pool at 09:40, errors dropping since then", "11-24 09:40")]
    [InlineData("[09:30] <ana> checkout failing for everyone since our scheduled deploy went out at 09:12", "11-24 09:12")]
    [InlineData("[10:20] <bo> summary: an estimated 4000 users lost access at 09:10 when the cert expired", "11-24 09:10")]
    [InlineData("[10:20] <bo> we expected errors at 10:05 and saw them, failover finished at 10:12", "11-24 10:05")]
    [InlineData("[10:20] <bo> we should have been paged at 09:05", "11-24 09:05")]
    [InlineData("[09:00] <ana> disk full on db-2\n[09:40] <bo> the nightly backup at 23:00 is what filled the disk", "11-23 23:00")]
    public void A_clock_before_the_message_is_past_whatever_its_words(string chat, string moment) =>
        Assert.Contains(moment, Times(AnalysisTests.FromNotes(chat)));

    [Fact]
    public void A_polish_promise_to_tell_after_the_failure_is_removed_is_not_the_end()
    {
        Assert.NotEqual("resolution", Kind("Trwają prace naprawcze. Poinformujemy klientów po usunięciu awarii."));
        Assert.NotEqual("resolution", Kind("Problem zostanie rozwiązany po usunięciu awarii u dostawcy"));
        Assert.NotEqual("resolution", Kind("Awaria została usunięta tymczasowo"));
        var pm = AnalysisTests.FromNotes("- 09:00 Awaria systemu płatności, sklep nie działa\n- 09:30 Trwają prace naprawcze. Poinformujemy klientów po usunięciu awarii.\n- 11:00 Awaria została usunięta, wszystko działa poprawnie");
        Assert.Equal(120, pm.DurationMinutes);
    }

    [Theory]
    [InlineData("- 3月6日 上午9:10 支付服务无法访问\n- 3月6日 下午3:10 服务已恢复")]
    [InlineData("- 3월 6일(수) 오전 9:10 결제 서비스 장애 발생\n- 3월 6일(수) 오후 3:10 서비스 복구 완료")]
    [InlineData("- 3月6日 午前9:10 決済サービスで障害が発生\n- 3月6日 午後3:10 サービスは復旧しました")]
    public void A_morning_word_between_a_date_and_its_clock_keeps_the_date(string bullets) =>
        Assert.Equal(["03-06 09:10", "03-06 15:10"], Times(AnalysisTests.FromNotes(bullets)));

    [Fact]
    public void Noon_written_as_zero_midnight_at_night_and_a_windows_end_take_the_word()
    {
        Assert.Equal(["11-24 12:30", "11-24 13:40"], Times(AnalysisTests.FromNotes("- 11月24日 午後0:30 決済サービスで障害が発生\n- 11月24日 午後1:40 サービスは復旧しました")));
        Assert.Contains("11-24 00:30", Times(AnalysisTests.FromNotes("- 밤 12:30 서비스 복구 완료")));
        var window = AnalysisTests.FromNotes("- 오후 3:10~4:20 결제 서비스 장애").Timeline;
        Assert.Contains(window, e => e.Time.ToString("HH:mm", null) == "15:10" && e.EndTime?.ToString("HH:mm", null) is null or "16:20");
        Assert.DoesNotContain(window, e => e.Time.ToString("HH:mm", null) == "04:20");
    }

    [Fact]
    public void A_twelve_hour_forecast_after_noon_in_a_24_hour_chat_is_ahead()
    {
        var pm = AnalysisTests.FromNotes("[12:00] <ana> checkout failing for everyone\n[12:50] <bo> EU still failing, rollback should be done by 1:15\n[13:20] <ana> checkout working again everywhere");
        var ahead = Assert.Single(pm.Timeline, e => e.KindRule == "forecast");
        Assert.Equal("11-24 13:15", ahead.Time.ToString("MM-dd HH:mm", null));
        Assert.Equal(80, pm.DurationMinutes);
    }

    [Theory]
    [InlineData("[09:00] <ana> batch jobs red\n[09:40] <bo> the batch has been failing since 13:00", "11-23 13:00")]
    [InlineData("[09:00] <ana> batch jobs red\n[09:40] <bo> the import job started at 14:10 and never finished", "11-23 14:10")]
    public void A_clock_after_a_look_back_word_is_past_however_near_ahead(string chat, string moment)
    {
        var pm = AnalysisTests.FromNotes(chat);
        Assert.Contains(moment, Times(pm));
        Assert.DoesNotContain(pm.Timeline, e => e.KindRule == "forecast");
    }
}
