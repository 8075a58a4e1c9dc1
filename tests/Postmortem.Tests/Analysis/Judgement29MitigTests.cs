using Postmortem.Analysis;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Twenty-ninth session (s29-mitig): an end of impact our own action brought about carries the mitigation at the same moment,
/// where the action is told beside the end (its words, its paragraph's untimed sentences, a line at the same moment, the step
/// just before) and not in a phrase the lexicon reads as an action; and not when that action is negated, failed, planned or
/// another party's (docs/accuracy.md, "the action told beside the end"). Sentences of our own in several registers.
/// </summary>
public sealed class Judgement29MitigTests
{
    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    [Fact]
    public void The_step_told_in_the_ends_own_words_is_the_mitigation()
    {
        var status = AnalysisTests.FromNotes("Resolved - The update was out and the problem was resolved.\nPosted Nov 24, 2023 - 10:30 UTC\n\nInvestigating - Players cannot log in.\nPosted Nov 24, 2023 - 09:40 UTC");
        Assert.Equal("10:30", Hm(status.Keys.Resolution));
        Assert.Equal("10:30", Hm(status.Keys.Mitigation));
        var bullets = AnalysisTests.FromNotes("- 09:40 API errors for all users\n- 10:20 Found the bad node\n- 10:55 Our engineer isolated the failing node. Errors gone, service back to normal");
        Assert.Equal("10:55", Hm(bullets.Keys.Mitigation));
        var chat = AnalysisTests.FromNotes("[09:40] <ana> api erroring for everyone\n[10:30] <ana> the fix is live, errors gone, all good again");
        Assert.Equal("10:30", Hm(chat.Keys.Mitigation));
    }

    [Fact]
    public void The_action_in_a_written_windows_paragraph_is_the_mitigation_at_its_end()
    {
        var prose = AnalysisTests.FromNotes("Between 09:30 and 10:30 UTC merchants got errors from our API. We traced it to an expired certificate on an internal server. We renewed the certificate and normal operation came back.");
        Assert.Equal("10:30", Hm(prose.Keys.Resolution));
        Assert.Equal("10:30", Hm(prose.Keys.Mitigation));
    }

    [Fact]
    public void The_step_just_before_the_end_is_the_mitigation_at_the_end()
    {
        var chat = AnalysisTests.FromNotes("[09:40] <ana> checkout failing for everyone\n[10:10] <ana> made the correction, pushing it to production\n[10:20] <ana> checkout works again");
        Assert.Equal("10:20", Hm(chat.Keys.Mitigation));
        var table = AnalysisTests.FromNotes("| Time | Event |\n|---|---|\n| 09:40 | API errors for all users |\n| 10:40 | We made the necessary correction and started rolling it out to production |\n| 10:55 | Errors gone, all users served again |");
        Assert.Equal("10:55", Hm(table.Keys.Mitigation));
    }

    [Fact]
    public void A_negated_failed_planned_or_other_partys_action_beside_the_end_is_no_mitigation()
    {
        var negated = AnalysisTests.FromNotes("- 09:40 Checkout errors for all users\n- 10:10 Made the correction but could not push it to production\n- 10:20 Checkout works again");
        Assert.Equal("10:20", Hm(negated.Keys.Resolution));
        Assert.Null(negated.Keys.Mitigation);
        var provider = AnalysisTests.FromNotes("Between 09:30 and 10:30 UTC our API returned errors. Our provider replaced the faulty card and service came back.");
        Assert.Equal("10:30", Hm(provider.Keys.Resolution));
        Assert.Null(provider.Keys.Mitigation);
        var failed = AnalysisTests.FromNotes("[09:40] <ana> checkout failing for everyone\n[10:10] <ana> pushed the fix to production but errors continued\n[10:20] <bo> checkout works again");
        Assert.NotEqual("10:20", Hm(failed.Keys.Mitigation));
        var planned = AnalysisTests.FromNotes("- 09:40 Checkout errors for all users\n- 10:20 Checkout works again. We will push the fix to production tomorrow");
        Assert.Null(planned.Keys.Mitigation);
        var notYet = AnalysisTests.FromNotes("Between 09:30 and 10:30 UTC merchants got errors from our API. We have not renewed the certificate yet; normal operation came back on its own.");
        Assert.Null(notYet.Keys.Mitigation);
    }
}
