using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// The rest of review33's findings on main, fixed by the lead (docs/accuracy.md, thirty-fourth session, lead): a plan in a chat
/// further ahead than the forecast words reach ("we will redeploy the fix at 22:00 tonight" said at 09:40) is a moment ahead, not
/// the night before with the message's impact, while a clause in the past keeps its clock past (F22); a question about the end is
/// not the end (F18); "at 9:50 last night" is 21:50 the day before (F21). Sentences of our own.
/// </summary>
public sealed class Review33RestTests
{
    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    private static string[] Times(AnalyzedPostmortem pm) => [.. pm.Timeline.Select(e => e.Time.ToString("MM-dd HH:mm", null))];

    [Theory]
    [InlineData("[09:40] <bo> EU still failing, we will redeploy the fix at 22:00 tonight", "22:00")]
    [InlineData("[09:40] <bo> EU still failing, maintenance window opens at 17:00 if we need it", "17:00")]
    [InlineData("[09:40] <bo> EU still failing, the patched build will be deployed at 21:30", "21:30")]
    [InlineData("[09:40] <bo> EU still failing, we're going to fail over at 19:00 unless it settles", "19:00")]
    public void A_plan_later_in_the_day_is_a_moment_ahead_of_no_kind(string plan, string at)
    {
        var pm = AnalysisTests.FromNotes("[09:00] <ana> checkout failing for everyone\n" + plan + "\n[10:20] <ana> checkout working again everywhere");
        var ahead = Assert.Single(pm.Timeline, e => e.KindRule == "forecast");
        Assert.Equal(("11-24 " + at, EventKind.Other), (ahead.Time.ToString("MM-dd HH:mm", null), ahead.Kind));
        Assert.Equal(("09:00", "10:20"), (Hm(pm.Keys.ImpactStart), Hm(pm.Keys.Resolution)));
        Assert.Equal(80, pm.DurationMinutes);
    }

    [Theory]
    [InlineData("[09:40] <bo> the deploy at 20:00 broke EU checkout, rolling back now", "11-23 20:00")]
    [InlineData("[10:20] <bo> the nightly export at 23:00 filled the disk", "11-23 23:00")]
    [InlineData("[10:20] <bo> we will look at why the batch at 18:00 crashed", "11-23 18:00")]
    public void A_clock_later_in_the_day_in_a_clause_in_the_past_is_the_day_before(string chat, string moment)
    {
        var pm = AnalysisTests.FromNotes(chat);
        Assert.Contains(moment, Times(pm));
        Assert.DoesNotContain(pm.Timeline, e => e.KindRule == "forecast");
    }

    [Theory]
    [InlineData("[09:00] <ana> checkout failing for everyone\n[09:40] <ola> has the outage been resolved?\n[09:42] <jan> no, still working on it\n[10:30] <jan> checkout working again, outage resolved")]
    [InlineData("[09:00] <ana> płatności nie działają dla wszystkich\n[09:40] <ola> czy awaria została usunięta?\n[09:42] <jan> nie, nadal pracujemy\n[10:30] <jan> płatności działają, awaria usunięta")]
    [InlineData("- 09:00 Checkout failing for everyone.\n- 09:40 Is checkout working again? Not yet.\n- 10:30 Checkout working again, all payments succeed.")]
    public void A_question_about_the_end_is_not_the_end(string notes)
    {
        var pm = AnalysisTests.FromNotes(notes);
        Assert.Equal(("09:00", "10:30"), (Hm(pm.Keys.ImpactStart), Hm(pm.Keys.Resolution)));
        Assert.Equal(90, pm.DurationMinutes);
    }

    [Theory]
    [InlineData("Has the outage been resolved?")]
    [InlineData("did the rollback restore service?")]
    public void A_question_is_no_evidence_of_the_end(string text) =>
        Assert.DoesNotContain(KindLexicon.Default.Read(text, null), k => k.Kind is EventKind.Resolution or EventKind.Mitigation);

    [Fact]
    public void An_answer_after_a_question_is_still_the_end() =>
        Assert.Equal(EventKind.Resolution, KindLexicon.Default.Classify("Is it back? Yes, service restored for all users.").Kind);

    [Theory]
    [InlineData("[09:40] <bo> the error spike started at 9:50 last night too, same signature", "11-23 21:50")]
    [InlineData("- 10:05 Yesterday evening around 8:15 the queue started backing up.", "11-23 20:15")]
    [InlineData("- 10:05 The first alert fired at 2:30 last night.", "11-24 02:30")]
    [InlineData("- 10:05 The first alert fired at 12:30 last night.", "11-24 00:30")]
    [InlineData("- 10:05 The pager went off at 11:52 PM last night.", "11-23 23:52")]
    public void An_evening_word_of_the_day_before_says_the_afternoon_half(string notes, string moment) =>
        Assert.Contains(moment, Times(AnalysisTests.FromNotes(notes)));

    [Theory]
    [InlineData("- 15:10~16:20 결제 서비스 장애\n- 17:00 원인 분석 완료")]
    [InlineData("- 오후 3:10~4:20 결제 서비스 장애\n- 오후 5:00 원인 분석 완료")]
    public void A_window_joined_by_a_tilde_is_one_span_with_its_words_on_the_start(string notes)
    {
        var pm = AnalysisTests.FromNotes(notes);
        var window = pm.Timeline[0];
        Assert.Equal(("15:10", "16:20", EventKind.Impact), (window.Time.ToString("HH:mm", null), window.EndTime?.ToString("HH:mm", null), window.Kind));
        Assert.Equal("15:10", Hm(pm.Keys.ImpactStart));
    }

    [Fact]
    public void A_tilde_after_a_space_is_about_not_a_window()
    {
        var pm = AnalysisTests.FromNotes("- 09:00 ~09:30 checkout errors reported by support");
        Assert.All(pm.Timeline, e => Assert.Null(e.EndTime));
    }

    // Review34 on these fixes: a recovery followed by another question is still the end (F1); a clock earlier on the dial, or one a
    // modal of looking leads to, is no plan (F2); a possessive "last night's" after a leading clock dates nothing (F3).
    [Theory]
    [InlineData("[10:20] <bo> rolled back the deploy, checkout working again, can someone confirm?")]
    [InlineData("[10:20] <bo> failover to us-east done, service restored, should we close the incident?")]
    [InlineData("- 10:20 Fix deployed and service restored (https://status.example.com/incidents/42?tab=updates).")]
    [InlineData("[10:20] <bo> resolved? yes, all green now")]
    [InlineData("[10:20] <jan> awaria usunięta, czy ktoś jeszcze widzi błędy?")]
    public void A_recovery_followed_by_another_question_is_still_the_end(string last)
    {
        var pm = AnalysisTests.FromNotes("[09:00] <ana> checkout failing for everyone\n" + last);
        Assert.Equal("10:20", Hm(pm.Keys.Resolution));
    }

    [Theory]
    [InlineData("[09:40] <bo> you'll see the first 502s at 22:10 in the graph", "11-23 22:10")]
    [InlineData("[09:40] <bo> first 502s at 22:10 according to Will", "11-23 22:10")]
    [InlineData("[09:40] <bo> I'll add the 23:10 failover to the timeline", "11-23 23:10")]
    [InlineData("[09:40] <bo> check if it matches the 502 spike at 22:10", "11-23 22:10")]
    [InlineData("[23:40] <bo> we will have to revert the 14:10 deploy, nothing else helps", "11-24 14:10")]
    [InlineData("[09:40] <bo> will check why the cache froze at 22:10", "11-23 22:10")]
    [InlineData("[09:40] <bo> I'll dig into why the job hung at 23:10", "11-23 23:10")]
    [InlineData("[09:40] <bo> Will restarted the EU pool at 21:40 last time", "11-23 21:40")]
    public void A_clock_no_plan_leads_to_is_no_forecast(string chat, string moment)
    {
        var pm = AnalysisTests.FromNotes(chat);
        Assert.Contains(moment, Times(pm));
        Assert.DoesNotContain(pm.Timeline, e => e.KindRule == "forecast");
    }

    [Theory]
    [InlineData("[09:40] <bo> EU still failing, next deploy window is 22:00", "22:00")]
    [InlineData("[09:40] <bo> EU still failing, the fix goes out at 22:00", "22:00")]
    public void A_scheduled_slot_later_in_the_day_is_a_forecast(string plan, string at)
    {
        var pm = AnalysisTests.FromNotes("[09:00] <ana> checkout failing for everyone\n" + plan + "\n[10:20] <ana> checkout working again everywhere");
        Assert.Equal("11-24 " + at, Assert.Single(pm.Timeline, e => e.KindRule == "forecast").Time.ToString("MM-dd HH:mm", null));
        Assert.Equal(80, pm.DurationMinutes);
    }

    [Theory]
    [InlineData("- 09:30 Errors on checkout.\n- 10:05 last night's alert turned out to be a false alarm.", "11-24 10:05")]
    [InlineData("- 09:30 Errors on checkout.\n- 10:05 yesterday's deploy was rolled back, queue draining", "11-24 10:05")]
    public void A_possessive_day_word_after_a_leading_clock_dates_nothing(string notes, string moment) =>
        Assert.Contains(moment, Times(AnalysisTests.FromNotes(notes)));

    [Theory]
    [InlineData("- 23:40 Yesterday - the queue stalled.\n- 08:10 Queue drained.")]
    [InlineData("23:40 Yesterday: queue stalled\n08:10 Queue drained.")]
    public void A_day_word_after_a_leading_clock_with_no_clock_after_it_is_that_clocks(string notes) =>
        Assert.Equal(["11-23 23:40", "11-24 08:10"], Times(AnalysisTests.FromNotes(notes)));
}
