using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Twenty-second session (s22-fresh18): readings and judgements from the batch-18 train half, each with sentences of our own in
/// more than one register (prose, a status update, a chat line, a terse timeline bullet), and the review of those rules with
/// ordinary sentences they could misread (docs/accuracy.md, "twenty-second session: reading and judgement from batch 18's train half").
/// </summary>
public sealed class FreshBatch18Tests
{
    private static string Hm(KeyTimestamp? key) => key!.Time.ToString("HH:mm", null);

    private static string Dhm(KeyTimestamp? key) => key!.Time.ToString("MM-dd HH:mm", null);

    private static bool Reads(string text, string kind, string word) =>
        KindLexicon.Default.Read(text, null).Any(e => e.Kind.ToName() == kind && e.Phrase.Contains(word, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void A_speakers_tag_in_brackets_keeps_the_header()
    {
        var discord = AnalysisTests.FromNotes("Mia (Ops) — Today at 10:05\ncheckout is down for everyone\nKofi (he/him) — Today at 10:09\nrolled back the cart deploy, checkout works again");
        Assert.Equal("10:05", Hm(discord.Keys.ImpactStart));
        Assert.Equal("10:09", Hm(discord.Keys.Mitigation));
        Assert.Contains(discord.Timeline, e => e.Actor == "Kofi" && e.Time.ToString("HH:mm", null) == "10:09");
        var slack = AnalysisTests.FromNotes("Dana Reyes (she/her)  9:14 PM\npayments failing for all merchants\nRavi (SRE)  9:20 PM\nfailed over to the standby, payments back");
        Assert.Equal("21:14", Hm(slack.Keys.ImpactStart));
        Assert.Equal("21:20", Hm(slack.Keys.Resolution));
    }

    [Fact]
    public void Review_a_note_with_brackets_before_a_dash_and_clock_is_no_speaker()
    {
        // "done" is no name: the line stays a message's words under the speaker above it.
        var chat = AnalysisTests.FromNotes("Mia (Ops) — Today at 10:05\ncheckout is down for everyone\nFailover done (db-2) — 10:20\nKofi — Today at 10:25\ncheckout works again");
        Assert.DoesNotContain(chat.Timeline, e => e.Actor is { } a && a.StartsWith("Failover", StringComparison.Ordinal));
        // A timeline bullet with a bracket is an event, not a header (not a chat paste).
        var bullets = AnalysisTests.FromNotes("- 14:20 Rollback (v2.3) started\n- 14:30 errors gone");
        Assert.Contains(bullets.Timeline, e => e.Time.ToString("HH:mm", null) == "14:20" && e.Text.Contains("Rollback", StringComparison.Ordinal));
    }

    [Fact]
    public void A_header_that_names_its_day_keeps_its_clock_on_that_day()
    {
        // FromNotes gives the date 2023-11-24, the day of the copy: "Yesterday" is the 23rd, "Today" the 24th.
        var chat = AnalysisTests.FromNotes("Jo — Yesterday at 09:17\nsite is down for our whole lab\nJo — Yesterday at 17:30\nstill down\nJo — Today at 09:22\nthe site works again");
        Assert.Contains(chat.Timeline, e => e.Time.ToString("MM-dd HH:mm", null) == "11-24 09:22");
        Assert.DoesNotContain(chat.Timeline, e => e.Time.ToString("MM-dd HH:mm", null) == "11-23 21:22");
        // Review: a header without a day word is still read after the message above ("11:46" under "11:43 PM" is 11:46 PM).
        var slack = AnalysisTests.FromNotes("Priya  11:43 PM\nlogins failing\nPriya  11:46\nstill failing");
        Assert.Contains(slack.Timeline, e => e.Time.ToString("HH:mm", null) == "23:46");
    }

    [Fact]
    public void Finding_out_is_a_question_not_something_seen()
    {
        var bullets = AnalysisTests.FromNotes("- 10:05 customers report failed logins\n- 10:20 rolled back the auth service, logins work again\n\nFollow-ups\n- Find out why logins were slow at 09:58");
        Assert.Equal("10:05", Hm(bullets.Keys.Detection));
        var prose = AnalysisTests.FromNotes("At 10:05 customers reported failed logins. At 10:20 we rolled back and logins worked again. We still need to find out why logins were slow at 09:58.");
        Assert.Equal("10:05", Hm(prose.Keys.Detection));
    }

    [Fact]
    public void Review_finding_something_is_still_seeing_it()
    {
        var prose = AnalysisTests.FromNotes("At 10:02 we found out that logins were failing for all users. At 10:20 we rolled back and logins worked again.");
        Assert.Equal("10:02", Hm(prose.Keys.Detection));
        var bullets = AnalysisTests.FromNotes("- 10:02 we found out checkout was failing for everyone\n- 10:20 rolled back, checkout works again");
        Assert.Equal("10:02", Hm(bullets.Keys.Detection));
    }

    [Theory]
    // The bleeding stopped: the load, the situation, the fire brought under control.
    [InlineData("We have brought the load on the database under control.", true)]
    [InlineData("Update - The situation is under control and we are monitoring.", true)]
    [InlineData("load under control, top tenants still throttled", true)]
    [InlineData("ok the queue is back under control now", true)]
    // Review: a plan, an effort, a negation or keeping something in check is not it.
    [InlineData("We are working to bring the load under control.", false)]
    [InlineData("The load is not under control yet.", false)]
    [InlineData("we need to get this under control before the sale", false)]
    [InlineData("keep the queue under control during the sale", false)]
    public void Brought_under_control_is_the_bleeding_stopped(string text, bool expected) =>
        Assert.Equal(expected, Reads(text, "mitigation", "under control"));

    [Theory]
    // Someone of ours triggering an action is the action, not an alert firing.
    [InlineData("While investigating we triggered a failover of the database.", false)]
    [InlineData("- 10:20 I triggered the rollback job", false)]
    [InlineData("[10:21] ana: ops manually triggered a restart of the workers", false)]
    // Review: an alert, a monitor or a check that triggers is still an alert.
    [InlineData("PagerDuty alert triggered for checkout 5xx", true)]
    [InlineData("- 10:05 monitor triggered: api latency > 2s", true)]
    [InlineData("The check we added last week triggered at 10:05.", true)]
    public void Our_trigger_is_an_action_not_an_alert(string text, bool expected) =>
        Assert.Equal(expected, KindLexicon.Default.Read(text, null).Any(e => e.Kind == EventKind.Alert));

    [Fact]
    public void A_timeline_entry_is_one_moment_for_its_notice_and_its_recovery()
    {
        var bullets = AnalysisTests.FromNotes("- 10:05 Checkout errors for all users. We put a notice on the website.\n- 10:30 Rolled back the cart service.\n- 10:40 Checkout works again.");
        Assert.Equal("10:05", Hm(bullets.Keys.Communication));
        var dated = AnalysisTests.FromNotes("2023/11/24 10:05 UTC Logins fail for all users. We posted a notice on the status page.\n\n2023/11/24 10:40 UTC The faulty cache was cleared. Logins work again for everyone.");
        Assert.Equal("10:05", Hm(dated.Keys.Communication));
        Assert.Equal("10:40", Hm(dated.Keys.Resolution));
    }

    [Fact]
    public void Review_prose_and_later_sentences_do_not_share_the_moment()
    {
        // Prose: the sentences after a timed one retell what came later.
        var prose = AnalysisTests.FromNotes("At 10:05 logins failed for all users. We told customers on the status page once we knew the cause.\nAt 10:40 logins worked again.");
        Assert.NotEqual("10:05", prose.Keys.Communication is { } c ? Hm(c) : null);
        // An entry whose later sentence says it came later.
        var later = AnalysisTests.FromNotes("- 10:05 Alert fired for login errors. The on-call engineer looked into it and later restored service.\n- 10:40 Incident closed.");
        Assert.NotEqual("10:05", later.Keys.Resolution is { } r ? Hm(r) : null);
        // An action in an entry's later sentence is not taken as done then.
        var asked = AnalysisTests.FromNotes("- 10:05 Network down for all customers.\n- 10:15 Technicians checked the racks. We asked them to reboot the core switches.\n- 10:30 Reboot of the core switches done, network back.");
        Assert.Equal("10:30", Hm(asked.Keys.Mitigation));
    }

    [Fact]
    public void A_date_that_names_a_thing_does_not_move_the_day()
    {
        var prose = AnalysisTests.FromNotes("Incident on 3 March 2023\n\nAt 10:05 on 3 March 2023 the API failed for all users.\nWith the release of February 20th 2023 we had changed the pool size.\nBetween 10:05 and 10:40 most requests failed.");
        Assert.Equal("03-03 10:40", Dhm(prose.Keys.Resolution));
        var bullets = AnalysisTests.FromNotes("- 2023-03-03 10:05 API errors for all users\n- The changes of 1 March 2023 were reverted by hand\n- 10:30 errors gone");
        Assert.Equal("03-03 10:30", Dhm(bullets.Keys.Resolution));
    }

    [Fact]
    public void Review_a_night_or_the_incidents_own_day_still_moves_the_day()
    {
        var night = AnalysisTests.FromNotes("On the night of March 5 2023 the database failed.\n- 23:10 alert fired for database errors\n- 23:40 database back up");
        Assert.Equal("03-05 23:10", Dhm(night.Keys.Detection));
        var incident = AnalysisTests.FromNotes("Here is the timeline for the incident of Mar 6, 2023.\n\n11:17am alerts fired for slow pages\n11:56am restore started\n1:05 pm restore finished, pages fast again");
        Assert.Equal("03-06 11:17", Dhm(incident.Keys.Detection));
    }

    [Theory]
    // No one able to use the service, and a page that never loads, is impact.
    [InlineData("none of my students can open the site in the lecture hall", "open")]
    [InlineData("- 09:12 nobody can log in", "log in")]
    [InlineData("Since 09:12 no one could reach the API.", "reach")]
    [InlineData("the page never loads, is it down?", "never loads")]
    public void No_one_able_to_use_it_is_impact(string text, string word) =>
        Assert.True(Reads(text, "impact", word), string.Join("; ", KindLexicon.Default.Read(text, null).Select(e => $"{e.Kind.ToName()}:'{e.Phrase}'")));

    [Theory]
    // Review: no one doing something else is no impact.
    [InlineData("Nobody could reproduce the bug locally")]
    [InlineData("no one could join the bridge until 10:05")]
    [InlineData("None of the alerts fired")]
    public void Review_no_one_doing_something_else_is_no_impact(string text) =>
        Assert.DoesNotContain(KindLexicon.Default.Read(text, null), e => e.Kind == EventKind.Impact && e.Phrase.StartsWith('n'));

    [Theory]
    // Someone answering is a reply, not the service back.
    [InlineData("ICT came back asking for more details, sent them", false)]
    [InlineData("- 11:02 the vendor came back to us with a question about the logs", false)]
    [InlineData("Support came back and said the ticket is with engineering", false)]
    // Review: the service coming back is still a recovery.
    [InlineData("The site came back at 10:40 for everyone", true)]
    [InlineData("- 10:40 logins came back", true)]
    public void Coming_back_with_an_answer_is_a_reply(string text, bool expected) =>
        Assert.Equal(expected, KindLexicon.Default.Read(text, null).Any(e => e.Kind is EventKind.Resolution or EventKind.Mitigation && e.Phrase.Contains("came back", StringComparison.OrdinalIgnoreCase)));
}
