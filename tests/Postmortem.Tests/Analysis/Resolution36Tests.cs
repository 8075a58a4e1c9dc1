using Postmortem.Analysis;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Thirty-sixth session (s36-res): a recovery after which the text tells part of the impact still left, and then a recovery
/// that leaves nothing, was a part back, not the end of impact (docs/accuracy.md, "resolution and mitigation: where the end of
/// impact is judged wrong"). Sentences of our own.
/// </summary>
public sealed class Resolution36Tests
{
    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    [Fact]
    public void A_later_moment_that_tells_part_still_left_makes_the_recovery_a_part()
    {
        // A chat: the part left is told with an action of its own, so it is no impact reported again.
        var chat = AnalysisTests.FromNotes("[09:00] <ana> invoices fail to generate for every tenant\n[09:40] <bo> service restored for new orders, invoices generate again\n[09:55] <bo> reran the nightly job, refunds still stuck in the old queue\n[10:30] <ana> refunds flowing too, everything is back to normal");
        Assert.Equal("10:30", Hm(chat.Keys.Resolution));
        Assert.Equal("09:40", Hm(chat.Keys.Mitigation));
        // Bullets: the rest told as still to come, in a line with no impact word.
        var bullets = AnalysisTests.FromNotes("- 14:00 Photo uploads fail for all users\n- 15:10 Service restored for new uploads\n- 15:20 Albums created before May will be restored from backup overnight\n- 23:50 All albums restored, the service is fully recovered");
        Assert.Equal("23:50", Hm(bullets.Keys.Resolution));
    }

    [Fact]
    public void A_recovery_that_tells_its_own_rest_still_to_come_is_a_part()
    {
        var prose = AnalysisTests.FromNotes("At 08:00 the payroll portal went down for all staff. At 09:15 the portal came back, but the archive of old payslips has to be rebuilt, which will take a few hours. At 13:40 the archive was rebuilt and everything was working again.");
        Assert.Equal("13:40", Hm(prose.Keys.Resolution));
    }

    [Fact]
    public void Our_work_going_on_leaves_the_recovery_the_end()
    {
        // "Still watching" is the team's work: the first recovery stays the end. (A "latency still stable" probe was dropped: the
        // word "latency" is read as impact reported again by the older rules, whatever this one does.)
        var watching = AnalysisTests.FromNotes("[09:00] <ana> invoices fail to generate for every tenant\n[09:40] <bo> invoices generating again, back to normal\n[09:55] <bo> still watching the dashboards, all green\n[10:30] <ana> confirmed resolved, closing");
        Assert.Equal("09:40", Hm(watching.Keys.Resolution));
    }

    [Fact]
    public void Without_a_later_recovery_that_leaves_nothing_the_part_stays_the_end()
    {
        // Nothing later tells the rest back: the recovery told stands (the end is not invented later).
        var chat = AnalysisTests.FromNotes("[09:00] <ana> invoices fail to generate for every tenant\n[09:40] <bo> service restored for new orders\n[09:55] <bo> reran the job, refunds still stuck in the old queue, will look tomorrow");
        Assert.Equal("09:40", Hm(chat.Keys.Resolution));
    }

    // Review36 H2: a good state, a negation, a precaution or a follow-up between the end and a later "resolved" is no part left.
    [Theory]
    [InlineData("Checkout is still running without errors.")]
    [InlineData("Still no stuck orders, still no delayed payments.")]
    [InlineData("Verified no merchants still affected.")]
    [InlineData("Still no customers impacted since the rollback.")]
    [InlineData("We're still waiting for the vendor's RCA.")]
    [InlineData("Autoscaling is still disabled as a precaution.")]
    [InlineData("Cleaned up leftover lock files from the failed deploy.")]
    [InlineData("A full root cause analysis will be delivered in the coming days.")]
    public void A_good_state_or_a_follow_up_leaves_the_recovery_the_end(string line)
    {
        var pm = AnalysisTests.FromNotes($"- 14:00 500s for all customers on checkout\n- 14:05 On-call paged\n- 14:20 Rolled back the deploy; checkout is working again\n- 14:35 {line}\n- 15:00 Incident resolved.");
        Assert.Equal("14:20", Hm(pm.Keys.Resolution));
    }
}
