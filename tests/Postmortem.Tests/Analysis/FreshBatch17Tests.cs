using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Twenty-first session (s21-fresh17): readings and judgements from the batch-17 train half, each with sentences of our own in
/// more than one register (prose, a status update, a chat line, a terse timeline bullet), and the review of those rules with
/// ordinary sentences they could misread (docs/accuracy.md, "twenty-first session: reading and judgement from the batch-17 train half").
/// </summary>
public sealed class FreshBatch17Tests
{
    private static string Hm(KeyTimestamp? key) => key!.Time.ToString("HH:mm", null);

    private static bool Reads(string text, string kind, string word) =>
        KindLexicon.Default.Read(text, null).Any(e => e.Kind.ToName() == kind && e.Phrase.Contains(word, StringComparison.OrdinalIgnoreCase));

    [Theory]
    // A service, or everything, told gone is down.
    [InlineData("checkout is gone for everyone, graphs flat", true)]
    [InlineData("- 09:12 everything in eu-west is gone", true)]
    [InlineData("At 09:12 the website was completely gone for most visitors.", true)]
    // Review: what is gone is a symptom, a thing on the site, or something retired.
    [InlineData("the banner on the site is gone now", false)]
    [InlineData("The alert is gone after the fix", false)]
    [InlineData("The old server is gone since the migration last year", false)]
    public void A_service_told_gone_is_down(string text, bool expected) =>
        Assert.Equal(expected, Reads(text, "impact", "gone"));

    [Theory]
    // Work held up: messages, invoices, jobs that could not be or were not sent.
    [InlineData("Order confirmations were not sent for two hours", true)]
    [InlineData("- 10:02 receipts not sent for EU orders", true)]
    [InlineData("emails have not been sent since 09:00, queue growing", true)]
    // Review: our own notice not yet sent is no held-up work of the users.
    [InlineData("The status update was not sent until 10:05", false)]
    [InlineData("- 10:20 customer email not sent yet, waiting for legal", false)]
    public void Work_not_sent_is_held_up(string text, bool expected) =>
        Assert.Equal(expected, Reads(text, "impact", "sent"));

    [Theory]
    // A ticket the team opens with a vendor's support is a call; a customer's ticket with our support is not.
    [InlineData("We opened a ticket with AWS support about the failing volumes", true)]
    [InlineData("- opened a case with the DC provider", true)]
    [InlineData("A customer opened a ticket with Support about slow pages", false)]
    [InlineData("Customers have opened tickets with our support desk all morning", false)]
    [InlineData("users also opened a ticket with support, see ZD-4411", false)]
    public void A_customers_ticket_with_support_is_no_call(string text, bool expected)
    {
        var evidence = KindLexicon.Default.Read(text, null);
        Assert.True(expected == evidence.Any(e => e.Kind.ToName() == "escalation"), $"{text}: {string.Join("; ", evidence.Select(e => $"{e.Kind.ToName()}:'{e.Phrase}'"))}");
    }

    [Fact]
    public void A_time_an_update_ties_to_its_own_day_is_on_the_day_of_its_stamp_with_a_date_given()
    {
        // FromNotes gives the date 2023-11-24 and puts the notes below the incident file's fields (their first line is not 1).
        var pm = AnalysisTests.FromNotes("Resolved\nAs of 7:40 this morning all queued reports have been delivered.\nPosted Nov 25, 2023 - 08:10 UTC\n\nUpdate\nReports are delayed for all customers.\nPosted Nov 24, 2023 - 16:00 UTC");
        Assert.Contains(pm.Timeline, e => e.Time.ToString("MM-dd HH:mm", null) == "11-25 07:40");
        Assert.DoesNotContain(pm.Timeline, e => e.Time.ToString("MM-dd HH:mm", null) == "11-24 07:40");
        var tonight = AnalysisTests.FromNotes("Resolved\nEvery export finished by 21:15 tonight.\nPosted Nov 26, 2023 - 21:30 UTC\n\nInvestigating\nExports are failing for all users.\nPosted Nov 24, 2023 - 09:00 UTC");
        Assert.Contains(tonight.Timeline, e => e.Time.ToString("MM-dd HH:mm", null) == "11-26 21:15");
    }

    [Fact]
    public void A_stamp_with_its_age_beside_it_heads_the_update_below()
    {
        var page = AnalysisTests.FromNotes("Timeline 2\n\n  • Investigating\n    Nov 24, 2023 10:05 UTC+0 (2 months ago)\n\n    Logins fail for all users. Our team is looking into it.\n\n  • Resolved\n    Nov 24, 2023 10:40 UTC+0 (2 months ago)\n\n    Logins work again for all users.");
        Assert.Equal("10:05", Hm(page.Keys.ImpactStart));
        Assert.Equal("10:40", Hm(page.Keys.Resolution));
        var terse = AnalysisTests.FromNotes("14:20 UTC · 3 hours ago\nPayments failing for all merchants\n\n15:05 UTC · 2 hours ago\nPayments working again");
        Assert.Equal("14:20", Hm(terse.Keys.ImpactStart));
        Assert.Equal("15:05", Hm(terse.Keys.Resolution));
    }

    [Fact]
    public void A_bare_clock_inside_an_afternoon_window_is_in_the_afternoon()
    {
        var pm = AnalysisTests.FromNotes("Summary\n\nBetween 2:10 PM and 3:05 PM UTC checkout failed for all users.\n\nTimeline\n\n2:10 Deploy of the cart service\n\n2:14 Alert fired for checkout errors\n\n3:05 Rollback complete, errors gone");
        Assert.Equal("14:14", Hm(pm.Keys.Detection));
        Assert.Equal("15:05", Hm(pm.Keys.Resolution));
        var bullets = AnalysisTests.FromNotes("Impact: 9:40 pm to 10:30 pm UTC, uploads failing\n- 9:42 on-call paged for upload errors\n- 10:05 rolled back the upload service\n- 10:30 uploads fine again");
        Assert.Equal("21:42", Hm(bullets.Keys.Detection));
        Assert.Equal("22:05", Hm(bullets.Keys.Mitigation));
    }

    [Fact]
    public void Review_a_bare_clock_outside_the_window_or_a_morning_window_stays()
    {
        var morning = AnalysisTests.FromNotes("Between 9:10 AM and 9:50 AM UTC search was slow.\n- 9:12 alert fired for search latency\n- 9:50 search latency normal again");
        Assert.Equal("09:12", Hm(morning.Keys.Detection));
        var padded = AnalysisTests.FromNotes("Between 4:00 PM and 5:00 PM UTC sync failed.\n- 04:30 nightly backup started\n- 16:05 alert fired for sync errors\n- 17:00 sync working again");
        Assert.Contains(padded.Timeline, e => e.Time.ToString("HH:mm", null) == "04:30");
        // A clock inside a sentence, tied to the morning, under an estimate written for the evening.
        var status = AnalysisTests.FromNotes("Update: we expect the backlog to clear between 8:00 PM and 10:00 PM.\nResolved: as of 8:30 this morning every queued job has run.");
        Assert.Contains(status.Timeline, e => e.Time.ToString("HH:mm", null) == "08:30");
    }

    [Fact]
    public void A_bots_status_label_belongs_to_its_own_post_not_to_the_window_it_mentions()
    {
        var chat = AnalysisTests.FromNotes("PagerDuty  APP  2:05 PM\nTriggered: checkout error rate > 5%\nAna Silva  2:06 PM\nack, looking\nAna Silva  2:20 PM\nrolled back the cart deploy, errors back to baseline\nStatuspage  APP  2:45 PM\nResolved: Between 2:00 PM and 2:20 PM UTC some checkouts failed.");
        Assert.Equal("14:45", Hm(chat.Keys.Communication));
        Assert.Equal("14:20", Hm(chat.Keys.Mitigation));
    }

    [Fact]
    public void Review_a_person_writing_update_keeps_the_time_they_mention()
    {
        var chat = AnalysisTests.FromNotes("Ana Silva  2:10 PM\nUpdate: errors since 2:02 PM on checkout, looking\nBen Ode  2:15 PM\njoining\nAna Silva  2:30 PM\nrolled back the cart deploy, errors gone");
        Assert.Equal("14:02", Hm(chat.Keys.ImpactStart));
    }

    [Fact]
    public void Review_a_stamp_age_in_a_sentence_is_still_words()
    {
        var bullets = AnalysisTests.FromNotes("- 10:05 deploy of the cart service started about 20 minutes ago\n- 10:20 checkout errors for all users");
        Assert.Contains(bullets.Timeline, e => e.Time.ToString("HH:mm", null) == "10:05" && e.Text.Contains("deploy", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Review_another_subject_that_never_fired_leaves_the_action()
    {
        var bullets = AnalysisTests.FromNotes("- 10:05 primary database down, writes failing\n- 10:20 failed over to the replica by hand; the alert never fired\n- 10:25 writes working again");
        Assert.Equal("10:20", Hm(bullets.Keys.Mitigation));
        var chat = AnalysisTests.FromNotes("[10:05] mon: ALERT api 5xx above 5%\n[10:10] ana: restarted the api pods\n[10:15] ana: they never started failing again, 5xx gone");
        Assert.Equal("10:10", Hm(chat.Keys.Mitigation));
    }

    [Fact]
    public void An_action_the_next_moment_tells_changed_nothing_stopped_no_bleeding()
    {
        var bullets = AnalysisTests.FromNotes("- 10:05 API errors for all users\n- 10:10 restarted the API pods\n- 10:14 no change, still erroring\n- 10:30 rolled back the release\n- 10:35 errors gone");
        Assert.Equal("10:30", Hm(bullets.Keys.Mitigation));
        var chat = AnalysisTests.FromNotes("[10:05] mon: ALERT checkout 5xx above 5%\n[10:08] ana: turned off the new pricing flag\n[10:12] ana: didn't help, 5xx unchanged\n[10:25] ben: failed over to the standby db, 5xx gone");
        Assert.Equal("10:25", Hm(chat.Keys.Mitigation));
    }

    [Fact]
    public void Review_an_action_followed_by_a_recovery_stays_the_mitigation()
    {
        var bullets = AnalysisTests.FromNotes("- 10:05 API errors for all users\n- 10:10 restarted the API pods\n- 10:14 error rate falling\n- 10:30 errors gone");
        Assert.Equal("10:10", Hm(bullets.Keys.Mitigation));
    }

    [Fact]
    public void An_action_told_as_not_happening_is_no_mitigation()
    {
        var bullets = AnalysisTests.FromNotes("- 10:05 primary database down, writes failing\n- 10:06 automatic failover never fired\n- 10:20 promoted the replica by hand, writes working again");
        Assert.Equal("10:20", Hm(bullets.Keys.Mitigation));
        var prose = AnalysisTests.FromNotes("At 10:05 the primary database stopped accepting writes. At 10:06 the standby failover did not kick in. At 10:20 an engineer promoted the replica by hand and writes worked again.");
        Assert.Equal("10:20", Hm(prose.Keys.Mitigation));
    }

    [Fact]
    public void Another_companys_status_page_dates_its_incident_not_our_impact()
    {
        var chat = AnalysisTests.FromNotes("[10:05] mon: ALERT checkout 5xx above 5%\n[10:20] ana: AWS status page shows elevated errors in us-east-1 since 09:40\n[10:50] ana: 5xx gone, AWS recovered");
        Assert.Equal("10:05", Hm(chat.Keys.ImpactStart));
        var prose = AnalysisTests.FromNotes("At 10:05 our checkout returned errors for all users. Cloudflare's status page says their outage began at 09:50.\nAt 10:50 checkout worked again.");
        Assert.Equal("10:05", Hm(prose.Keys.ImpactStart));
        var provider = AnalysisTests.FromNotes("Between 4:10 PM and 4:45 PM UTC our payments API returned errors.\nOur cloud provider (ExampleCloud) had a storage outage from 3:30 PM to 6:00 PM.\n4:12 PM alert fired for payment errors.\n4:45 PM failed over to the second region, errors gone.");
        Assert.Equal("16:10", Hm(provider.Keys.ImpactStart));
    }

    [Fact]
    public void Review_a_providers_fault_that_tells_our_outage_is_ours()
    {
        var prose = AnalysisTests.FromNotes("At 09:00 our upstream provider had a fibre cut and our whole network went down.\nAt 09:40 traffic was moved to the backup link and the network was back.");
        Assert.Equal("09:00", Hm(prose.Keys.ImpactStart));
    }

    [Fact]
    public void Review_our_own_status_page_is_still_ours()
    {
        var bullets = AnalysisTests.FromNotes("- 09:50 status page says checkout down for all users\n- 10:20 rolled back\n- 10:30 checkout working again");
        Assert.Equal("09:50", Hm(bullets.Keys.ImpactStart));
    }
}
