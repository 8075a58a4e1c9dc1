using Postmortem.Analysis;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Twenty-seventh session (s27-open): the forms batch 23's train half missed at arrival, fixed by principle, each with sentences
/// of our own in more than one register (a chat line, a bullet, prose) and a review with ordinary sentences the rule could
/// misread (docs/accuracy.md, "batch 23 opened").
/// </summary>
public sealed class Judgement27Tests
{
    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    [Fact]
    public void A_ticket_named_by_its_number_as_what_a_change_is_for_is_no_customer_report()
    {
        var chat = AnalysisTests.FromNotes("[10:00] <dev> deploy for ticket 5120 is out on both regions\n[10:06] <grafana> [FIRING] checkout 5xx errors above 20%\n[10:20] <dev> rolled back, checkout working again");
        Assert.Equal("10:06", Hm(chat.Keys.ImpactStart));
        var bullets = AnalysisTests.FromNotes("- 10:00 Released the fix for ticket #812 to production\n- 10:12 Alert: login errors for all users\n- 10:40 Reverted the release, logins working again");
        Assert.Equal("10:12", Hm(bullets.Keys.ImpactStart));

        // Review: a customer's ticket is still a customer report.
        var report = AnalysisTests.FromNotes("- 10:00 Support ticket 4411 from a customer: checkout fails\n- 10:12 Alert: checkout errors for all users\n- 10:40 Reverted the release, checkout working again");
        Assert.Equal("10:00", Hm(report.Keys.ImpactStart));
    }

    [Fact]
    public void Others_talking_on_a_channel_is_not_our_communication()
    {
        var prose = AnalysisTests.FromNotes("At 14:05 the app failed to load for everyone. At 15:50 it was still down for me, which matches what people were saying on Twitter.");
        Assert.Null(prose.Keys.Communication);
        var bullets = AnalysisTests.FromNotes("- 09:00 Alert: API 5xx above 10%\n- 09:20 Customers posting on Twitter about timeouts\n- 09:45 Posted an update on the status page: investigating");
        Assert.Equal("09:45", Hm(bullets.Keys.Communication));

        // Review: our own post on the channel is ours.
        var ours = AnalysisTests.FromNotes("- 09:00 Alert: API 5xx above 10%\n- 09:20 We posted on Twitter that logins fail\n- 09:45 Status page updated");
        Assert.Equal("09:20", Hm(ours.Keys.Communication));
    }

    [Fact]
    public void Another_partys_report_of_its_window_is_no_moment_of_noticing()
    {
        var bullets = AnalysisTests.FromNotes("- The carrier reported packet loss from 09:10 to 09:40 UTC.\n- Our VPN users were cut off from 09:12 to 10:05 UTC.");
        Assert.Null(bullets.Keys.Detection);
        var prose = AnalysisTests.FromNotes("Acme Transit reported routing instability from 12:24 to 12:39 UTC. Many sites could not be reached until 14:00 UTC.");
        Assert.Null(prose.Keys.Detection);

        // Review: a report at a moment (no window) is still someone noticing.
        var moment = AnalysisTests.FromNotes("- 09:12 On-call reported checkout errors for all users\n- 09:40 Rolled back, checkout working again");
        Assert.Equal("09:12", Hm(moment.Keys.Detection));
    }

    [Fact]
    public void What_took_longer_to_come_back_was_what_remained()
    {
        var prose = AnalysisTests.FromNotes("The storage array failed at 09:40 and every site went down. Power was back by around 11am, and the websites were online again at about 2pm. The mail systems took longer and only recovered at 4:50pm.");
        Assert.Equal("16:50", Hm(prose.Keys.Resolution));
        var bullets = AnalysisTests.FromNotes("- 08:00 Storage array failed, all services down\n- 09:00 Web servers back online\n- 11:15 The batch cluster took longer, it is back up now");
        Assert.Equal("11:15", Hm(bullets.Keys.Resolution));
    }

    [Fact]
    public void Online_again_is_a_recovery()
    {
        var bullets = AnalysisTests.FromNotes("- 10:00 Site down for all visitors\n- 10:25 Restarted the web tier\n- 10:30 Site is online again");
        Assert.Equal("10:30", Hm(bullets.Keys.Resolution));
        var prose = AnalysisTests.FromNotes("The shop went offline at 10:00. It was online again at 10:30 after a restart.");
        Assert.Equal("10:30", Hm(prose.Keys.Resolution));
    }

    [Fact]
    public void A_recovery_with_ours_still_dead_in_the_same_sentence_is_no_end()
    {
        var chat = AnalysisTests.FromNotes("[14:00] <ana> everything unreachable from here\n[15:00] <ana> upstream is fully back but my servers are still dead\n[18:00] <ana> all servers up, everything green");
        Assert.Equal("18:00", Hm(chat.Keys.Resolution));
        var bullets = AnalysisTests.FromNotes("- 14:00 Power cut, every server down\n- 16:28 I confirm the link is fully back but the servers still do not answer\n- 20:50 Everything \"green\", nothing lost");
        Assert.Equal("20:50", Hm(bullets.Keys.Resolution));

        // Review: a recovery with nothing still down is the end.
        var whole = AnalysisTests.FromNotes("- 14:00 Power cut, every server down\n- 16:28 Power is fully back and every server answers");
        Assert.Equal("16:28", Hm(whole.Keys.Resolution));
    }

    [Fact]
    public void Asking_another_party_to_check_their_side_is_escalation()
    {
        var chat = AnalysisTests.FromNotes("[14:27] <rin> routes gone, everything down\n[16:28] <rin> asked acme-transit to check their side\n[23:30] <mei> joined, want help?");
        Assert.Equal("16:28", Hm(chat.Keys.Escalation));
        var bullets = AnalysisTests.FromNotes("- 10:00 Card payments failing for all shops\n- 10:20 Asked the bank's NOC to look into their end\n- 11:00 Payments working again");
        Assert.Equal("10:20", Hm(bullets.Keys.Escalation));
    }
}
