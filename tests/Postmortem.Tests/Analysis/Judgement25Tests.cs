using Postmortem.Analysis;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Twenty-fifth session (s25-judge): two principles of key judgement chosen from the failure classes that recur when a batch
/// arrives, each with sentences of our own in more than one register (a terse bullet, a chat line, a status update), and a review
/// with ordinary sentences they could misread (docs/accuracy.md, "twenty-fifth session: key judgement checked on a validation set").
/// </summary>
public sealed class Judgement25Tests
{
    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    [Fact]
    public void A_recovery_on_its_way_is_not_the_end_when_a_recovery_reached_follows()
    {
        var bullets = AnalysisTests.FromNotes("- 09:00 Alert: api 5xx above 10%\n- 09:30 Rolled back the deploy, error rates returning to normal\n- 09:50 Error rates back to baseline, api healthy");
        Assert.Equal("09:30", Hm(bullets.Keys.Mitigation));
        Assert.Equal("09:50", Hm(bullets.Keys.Resolution));
        var chat = AnalysisTests.FromNotes("[10:00] <ana> logins failing for everyone, looking\n[10:20] <ana> restarted auth, logins starting to recover\n[10:35] <ana> logins working again for everyone");
        Assert.Equal("10:35", Hm(chat.Keys.Resolution));
        var status = AnalysisTests.FromNotes("Resolved - Uploads are working normally for all customers.\nPosted Nov 24, 2023 - 10:45 UTC\n\nMonitoring - A fix has been applied and uploads are slowly coming back.\nPosted Nov 24, 2023 - 10:20 UTC\n\nInvestigating - We are looking into failed uploads.\nPosted Nov 24, 2023 - 10:00 UTC");
        Assert.Equal("10:45", Hm(status.Keys.Resolution));
    }

    [Fact]
    public void Review_a_recovery_on_its_way_with_no_recovery_after_it_stays_the_end()
    {
        var alone = AnalysisTests.FromNotes("- 10:00 Alert: api 5xx above 10%\n- 10:20 Pods restarted, things are returning to normal\n- 10:45 Status page updated");
        Assert.Equal("10:20", Hm(alone.Keys.Resolution));
        var reached = AnalysisTests.FromNotes("- 10:00 Alert: api 5xx above 10%\n- 10:20 Pods restarted, the api came back\n- 10:45 Api back to normal");
        Assert.Equal("10:20", Hm(reached.Keys.Resolution));
    }

    [Fact]
    public void An_action_after_which_the_same_impact_is_told_as_going_on_stopped_no_bleeding()
    {
        var bullets = AnalysisTests.FromNotes("- 10:00 Alert: checkout 5xx above 5%\n- 10:20 Rolled back the release\n- 10:40 Checkout still failing for most users\n- 10:55 Restarted the cart service, checkout works again");
        Assert.Equal("10:55", Hm(bullets.Keys.Mitigation));
        var chat = AnalysisTests.FromNotes("[10:00] <ana> api timing out for everyone\n[10:10] <ana> failed over to the replica\n[10:25] <sam> customers still reporting timeouts\n[10:40] <ana> added two nodes, latency dropping\n[11:00] <ana> api fully recovered");
        Assert.Equal("10:40", Hm(chat.Keys.Mitigation));
        var status = AnalysisTests.FromNotes("Resolved - This incident has been resolved.\nPosted Nov 24, 2023 - 11:00 UTC\n\nUpdate - Errors continue for some customers and we are investigating further.\nPosted Nov 24, 2023 - 10:30 UTC\n\nIdentified - We have rolled back a configuration change.\nPosted Nov 24, 2023 - 10:15 UTC\n\nInvestigating - We are looking into errors on the dashboard.\nPosted Nov 24, 2023 - 10:00 UTC");
        // Nothing after the rollback is told as stopping the errors before the end: the mitigation is unknown (the corpus README's
        // label conventions), not the rollback and not the resolution.
        Assert.Null(status.Keys.Mitigation);
    }

    [Fact]
    public void Review_impact_told_after_an_action_without_going_on_leaves_the_action()
    {
        var ticket = AnalysisTests.FromNotes("- 10:00 Alert: checkout 5xx above 5%\n- 10:20 Rolled back the release, errors falling\n- 10:30 Customer ticket about a failed checkout earlier\n- 10:50 Checkout fully recovered");
        Assert.Equal("10:20", Hm(ticket.Keys.Mitigation));
        var plan = AnalysisTests.FromNotes("- 10:00 Alert: checkout 5xx above 5%\n- 10:20 Rolled back the release\n- 10:30 We will still watch for checkout errors\n- 10:50 Checkout fully recovered");
        Assert.Equal("10:20", Hm(plan.Keys.Mitigation));
        var effect = AnalysisTests.FromNotes("[10:00] <ana> logins hanging for everyone\n[10:20] <ana> restarted the auth pods, logins going through again\n[10:35] <sam> some tickets still coming in about failed logins\n[11:30] <ana> rate limits live, no failed logins since");
        Assert.Equal("10:20", Hm(effect.Keys.Mitigation));
    }
}
