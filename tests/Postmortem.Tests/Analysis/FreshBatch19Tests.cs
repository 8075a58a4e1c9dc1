using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Twenty-third session (s23-fresh19): readings and judgements from the batch-19 train half, each with sentences of our own in
/// more than one register (prose, a status update, a chat line, a terse timeline bullet), and the review of those rules with
/// ordinary sentences they could misread (docs/accuracy.md, "twenty-third session: reading and judgement from batch 19's train half").
/// </summary>
public sealed class FreshBatch19Tests
{
    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    private static bool ReadsKind(string text, EventKind kind) => KindLexicon.Default.Read(text, null).Any(e => e.Kind == kind);

    [Theory]
    // "On their side" says where another party fixed it; a recovery joined on with a subject of its own is ours.
    [InlineData("Our DNS provider fixed the fault on their side and the site was back to normal at 11:20.", true)]
    [InlineData("Update - The carrier repaired the link on their side, and all customer lines are working again.", true)]
    [InlineData("vendor patched it on their side and the checkout works again", true)]
    // Review: their own record, or a recovery that "on their side" limits, is not our recovery.
    [InlineData("The carrier says the fault is resolved on their side.", false)]
    [InlineData("cdn says it recovered on their side but we still see 502s", false)]
    [InlineData("- 11:20 provider marked it resolved on their status page", false)]
    public void Their_side_limits_only_its_own_clause(string text, bool expected) =>
        Assert.Equal(expected, ReadsKind(text, EventKind.Resolution));

    [Theory]
    // Green said of all of something is the status colour of a recovery.
    [InlineData("lb2 active again, all installs green", true)]
    [InlineData("- 14:26 every region green again", true)]
    [InlineData("By 14:26 everything was green again.", true)]
    // Review: tests and builds passing, a wait, a negation are not.
    [InlineData("all tests green on the fix branch, merging", false)]
    [InlineData("waiting for all dashboards to go green", false)]
    [InlineData("not all hosts green yet", false)]
    public void All_of_something_green_is_a_recovery(string text, bool expected) =>
        Assert.Equal(expected, ReadsKind(text, EventKind.Resolution));

    [Fact]
    public void A_recovery_before_any_trouble_recovered_nothing()
    {
        var bullets = AnalysisTests.FromNotes("- 09:00 Morning check: all hosts green\n- 09:20 Alert: checkout 5xx above 5%\n- 09:35 Rolled back the cart deploy\n- 09:50 Checkout works again");
        Assert.Equal("09:35", Hm(bullets.Keys.Mitigation));
        Assert.Equal("09:50", Hm(bullets.Keys.Resolution));
        var chat = AnalysisTests.FromNotes("Jonas  9:00 AM\nshort power dip, UPS carried it, everything is back to normal\nBMS Alerts  9:24 AM\nALARM hall 2 temperature rising\nJonas  9:50 AM\nreset the stuck pump, cooling is working again");
        Assert.Equal("09:50", Hm(chat.Keys.Mitigation));
    }

    [Fact]
    public void A_call_to_the_on_call_brings_the_first_responder()
    {
        var irc = AnalysisTests.FromNotes("[10:05] <watchbot> CRITICAL api 5xx -- paging on-call (ana)\n[10:07] <ana> ack, looking\n[10:15] <ana> need the db team, paging @dbteam\n[10:30] <ana> failed over, api ok again");
        Assert.Equal("10:15", Hm(irc.Keys.Escalation));
        var slack = AnalysisTests.FromNotes("Renee  10:19 AM\nlogins failing for lots of customers\nRenee  10:20 AM\n@sam you're on call? can you look\nSam  10:25 AM\nlooking, auth is slow\nSam  10:40 AM\ncan someone from the identity team join?\nSam  10:55 AM\nrestarted auth, logins work again");
        Assert.Equal("10:40", Hm(slack.Keys.Escalation));
        var bullets = AnalysisTests.FromNotes("- 10:05 Alert: api 5xx above 5%\n- 10:06 Paging the on-call engineer\n- 10:20 On-call escalated to the database team\n- 10:40 Failover done, api ok again");
        Assert.Equal("10:20", Hm(bullets.Keys.Escalation));
    }

    [Fact]
    public void Review_another_teams_on_call_or_a_duty_manager_is_still_an_escalation()
    {
        var payments = AnalysisTests.FromNotes("[10:05] <ana> checkout failing for everyone, looking\n[10:12] <ana> paging the payments on-call too\n[10:30] <ana> rolled back, checkout works again");
        Assert.Equal("10:12", Hm(payments.Keys.Escalation));
        var manager = AnalysisTests.FromNotes("[10:05] <ana> checkout failing for everyone, looking\n[10:12] <ana> paging the duty manager\n[10:30] <ana> rolled back, checkout works again");
        Assert.Equal("10:12", Hm(manager.Keys.Escalation));
    }

    [Fact]
    public void A_window_beside_the_last_that_closed_first_is_a_part_back()
    {
        var bullets = AnalysisTests.FromNotes("Users could not log in.\n\nTimeframe (UTC):\n- EU between 14:39 and 14:53\n- US between 14:39 and 15:12\n- APAC between 14:39 and 15:05");
        Assert.Equal("14:53", Hm(bullets.Keys.Mitigation));
        Assert.Equal("15:12", Hm(bullets.Keys.Resolution));
    }

    [Fact]
    public void Review_periods_one_after_another_or_a_peak_inside_are_no_part_back()
    {
        var periods = AnalysisTests.FromNotes("Periods of failed requests:\n- 12:45 - 12:55 UTC\n- 13:10 - 14:30 UTC\n- 14:46 - 15:21 UTC");
        Assert.NotEqual("12:55", Hm(periods.Keys.Mitigation));
        var peak = AnalysisTests.FromNotes("Between 10:00 and 11:00 UTC checkout failed for all users. Between 10:05 and 10:10 UTC the error rate peaked at 60%.");
        Assert.NotEqual("10:10", Hm(peak.Keys.Mitigation));
    }

    [Fact]
    public void What_is_told_after_the_written_end_is_no_detection()
    {
        var report = AnalysisTests.FromNotes("Between 14:39 and 15:12 UTC users could not log in.\n\n2023-11-25 09:49 UTC Lessons: improve the rollback process, and improve our monitoring so automated alerts are sent earlier.");
        Assert.Null(report.Keys.Detection);
        // Review: an alert that tells the impact back after a window is a relapse, and still the team knowing.
        var relapse = AnalysisTests.FromNotes("Between 10:00 and 10:30 UTC logins failed for all users.\n- 10:45 alert fired: logins failing again\n- 11:00 logins work again");
        Assert.NotNull(relapse.Keys.Detection);
    }
}
