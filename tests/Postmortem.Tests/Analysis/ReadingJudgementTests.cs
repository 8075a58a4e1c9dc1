using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Sixteenth session (s16-fresh): readings and judgements from the batch-12 train cases, each with sentences of our own
/// (docs/accuracy.md, "sixteenth session, s16-fresh").
/// </summary>
public sealed class ReadingJudgementTests
{
    private static string Hm(KeyTimestamp? key) => key!.Time.ToString("HH:mm", null);

    [Theory]
    // A measure of harm getting better is a partial recovery, whichever measure it is.
    [InlineData("The error rate improved sharply", "mitigation", true)]
    [InlineData("Latency eased off after lunch", "mitigation", true)]
    [InlineData("Response times dropped back", "mitigation", true)]
    // A notice put on a public channel is a communication.
    [InlineData("Put a note on the blog: the mirror is down until the part arrives", "communication", true)]
    [InlineData("Pinned a notice to the forums about the outage", "communication", true)]
    [InlineData("Put a note on the fridge for the night shift", "communication", false)]
    // A flag told off is the flag switched off.
    [InlineData("Flag is off for prod-2", "mitigation", true)]
    [InlineData("The kill toggle is now off everywhere", "mitigation", true)]
    // Restoring or repairing a part is an action that stops the bleeding; restoring the service is the end.
    [InlineData("They restored the routing process on the edge switch", "mitigation", true)]
    [InlineData("The vendor repaired the damaged fibre", "mitigation", true)]
    // The label a writer says they set on the status page is the page's label.
    [InlineData("We set our status page to 'Investigating: slow card payments'", "diagnosis", true)]
    [InlineData("We set our status page to 'Investigating: slow card payments'", "communication", true)]
    [InlineData("Moved the status page to \"Resolved\" at last", "resolution", true)]
    public void Word_classes_give_their_kind(string text, string kind, bool expected)
    {
        var evidence = KindLexicon.Default.Read(text, null);
        Assert.True(expected == evidence.Any(e => e.Kind.ToName() == kind), $"{text}: {string.Join("; ", evidence.Select(e => $"{e.Kind.ToName()}:'{e.Phrase}'"))}");
    }

    [Fact]
    public void A_status_label_quoted_as_set_on_the_page_is_the_team_knowing_and_the_impact_felt()
    {
        var pm = AnalysisTests.FromNotes("Saturday 09:40 - still no improvement, so we set the status page to 'Investigating: card payments failing'.\n\nSunday 11:05 the error rate improved sharply.\n\nSunday 12:30 the acquirer confirmed its fix and payments were back to normal.");
        Assert.Equal("09:40", Hm(pm.Keys.Detection));
        Assert.Equal("09:40", Hm(pm.Keys.ImpactStart));
        Assert.Equal("11:05", Hm(pm.Keys.Mitigation));
    }

    [Fact]
    public void When_every_recovery_told_was_undone_the_end_is_not_known()
    {
        var pm = AnalysisTests.FromNotes("10:00 Storage array stopped answering, downloads fail\n10:40 Power-cycled the array, it is back\n10:45 Serving files again\n10:52 And it's down again, the array hung\n11:00 Ordered a replacement controller");
        Assert.Null(pm.Keys.Resolution);
    }

    [Fact]
    public void The_last_recovery_after_renewed_impact_is_still_the_end()
    {
        var pm = AnalysisTests.FromNotes("10:00 Storage array stopped answering, downloads fail\n10:45 Serving files again\n10:52 And it's down again, the array hung\n11:30 Replacement fitted, serving files again");
        Assert.Equal("11:30", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void A_later_account_of_the_failure_without_its_coming_back_leaves_the_last_recovery_the_end()
    {
        var pm = AnalysisTests.FromNotes("10:00 Storage array stopped answering, downloads fail\n10:45 Serving files again\n10:52 Downloads fail, the array hung\n11:30 Replacement fitted, serving files again\n15:00 Looking back, the array failed completely under the memory leak");
        Assert.Equal("11:30", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void A_length_of_impact_from_its_start_ends_the_impact_at_the_counted_moment()
    {
        var pm = AnalysisTests.FromNotes("Starting at 14:02 UTC, the checkout site was down for 19 minutes. We rolled the release back.");
        Assert.Equal("14:02", Hm(pm.Keys.ImpactStart));
        Assert.Equal("14:21", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void Updated_in_a_chat_message_is_the_speakers_word_not_a_status_label()
    {
        var pm = AnalysisTests.FromNotes("[14:02] dana: checkout is throwing 500s\n[14:10] sam: Updated: bumped the pool size on db-2 to 40\n[14:20] dana: errors are gone, checkout is back");
        var updated = pm.Timeline.Single(e => e.Text.Contains("pool size", StringComparison.Ordinal));
        Assert.DoesNotContain(updated.Evidence, x => x.Kind == EventKind.Communication);
        Assert.Null(pm.Keys.Communication);
    }
}
