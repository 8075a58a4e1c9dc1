using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Twenty-fourth session (s24-fresh20): judgements and one word class from the batch-20 train half, each with sentences of our own
/// in more than one register (prose, a status update, a chat line, a terse timeline bullet), and the review of those rules with
/// ordinary sentences they could misread (docs/accuracy.md, "twenty-fourth session: reading and judgement from batch 20's train half").
/// </summary>
public sealed class FreshBatch20Tests
{
    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    private static bool ReadsKind(string text, EventKind kind) => KindLexicon.Default.Read(text, null).Any(e => e.Kind == kind);

    [Fact]
    public void A_recovery_with_the_backlog_still_being_worked_off_is_not_the_end()
    {
        var bullets = AnalysisTests.FromNotes("- 10:00 Alert: mail delivery failing\n- 10:20 Restarted the relay, mail flowing again, working through the backlog of queued mail\n- 10:55 All services fully recovered");
        Assert.Equal("10:20", Hm(bullets.Keys.Mitigation));
        Assert.Equal("10:55", Hm(bullets.Keys.Resolution));
        var chat = AnalysisTests.FromNotes("[10:00] <ana> sync failing for everyone, looking\n[10:20] <ana> db is back, still processing the queued jobs\n[10:50] <ana> everything back to normal");
        Assert.Equal("10:50", Hm(chat.Keys.Resolution));
        var status = AnalysisTests.FromNotes("Resolved\nThe system has fully recovered.\nPosted Nov 24, 2023 - 10:45 UTC\n\nMonitoring\nIngest is back and we are catching up on delayed data.\nPosted Nov 24, 2023 - 10:20 UTC\n\nInvestigating\nWe are looking into delayed data for all customers.\nPosted Nov 24, 2023 - 10:00 UTC");
        Assert.Equal("10:45", Hm(status.Keys.Resolution));
    }

    [Fact]
    public void Review_a_backlog_told_apart_from_the_recovery_or_with_nothing_after_leaves_the_end()
    {
        // The backlog told in its own line after the recovery, and a recovery with the backlog under way and no recovery after it.
        var apart = AnalysisTests.FromNotes("- 10:00 Alert: mail delivery failing\n- 10:20 Relay restarted, mail flowing again\n- 10:40 Processing the backlog\n- 11:00 Postmortem scheduled");
        Assert.Equal("10:20", Hm(apart.Keys.Resolution));
        var alone = AnalysisTests.FromNotes("- 10:00 Alert: mail delivery failing\n- 10:20 Relay restarted, mail flowing again, working through the backlog\n- 10:45 Status page updated");
        Assert.Equal("10:20", Hm(alone.Keys.Resolution));
    }

    [Fact]
    public void A_customer_confirming_the_fix_is_no_impact_reported_again()
    {
        var chat = AnalysisTests.FromNotes("[10:00] <ana> checkout failing for everyone, looking\n[10:20] <ana> rolled back the cart deploy, checkout works again\n[10:30] <sam> customers confirming on the tickets");
        Assert.Equal("10:20", Hm(chat.Keys.Resolution));
        var bullets = AnalysisTests.FromNotes("- 10:00 Alert: checkout 5xx above 5%\n- 10:20 Rolled back, checkout works again\n- 10:35 Customer confirmed the fix on their support ticket");
        Assert.Equal("10:20", Hm(bullets.Keys.Resolution));
    }

    [Fact]
    public void Review_a_customer_confirming_the_trouble_still_reports_it_again()
    {
        var bullets = AnalysisTests.FromNotes("- 10:00 Alert: checkout 5xx above 5%\n- 10:20 Rolled back, checkout works again\n- 10:35 Customers on the tickets confirm the bug is back\n- 10:50 Restarted the cart service, checkout works again");
        Assert.Equal("10:50", Hm(bullets.Keys.Resolution));
    }

    [Fact]
    public void An_action_starting_now_is_under_way_until_told_done()
    {
        var chat = AnalysisTests.FromNotes("[10:00] <ana> api 5xx for everyone, looking\n[10:20] <ana> going with the rollback of the api deploy, starting now\n[10:45] <ana> rollback complete, api ok again");
        Assert.Equal("10:45", Hm(chat.Keys.Mitigation));
        var bullets = AnalysisTests.FromNotes("- 10:00 Alert: writes failing on the primary\n- 10:20 Failover to the standby database, starting now\n- 10:40 Failover finished, writes succeeding again");
        Assert.Equal("10:40", Hm(bullets.Keys.Mitigation));
    }

    [Fact]
    public void Review_a_done_action_with_recovery_starting_stays_the_mitigation()
    {
        var bullets = AnalysisTests.FromNotes("- 10:00 Alert: api 5xx above 5%\n- 10:20 Rolled back the deploy, errors starting to fall\n- 10:50 Error rate back to normal");
        Assert.Equal("10:20", Hm(bullets.Keys.Mitigation));
        var chat = AnalysisTests.FromNotes("[10:00] <ana> workers crashing, jobs failing\n[10:20] <ana> restarted the workers, now starting to see recovery\n[10:50] <ana> all jobs processing again");
        Assert.Equal("10:20", Hm(chat.Keys.Mitigation));
    }

    [Fact]
    public void A_partial_recovery_told_at_the_end_stopped_no_bleeding_before_it()
    {
        var summary = AnalysisTests.FromNotes("Outage window: 08:00 - 09:10 UTC.\n\nMost regions were back within half an hour, and everything recovered at 09:10 UTC.");
        Assert.Null(summary.Keys.Mitigation);
        Assert.Equal("09:10", Hm(summary.Keys.Resolution));
        var bullets = AnalysisTests.FromNotes("- 09:00-09:40 api outage\n- 09:40 most endpoints were back, recovery complete");
        Assert.Null(bullets.Keys.Mitigation);
        Assert.Equal("09:40", Hm(bullets.Keys.Resolution));
    }

    [Fact]
    public void Review_an_action_at_the_end_or_a_part_back_before_it_stays_the_mitigation()
    {
        var action = AnalysisTests.FromNotes("- 09:00 Alert: api 5xx above 5%\n- 09:20 Rolled back the api deploy, api back to normal");
        Assert.Equal("09:20", Hm(action.Keys.Mitigation));
        var part = AnalysisTests.FromNotes("- 09:00 Alert: api 5xx above 5% in every region\n- 09:20 Most regions are back\n- 09:50 All regions fully recovered");
        Assert.Equal("09:20", Hm(part.Keys.Mitigation));
        Assert.Equal("09:50", Hm(part.Keys.Resolution));
    }

    [Fact]
    public void A_later_retelling_with_its_own_times_is_no_region_recovering_later()
    {
        var status = AnalysisTests.FromNotes("Postmortem\nAt 9:10 UTC the EU region lost its database. At 9:25 UTC we started a failover, and at 9:40 UTC logins were working again in that region.\nPosted Nov 24, 2023 - 14:00 UTC\n\nResolved\nLogins are working again for all customers.\nPosted Nov 24, 2023 - 10:05 UTC");
        Assert.Equal("09:40", Hm(status.Keys.Resolution));
        var bullets = AnalysisTests.FromNotes("- 09:10 Alert: logins failing in Frankfurt\n- 09:40 Failed over to the standby, logins working again in Frankfurt\n- 14:00 Summary sent to customers: Frankfurt logins failed at 09:10 and have worked again since 09:40");
        Assert.Equal("09:40", Hm(bullets.Keys.Resolution));
        var chat = AnalysisTests.FromNotes("[09:10] <ana> logins failing in Frankfurt, looking\n[09:40] <ana> failed over, logins working again in Frankfurt\n[09:55] <sam> recap for the status page: Frankfurt down 09:10, working again 09:40");
        Assert.Equal("09:40", Hm(chat.Keys.Resolution));
    }

    [Fact]
    public void Review_a_recap_of_two_regions_leaves_the_first_region_a_part_back()
    {
        var chat = AnalysisTests.FromNotes("[10:00] <ana> api down in Frankfurt and Tokyo\n[10:10] <ana> Frankfurt is back\n[10:25] <ana> Tokyo is back too, all good\n[10:30] <ana> summary for the status page: Frankfurt back at 10:10, Tokyo back at 10:25");
        Assert.Equal("10:10", Hm(chat.Keys.Mitigation));
        Assert.Equal("10:25", Hm(chat.Keys.Resolution));
    }

    [Theory]
    // A denial-of-service attack on us, or being under attack, is user-facing impact.
    [InlineData("We were hit by a large DDoS attack that began at 14:05 UTC.", true)]
    [InlineData("Investigating - Our network is under attack and traffic is being filtered.", true)]
    [InlineData("- 14:05 DDoS attack on the edge routers", true)]
    // Review: protection against attacks, or attack traffic dealt with, is not.
    [InlineData("- 16:00 Enabled the DDoS protection service", false)]
    [InlineData("We will add a DNS-level DDoS mitigation tool this weekend.", false)]
    [InlineData("[15:00] <ana> attack traffic null-routed", false)]
    public void Being_hit_by_an_attack_is_impact(string text, bool expected) =>
        Assert.Equal(expected, ReadsKind(text, EventKind.Impact));
}
