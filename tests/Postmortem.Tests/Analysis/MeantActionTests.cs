using Postmortem.Analysis;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Twenty-fifth session (s25-meant): a mitigation is an action done, not one meant. An effort, a preparation, an intention, a
/// weighing or a decision ("working to bring it back", "I think we have to fail over", "going with the rollback", "preparing a
/// rollback", "rolling back would mean losing a day") is not the bleeding stopped; the action told done later (or its effect) is.
/// Sentences of our own in three registers, and a review of ordinary sentences the principle could misread (docs/accuracy.md,
/// "a mitigation is an action done").
/// </summary>
public sealed class MeantActionTests
{
    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    [Theory]
    [InlineData("going with the rollback")]
    [InlineData("ok, go for the failover")]
    [InlineData("Next step is to restart the pods")]
    [InlineData("We looked at restoring the database from the nightly backup")]
    [InlineData("Rolling back would mean losing a day of orders")]
    [InlineData("A failover could take an hour")]
    [InlineData("I think we have to fail over")]
    [InlineData("Technicians are working to bring the system back")]
    [InlineData("preparing a rollback")]
    [InlineData("the plan is to shed load")]
    [InlineData("we will restart the cluster")]
    public void An_action_meant_is_not_a_mitigation(string text) =>
        Assert.NotEqual(Postmortem.Model.EventKind.Mitigation, KindLexicon.Default.Classify(text).Kind);

    [Theory]
    [InlineData("we are rolling back now")]
    [InlineData("Rolled back the release and checkout could load again")]
    [InlineData("Restarted the pods so users could log in")]
    [InlineData("We had to fail over to the replica")]
    [InlineData("Looked at the graphs, then rolled back the release")]
    [InlineData("going with the failover, starting now")]
    public void Review_an_action_done_or_under_way_stays_a_mitigation(string text) =>
        Assert.Equal(Postmortem.Model.EventKind.Mitigation, KindLexicon.Default.Classify(text).Kind);

    [Fact]
    public void The_action_told_done_after_the_one_meant_is_the_mitigation()
    {
        var bullets = AnalysisTests.FromNotes("- 10:00 Alert: api 5xx above 10%\n- 10:15 Next step is to roll back the 4.2 release\n- 10:30 Rollback complete, error rate falling\n- 10:50 Error rates back to baseline, api healthy");
        Assert.Equal("10:30", Hm(bullets.Keys.Mitigation));
        var chat = AnalysisTests.FromNotes("[10:00] <ana> checkout down for everyone\n[10:10] <ana> failing over would take 20 min, restarting the cart might be quicker\n[10:12] <sam> ok going with the failover\n[10:25] <ana> failed over to the replica, checkout loading again\n[10:45] <ana> all good now, checkout fully recovered");
        Assert.Equal("10:25", Hm(chat.Keys.Mitigation));
        var status = AnalysisTests.FromNotes("Resolved - This incident has been resolved.\nPosted Nov 24, 2023 - 11:00 UTC\n\nMonitoring - We restored the database from the nightly backup and uploads are working again.\nPosted Nov 24, 2023 - 10:40 UTC\n\nIdentified - We are looking at restoring the database from the nightly backup.\nPosted Nov 24, 2023 - 10:15 UTC\n\nInvestigating - We are looking into failed uploads.\nPosted Nov 24, 2023 - 10:00 UTC");
        Assert.Equal("10:40", Hm(status.Keys.Mitigation));
    }

    [Fact]
    public void Review_an_action_under_way_in_a_chat_is_not_an_intention()
    {
        // "we are rolling back now": the action being taken (the corpus's "a mitigation under way counts when nothing completed
        // follows it within the hour"), not one meant.
        var chat = AnalysisTests.FromNotes("[10:00] <ana> checkout down for everyone\n[10:10] <ana> we are rolling back now\n[11:30] <ana> all good, checkout fully recovered");
        Assert.Equal("10:10", Hm(chat.Keys.Mitigation));
    }
}
