using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Thirtieth session (s30-mitig): the end of impact is a recovery reached, so after the last recovery told on its way the end is
/// the next moment that tells it reached in plain words, though no recovery phrase of the lexicon is in them; a span that tells
/// the recovery on its way ("starts to return") is no impact window; and the action told beside the end is read with the lexicon
/// in force, a team's phrases too (docs/accuracy.md, "the end of impact and what ended it"). Sentences of our own.
/// </summary>
public sealed class Judgement30MitigTests
{
    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    [Fact]
    public void After_a_recovery_on_its_way_the_end_is_the_next_moment_told_reached()
    {
        var chat = AnalysisTests.FromNotes("[09:40] <ana> login api refuses every connection\n[10:05] <ana> rolled the config back, restarted the gateway\n[10:10] <ana> api answering again, things are returning to normal\n[10:18] <bo> works from Paris now\n[10:19] <cy> happy again here too, thanks");
        Assert.Equal("10:18", Hm(chat.Keys.Resolution));
        var bullets = AnalysisTests.FromNotes("- 09:00 The core switch failed and all traffic stopped\n- 09:20 Swapped the management card\n- 09:25 Traffic began to come back\n- 09:41 All good, it's back");
        Assert.Equal("09:41", Hm(bullets.Keys.Resolution));
        var prose = AnalysisTests.FromNotes("At 09:00 the core switch failed and all traffic stopped. At 09:25 the new card was loaded and operations began to come back. By 09:41 everything should have been back to normal.");
        Assert.Equal("09:41", Hm(prose.Keys.Resolution));
    }

    [Fact]
    public void A_later_line_that_tells_the_recovery_partial_negated_or_as_a_notice_is_no_end()
    {
        var partial = AnalysisTests.FromNotes("- 09:00 The core switch failed and all traffic stopped\n- 09:25 Traffic began to come back\n- 09:41 It's back for some users, not for all");
        Assert.NotEqual("09:41", Hm(partial.Keys.Resolution));
        var negated = AnalysisTests.FromNotes("[09:00] <ana> core switch dead, all traffic stopped\n[09:25] <ana> traffic began to come back\n[09:41] <bo> not back to normal here");
        Assert.NotEqual("09:41", Hm(negated.Keys.Resolution));
        var notice = AnalysisTests.FromNotes("- 09:00 The core switch failed and all traffic stopped\n- 09:25 Traffic began to come back\n- 09:41 Status page updated: it's back");
        Assert.NotEqual("09:41", Hm(notice.Keys.Resolution));
    }

    [Fact]
    public void A_span_that_tells_the_recovery_on_its_way_is_no_impact_window()
    {
        var bullets = AnalysisTests.FromNotes("- 01:00 Total loss of broadband connectivity for all subscribers\n- 04:15 - 04:45 Connectivity starts to return; about a quarter of subscribers have rejoined\n- 21:10 Service fully restored for all subscribers");
        Assert.Equal("21:10", Hm(bullets.Keys.Resolution));
    }

    [Fact]
    public void An_action_begun_earlier_and_completed_by_the_end_is_the_mitigation_at_the_end()
    {
        var chat = AnalysisTests.FromNotes("[09:38] <tom> most create-payment calls are failing\n[09:52] <dev> starting the recovery of the broken queue node now\n[10:20] <tom> still working on it\n[10:35] <tom> payments are being created again, errors at zero");
        Assert.Equal("10:35", Hm(chat.Keys.Resolution));
        Assert.Equal("10:35", Hm(chat.Keys.Mitigation));
        var table = AnalysisTests.FromNotes("| Time | Event |\n|---|---|\n| 09:40 | API errors for all users |\n| 10:00 | We began restoring the session store from the last snapshot |\n| 10:45 | Errors gone, all users served again |");
        Assert.Equal("10:45", Hm(table.Keys.Mitigation));
    }

    [Fact]
    public void A_begun_action_that_failed_is_another_partys_or_long_before_the_end_is_no_mitigation()
    {
        var failed = AnalysisTests.FromNotes("[09:38] <tom> most create-payment calls are failing\n[09:52] <dev> started the recovery of the queue node but it failed\n[10:35] <tom> payments are being created again, errors at zero");
        Assert.Null(failed.Keys.Mitigation);
        var provider = AnalysisTests.FromNotes("[09:38] <tom> most create-payment calls are failing\n[09:52] <tom> the provider says they started the recovery of their storage\n[10:35] <tom> payments are being created again, errors at zero");
        Assert.Null(provider.Keys.Mitigation);
        var longBefore = AnalysisTests.FromNotes("- 08:00 Payments fail for all merchants\n- 08:10 Started the recovery of the queue node\n- 10:35 Payments are being created again");
        Assert.Null(longBefore.Keys.Mitigation);
    }

    // review30 F1: a check under way and a partial recovery are no recovery reached.
    [Fact]
    public void A_check_under_way_or_a_partial_recovery_after_one_on_its_way_is_no_end()
    {
        var chat = AnalysisTests.FromNotes("[09:30] <ana> checkout is down for everyone\n[09:45] <bo> rolled back, checkout is recovering\n[09:55] <ana> ok running the smoke tests now");
        Assert.NotEqual("09:55", Hm(chat.Keys.Resolution));
        var bullets = AnalysisTests.FromNotes("- 09:00 Checkout failing for all users\n- 09:30 Failed over to the replica; service is recovering\n- 09:45 Reads fine now, writes to follow");
        Assert.NotEqual("09:45", Hm(bullets.Keys.Resolution));
    }

    // review30 F2: talk or thought about a step, or a state told begun, is no step begun.
    [Fact]
    public void Talk_about_a_step_or_a_recovery_on_its_own_is_no_begun_step()
    {
        var investigating = AnalysisTests.FromNotes("- 09:00 Checkout failing for all users\n- 09:10 Paged the on-call\n- 09:30 Started investigating the fix for the cache bug\n- 10:00 Checkout errors stopped");
        Assert.Null(investigating.Keys.Mitigation);
        var discussing = AnalysisTests.FromNotes("[09:00] <ana> checkout failing for all users\n[09:30] <bo> began discussing a rollback with the release team\n[10:00] <ana> checkout errors stopped");
        Assert.Null(discussing.Keys.Mitigation);
        var begun = AnalysisTests.FromNotes("[09:00] <ana> checkout failing for all users\n[09:30] <bo> started the rollback of release 42\n[10:00] <ana> checkout errors stopped");
        Assert.Equal("10:00", Hm(begun.Keys.Mitigation));
    }

    // Rewritten after its first form failed (the built-in lexicon already gave a mitigation for "We poked the gremlin and normal
    // operation came back" in a window's paragraph: see docs/accuracy.md, s30-mitig "Left").
    [Fact]
    public void The_action_beside_the_end_is_read_with_the_teams_lexicon()
    {
        const string Notes = "At 09:40 merchants got errors from our API. At 10:10 we looked at the dashboards. We poked the gremlin.\n\nAt 10:20 the API was back to normal for all merchants.";
        var builtIn = AnalysisTests.FromNotes(Notes);
        Assert.Equal("10:20", Hm(builtIn.Keys.Resolution));
        Assert.Null(builtIn.Keys.Mitigation);
        var lexicon = new KindLexicon([new LexiconEntry(EventKind.Mitigation, "poked the gremlin", "team")]);
        var team = AnalysisTests.FromNotes(Notes, options: new AnalysisOptions { Lexicon = lexicon });
        Assert.NotNull(team.Keys.Mitigation);
        var negated = AnalysisTests.FromNotes(Notes.Replace("We poked", "We never poked", StringComparison.Ordinal), options: new AnalysisOptions { Lexicon = lexicon });
        Assert.Null(negated.Keys.Mitigation);
    }
}
