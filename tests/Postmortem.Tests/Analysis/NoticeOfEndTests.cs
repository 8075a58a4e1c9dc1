using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Twentieth session (lead): a message telling that a notice of ours went out carries the news of a recovery already seen; it
/// is the communication, and the impact ended at the recovery or completed action told before it (docs/analysis.md, "Key
/// timestamps", resolution). Sentences of our own, in chat, bullets and a terse log.
/// </summary>
public sealed class NoticeOfEndTests
{
    private static string Hm(KeyTimestamp? key) => key!.Time.ToString("HH:mm", null);

    [Theory]
    [InlineData("Second email sent: services back to normal", true)]
    [InlineData("Follow-up sent to customers: every affected VM is back", true)]
    [InlineData("Facebook updated, service restored", true)]
    [InlineData("Newsletter went out, bulletin sent to all subscribers", true)]
    // Review: a channel that changed something is not a notice of ours, nor is mail the product sends.
    [InlineData("Facebook updated its SDK and our sign-in broke", false)]
    [InlineData("The build sent to the canary fleet failed its checks", false)]
    public void A_notice_told_as_sent_is_a_communication(string text, bool expected)
    {
        var evidence = KindLexicon.Default.Read(text, null);
        Assert.True(expected == evidence.Any(e => e.Kind == EventKind.Communication), $"{text}: {string.Join("; ", evidence.Select(e => $"{e.Kind.ToName()}:'{e.Phrase}'"))}");
    }

    [Fact]
    public void In_chat_the_recovery_seen_is_the_end_not_the_notice_that_tells_it()
    {
        var pm = AnalysisTests.FromNotes("[04:20] Ana: site down for all users\n[04:40] Ana: ok fail over to the backup line\n[04:46] Ben: failover done, traffic at normal levels\n[04:55] Cy: Facebook updated, service restored");
        Assert.Equal("04:46", Hm(pm.Keys.Resolution));
        Assert.Equal("04:55", Hm(pm.Keys.Communication));
    }

    [Fact]
    public void A_completed_action_before_the_notice_is_the_end_when_no_recovery_is_told_in_other_words()
    {
        var pm = AnalysisTests.FromNotes("[13:00] Eva: every VM on host 12 is down\n[13:14] Eva: removing the locks by hand, then restarting the VMs\n[13:45] Eva: second round done, restarted every VM one by one\n[13:48] Tom: follow-up sent to customers: all affected VMs are back");
        Assert.Equal("13:45", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void In_bullets_the_same()
    {
        var pm = AnalysisTests.FromNotes("- 14:00 error rate at 40% on checkout\n- 14:02 rolled back the release; error rate back to baseline\n- 14:10 customer email sent: the issue is resolved");
        Assert.Equal("14:02", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void A_recovery_told_before_the_notice_in_the_same_message_is_the_end()
    {
        var pm = AnalysisTests.FromNotes("09:00 order mails delayed for all customers\n09:20 restarted the mail workers, backlog draining\n09:40 queue empty again, then set the status page to Resolved");
        Assert.Equal("09:40", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void A_notice_that_is_the_only_word_of_the_end_stays_the_end()
    {
        var pm = AnalysisTests.FromNotes("10:00 site down for all users\n10:05 investigating\n10:30 email sent to customers: service restored");
        Assert.Equal("10:30", Hm(pm.Keys.Resolution));
    }
}
