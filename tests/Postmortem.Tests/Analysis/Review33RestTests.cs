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
    [InlineData("- 10:05 The first alert fired at 2:30 last night.", "11-23 02:30")]
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
}
