using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Nineteenth session (s19-fresh15): readings and judgements from the batch-15 train half, each with sentences of our own, and
/// the review of those rules with ordinary sentences they could misread (docs/accuracy.md, "nineteenth session: reading and
/// judgement from the batch-15 train half").
/// </summary>
public sealed class FreshBatch15Tests
{
    private static string Hm(KeyTimestamp? key) => key!.Time.ToString("HH:mm", null);

    [Theory]
    // An obligation in the present is the action still to do; "had to" told it done.
    [InlineData("I think we have to roll back the release", "mitigation", false)]
    [InlineData("We must fail over to the standby database", "mitigation", false)]
    [InlineData("We had to fail over to the standby database", "mitigation", true)]
    [InlineData("Ops has to restart the gateway before noon", "mitigation", false)]
    // A notice put on the page customers meet first is telling them.
    [InlineData("Put a maintenance notice on the login page and emailed the account managers", "communication", true)]
    [InlineData("Left a short message on the sign-in screen for members", "communication", true)]
    // Review: the page named without a notice put on it, or an update about the page, is not.
    [InlineData("Errors on the login page for all members", "communication", false)]
    [InlineData("Added a retry button on the checkout page", "communication", false)]
    [InlineData("Pinned a note on the login page bug to the team channel", "communication", false)]
    public void Word_classes_give_their_kind(string text, string kind, bool expected)
    {
        var evidence = KindLexicon.Default.Read(text, null);
        Assert.True(expected == evidence.Any(e => e.Kind.ToName() == kind), $"{text}: {string.Join("; ", evidence.Select(e => $"{e.Kind.ToName()}:'{e.Phrase}'"))}");
    }

    [Fact]
    public void A_state_regained_is_the_bleeding_stopped_not_an_action_under_way()
    {
        var pm = AnalysisTests.FromNotes("[01:00] Ana: checkout failing for everyone\n[01:20] Ben: pushed the fixed image. first nodes healthy, shop is serving again\n[01:26] Ana: payment workers coming up too, errors dropping\n[01:40] Ben: all green, fully back");
        Assert.Equal("01:20", Hm(pm.Keys.Mitigation));
    }

    [Fact]
    public void An_obligation_is_not_the_action_done()
    {
        var pm = AnalysisTests.FromNotes("[06:50] Sam: portal down, blank page for everyone\n[06:58] Sam: @Lee we have to fail over to the second region\n[08:30] Lee: failed over to the second region, DNS switched\n[08:40] Sam: confirmed back online");
        Assert.Equal("08:30", Hm(pm.Keys.Mitigation));
    }

    [Fact]
    public void An_action_told_after_a_recovery_already_told_is_not_the_mitigation()
    {
        var pm = AnalysisTests.FromNotes("10:00 checkout failing for all users\n10:20 connectivity has been restored, errors gone\n10:40 the provider says it changed its routing configuration to mitigate the issue");
        Assert.Null(pm.Keys.Mitigation);
        Assert.Equal("10:20", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void Review_an_action_before_the_end_still_stands()
    {
        var pm = AnalysisTests.FromNotes("09:00 site down for all users\n09:20 site back up\n09:25 site down again\n09:40 failed over to the standby\n09:45 site back up, stable since");
        Assert.Equal("09:40", Hm(pm.Keys.Mitigation));
    }

    [Fact]
    public void A_cause_report_dating_the_interruption_gives_the_impact_window()
    {
        var pm = AnalysisTests.FromNotes("The vendor has sent its root cause analysis for the outage between 14:05 UTC and 15:10 UTC, which broke logins for our users.\n15:30 We can see logins working again.");
        Assert.Equal("14:05", Hm(pm.Keys.ImpactStart));
    }

    [Fact]
    public void Review_a_cause_found_over_a_window_without_impact_words_is_no_impact()
    {
        var pm = AnalysisTests.FromNotes("09:00 api errors for all users\nBetween 09:10 and 09:30 we found the root cause in the new index.\n09:45 api working again");
        Assert.Equal("09:00", Hm(pm.Keys.ImpactStart));
    }

    [Fact]
    public void A_window_we_saw_retold_after_it_closed_is_not_when_we_noticed()
    {
        var pm = AnalysisTests.FromNotes("Resolved\nWe saw elevated errors on the API between 09:10 UTC and 09:50 UTC. Every request to the API failed during that window.\n\nAll services are operational again.\nPosted Nov 24, 2023 - 10:05 UTC");
        Assert.Null(pm.Keys.Detection);
        Assert.Equal("09:10", Hm(pm.Keys.ImpactStart));
    }

    [Fact]
    public void Review_we_saw_errors_at_a_moment_is_still_noticing()
    {
        var pm = AnalysisTests.FromNotes("10:02 We saw 5xx errors climbing on checkout\n10:30 rolled back the release\n10:35 errors gone");
        Assert.Equal("10:02", Hm(pm.Keys.Detection));
    }
}
