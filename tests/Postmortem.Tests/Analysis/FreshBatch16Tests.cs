using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Twentieth session (s20-fresh16): readings and judgements from the batch-16 train half, each with sentences of our own in
/// more than one register (prose, a status update, a chat line, a terse timeline bullet), and the review of those rules with
/// ordinary sentences they could misread (docs/accuracy.md, "twentieth session: reading and judgement from the batch-16 train half").
/// </summary>
public sealed class FreshBatch16Tests
{
    private static string Hm(KeyTimestamp? key) => key!.Time.ToString("HH:mm", null);

    private static string Dhm(KeyTimestamp? key) => key!.Time.ToString("MM-dd HH:mm", null);

    [Theory]
    // A ticket or case opened with a party named by its own name is a call to that party.
    [InlineData("Our on-call engineer opened a ticket with Fastly about the purge failures", "escalation", true)]
    [InlineData("A case has been raised with Equinix and we are waiting for their engineers", "escalation", true)]
    [InlineData("raised a P1 ticket with Hetzner", "escalation", true)]
    [InlineData("- case logged with Juniper TAC", "escalation", true)]
    // Review: a customer's ticket, a ticket closed, a ticket with something that is no party.
    [InlineData("We closed the ticket with Zendesk automation", "escalation", false)]
    [InlineData("Opened a ticket with details of the outage for the audit", "escalation", false)]
    // "Bring … back" takes a noun phrase: an action that did not bring the service back did nothing.
    [InlineData("The restart of the edge proxies did not bring the site back", "mitigation", false)]
    [InlineData("reboot didn't bring the box back, still dark", "mitigation", false)]
    [InlineData("- failover to the standby region did not bring checkout back", "mitigation", false)]
    // Review: an action that did bring it back stays one.
    [InlineData("The restart brought the site back", "mitigation", true)]
    [InlineData("Rolled back the release; that did bring the API back", "mitigation", true)]
    // A recovery dated in days still to come is a forecast.
    [InlineData("Mail fully recovered by 9 AM tomorrow, the vendor says", "resolution", false)]
    [InlineData("vendor says back to normal tomorrow", "resolution", false)]
    [InlineData("Update: everything back to normal by the end of the day.", "resolution", false)]
    // Review: a recovery by a time already passed, a later day named in another clause.
    [InlineData("Back to normal by 09:40 this morning", "resolution", true)]
    [InlineData("Fully recovered by 14:10, next week's change freeze stays", "resolution", true)]
    // A reset of a device is an action, as a restart is.
    [InlineData("Did a hard reset of the storage controller", "mitigation", true)]
    [InlineData("reset the switch, ports coming up", "mitigation", true)]
    [InlineData("- manual reset of pump 2", "mitigation", true)]
    // Review: a password reset, a connection reset by a peer, a factory reset named.
    [InlineData("Users asked for a password reset the whole morning", "mitigation", false)]
    [InlineData("connection reset by peer on every request", "mitigation", false)]
    // A request to a person named with @ is a call for that person.
    [InlineData("@Priya Nair can you check the replica lag?", "escalation", true)]
    [InlineData("@sam.k please restart the worker on db2", "escalation", true)]
    // Review: a request to disregard, a mention without a request.
    [InlineData("@Priya can you ignore the earlier alert, it was a test", "escalation", false)]
    [InlineData("thanks @Priya, that was quick", "escalation", false)]
    // What was held up, all of it through; repair work told complete.
    [InlineData("All queued messages have been delivered", "resolution", true)]
    [InlineData("every stuck job has now been reprocessed", "resolution", true)]
    [InlineData("- repairs to the fibre completed", "resolution", true)]
    [InlineData("Checks and fixes of the whole web fleet completed", "resolution", true)]
    // Review: part of the held-up work, a fix through review.
    [InlineData("Some queued messages have been delivered", "resolution", false)]
    [InlineData("Fixes for the login bug completed code review", "resolution", false)]
    // A failed part swapped or replaced is an action.
    [InlineData("Replaced the faulty line card in the core router", "mitigation", true)]
    [InlineData("- fibre patch cable swapped out at the DC", "mitigation", true)]
    [InlineData("swapped the psu on rack 4, box is up", "mitigation", true)]
    // Review: something else replaced, a replacement only thought of or planned.
    [InlineData("The new dashboard replaced the old graphs", "mitigation", false)]
    [InlineData("Replacing the switches with spares was considered", "mitigation", false)]
    [InlineData("We will replace the disk tomorrow", "mitigation", false)]
    // A monitor's measure reported against its threshold is an alert.
    [InlineData("WARN disk /var 91% used (threshold 85)", "alert", true)]
    [InlineData("p99 latency 2.4s, threshold 1.5", "alert", true)]
    // Review: a threshold changed or named in a postmortem.
    [InlineData("We raised the threshold to 500 last week", "alert", false)]
    [InlineData("The retry threshold of 3 was too low", "alert", false)]
    public void Word_classes_give_their_kind(string text, string kind, bool expected)
    {
        var evidence = KindLexicon.Default.Read(text, null);
        Assert.True(expected == evidence.Any(e => e.Kind.ToName() == kind), $"{text}: {string.Join("; ", evidence.Select(e => $"{e.Kind.ToName()}:'{e.Phrase}'"))}");
    }

    [Fact]
    public void Becoming_aware_is_noticing()
    {
        var prose = AnalysisTests.FromNotes("At about 09:00 we became aware of failed logins for some users.\nAt 09:30 the auth service was restarted.\nBy 09:40 logins were working again.");
        Assert.Equal("09:00", Hm(prose.Keys.Detection));
        var bullets = AnalysisTests.FromNotes("- 14:05 we were made aware of 502s on the API\n- 14:20 rolled back the release\n- 14:30 502s gone");
        Assert.Equal("14:05", Hm(bullets.Keys.Detection));
    }

    [Fact]
    public void A_call_for_people_about_the_problem_is_the_team_knowing()
    {
        var prose = AnalysisTests.FromNotes("At 22:00 an engineer escalated failing backups to the storage vendor.\nAt 23:30 the vendor replaced a controller and backups ran again.");
        Assert.Equal("22:00", Hm(prose.Keys.Detection));
        var bullets = AnalysisTests.FromNotes("- 10:05 API returning 500s for all users\n- 10:12 escalated the 500s to the database team\n- 10:40 failover done, 500s gone");
        Assert.Equal("10:12", Hm(bullets.Keys.Detection));
    }

    [Fact]
    public void Review_the_escalation_procedure_named_is_no_call()
    {
        var pm = AnalysisTests.FromNotes("- 08:21 every node went down\n- 08:21 with the escalation not working, nobody on call was notified\n- 09:09 engineers started looking into it\n- 09:50 nodes back up");
        Assert.NotEqual("08:21", pm.Keys.Detection is null ? null : Hm(pm.Keys.Detection));
    }

    [Fact]
    public void No_customer_affected_at_the_close_leaves_the_impact_start_unknown()
    {
        var bullets = AnalysisTests.FromNotes("- 10:00 disk alarm on the backup array\n- 10:30 replaced the failed disk, rebuild running\n- 10:50 rebuild done, incident closed, no customers affected");
        Assert.Null(bullets.Keys.ImpactStart);
        var chat = AnalysisTests.FromNotes("[10:00] mon: ALARM chiller 2 offline, hall temp rising\n[10:20] ana: reset the chiller, it's running again\n[10:25] ben: temps falling, closing this, no customer impact");
        Assert.Null(chat.Keys.ImpactStart);
    }

    [Fact]
    public void Review_no_impact_so_far_or_outside_a_region_keeps_the_impact()
    {
        var early = AnalysisTests.FromNotes("09:00 checkout down for all users\n09:20 no customer impact so far in the EU\n09:40 checkout fixed, closing the incident");
        Assert.Equal("09:00", Hm(early.Keys.ImpactStart));
        var outside = AnalysisTests.FromNotes("09:00 checkout errors for all users\n09:40 resolved; no customers were affected outside the EU");
        Assert.Equal("09:00", Hm(outside.Keys.ImpactStart));
    }

    [Fact]
    public void A_span_told_as_an_estimate_is_no_impact_window()
    {
        var pm = AnalysisTests.FromNotes("09:00 mail delayed for all staff\n11:00 new mail flowing again, old queue still stuck\nUpdate: our current estimate for delivering the stuck backlog is between 14:00 and 16:00.\n15:10 every queued message has been delivered");
        Assert.Equal("15:10", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void Review_a_window_seen_still_ends_the_impact()
    {
        var pm = AnalysisTests.FromNotes("Between 09:00 and 09:40 payments failed for all users.\n10:05 status page: resolved, payments were back to normal by 09:40.");
        Assert.Equal("09:40", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void A_call_that_tells_the_impact_back_reports_it_again()
    {
        var prose = AnalysisTests.FromNotes("At 20:00 an engineer escalated slow storage to the vendor.\nAt 22:00 a faulty cable was replaced and storage was fast again.\nAt 23:50 an engineer reported slow storage once more and escalated to the vendor again.");
        Assert.Equal("22:00", Hm(prose.Keys.Mitigation));
        Assert.Null(prose.Keys.Resolution);
    }

    [Fact]
    public void An_app_posting_in_teams_shows_its_tag_after_the_name()
    {
        var pm = AnalysisTests.FromNotes("[05.03.2024 10:00] Ana Silva\nnightly export started\n[05.03.2024 10:20] Ops Alerts (Workflows)\nALARM export queue stuck, 0 rows written\n[05.03.2024 10:25] Ana Silva\nlooking\n[05.03.2024 10:50] Ana Silva\nrestarted the exporter, rows flowing again");
        Assert.Equal("10:20", Hm(pm.Keys.Detection));
    }

    [Fact]
    public void Review_a_time_without_a_day_word_stays_on_the_first_posted_day()
    {
        var pm = AnalysisTests.FromNotes("Postmortem\nAt about 15:00 the certificate expired and logins failed for all users.\nPosted Nov 25, 2023 - 09:00 UTC\n\nResolved\nLogins work again.\nPosted Nov 24, 2023 - 16:30 UTC");
        Assert.Equal("11-24 15:00", Dhm(pm.Keys.ImpactStart));
    }
}
