using Postmortem.Analysis;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Twenty-first session (lead): when impact ended (docs/analysis.md, "Key timestamps", resolution). Work the failure held up
/// reached its users late until its backlog was cleared, so the end is the backlog told done after the recovery; and a
/// recovery of a share of the whole ("95% of clients fully restored") was a part when the whole is told back later.
/// Sentences of our own, in chat, bullets, a status history and prose.
/// </summary>
public sealed class HeldUpWorkTests
{
    private static string Hm(KeyTimestamp? key) => key!.Time.ToString("HH:mm", null);

    [Fact]
    public void In_bullets_the_backlog_cleared_after_the_recovery_is_the_end()
    {
        var pm = AnalysisTests.FromNotes("- 09:00 order confirmation mails delayed for all customers\n- 09:20 restarted the mail relay, sending works again\n- 09:55 the backlog of delayed mails was fully processed");
        Assert.Equal("09:55", Hm(pm.Keys.Resolution));
        Assert.Equal("09:20", Hm(pm.Keys.Mitigation));
    }

    [Fact]
    public void In_chat_a_queue_told_empty_is_the_end()
    {
        var pm = AnalysisTests.FromNotes("[21:02] Mia: webhooks failing for every tenant, 500s from the dispatcher\n[21:15] Mia: rolled back the dispatcher, new webhooks go out fine\n[21:48] Jon: retry queue drained, all pending webhooks delivered");
        Assert.Equal("21:48", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void In_prose_the_same()
    {
        var pm = AnalysisTests.FromNotes("At 14:10 UTC builds stopped starting for all users. At 14:40 UTC we replaced the scheduler node and new builds began to run again. By 16:05 UTC we had worked through the queued builds and the service was back to normal.");
        Assert.Equal("16:05", Hm(pm.Keys.Resolution));
    }

    [Theory]
    // Not done yet: under way, to come, a part still left.
    [InlineData("09:55 working through the backlog of delayed mails")]
    [InlineData("09:55 the delayed mails will be delivered over the next hour")]
    [InlineData("09:55 nearly all the delayed mail has been sent out; one relay still has a queue")]
    [InlineData("09:55 backlog still large, about 40k messages queued")]
    public void Held_up_work_not_yet_done_leaves_the_end_at_the_recovery(string line)
    {
        var pm = AnalysisTests.FromNotes("09:00 order confirmation mails delayed for all customers\n09:20 restarted the mail relay, sending works again\n" + line);
        Assert.Equal("09:20", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void A_recovery_that_already_tells_the_backlog_done_is_the_end()
    {
        var pm = AnalysisTests.FromNotes("10:00 imports stuck for all customers\n10:30 fixed the importer, the stuck imports were processed and imports work again\n10:50 a second batch of stuck imports from the archive was processed");
        Assert.Equal("10:30", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void In_a_status_history_a_share_restored_fully_is_a_part_of_the_whole()
    {
        var pm = AnalysisTests.FromNotes("12:45 the booking service is down for all clients\n13:30 failed over the database; 90% of clients are fully restored\n15:10 all clients restored");
        Assert.Equal("15:10", Hm(pm.Keys.Resolution));
        Assert.Equal("13:30", Hm(pm.Keys.Mitigation));
    }

    [Fact]
    public void In_chat_half_of_the_stores_back_is_a_part()
    {
        var pm = AnalysisTests.FromNotes("[08:00] Ria: tills offline in every store\n[08:25] Ria: half of the stores are back after the router reboot\n[08:50] Sam: every store is back and taking payments");
        Assert.Equal("08:50", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void A_share_with_nothing_whole_told_later_stays_the_end()
    {
        var pm = AnalysisTests.FromNotes("12:45 the booking service is down for all clients\n13:30 failed over the database; 95% of clients are fully restored\n14:00 we keep watching the last few clients");
        Assert.Equal("13:30", Hm(pm.Keys.Resolution));
    }
}
