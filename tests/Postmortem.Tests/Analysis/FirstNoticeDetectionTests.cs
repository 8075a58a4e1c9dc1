using Postmortem.Analysis;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Twenty-second session (lead): detection when nothing tells when the team knew (docs/analysis.md, "Key timestamps"). With no
/// alert, page, someone noticing or call for people anywhere, our first communication while the impact was on dates the knowing:
/// a team cannot tell its customers of a problem it does not know of (the corpus README's convention). Sentences of our own, in
/// prose, timeline bullets, a status history and a chat paste; and the tellings that are not one.
/// </summary>
public sealed class FirstNoticeDetectionTests
{
    private static string Hm(KeyTimestamp? key) => key!.Time.ToString("HH:mm", null);

    [Fact]
    public void In_prose_the_first_notice_to_passengers_is_the_detection()
    {
        var pm = AnalysisTests.FromNotes("From 03:40 the ticket machines at every station stopped taking cards. At 04:10 we posted a notice on the website that card payments were failing. The card readers worked again from 05:30.");
        Assert.Equal("04:10", Hm(pm.Keys.Detection));
        Assert.Equal("03:40", Hm(pm.Keys.ImpactStart));
    }

    [Fact]
    public void In_bullets_the_first_mail_to_merchants_is_the_detection()
    {
        var pm = AnalysisTests.FromNotes("- 10:02 checkout requests start failing for shoppers in the EU\n- 10:31 emailed the affected merchants that payments are failing\n- 11:15 payments go through again");
        Assert.Equal("10:31", Hm(pm.Keys.Detection));
    }

    [Fact]
    public void In_a_chat_the_first_tweet_of_ours_is_the_detection()
    {
        var pm = AnalysisTests.FromNotes("[21:00] Mia: uploads fail for every user since the storage migration\n[21:12] Jon: tweeted from the status account that uploads are failing\n[21:40] Mia: moved the bucket back, uploads work again");
        // The chat's first message already tells the failure seen (detection 21:00); the new rule does not move it. (Found
        // writing this test: a responder's message telling impact with its cause, "since the storage migration", was not read
        // as noticing, because the change word made the message's first kind; now it is.)
        Assert.Equal("21:00", Hm(pm.Keys.Detection));
        var prose = AnalysisTests.FromNotes("Uploads failed for every user from 21:00. At 21:12 we tweeted from the status account that uploads were failing. Uploads worked again at 21:40.");
        Assert.Equal("21:12", Hm(prose.Keys.Detection));
    }

    [Fact]
    public void An_alert_earlier_still_wins()
    {
        var pm = AnalysisTests.FromNotes("- 10:02 checkout requests start failing for shoppers in the EU\n- 10:05 alert fired on the checkout error rate\n- 10:31 emailed the affected merchants that payments are failing\n- 11:15 payments go through again");
        Assert.Equal("10:05", Hm(pm.Keys.Detection));
    }

    [Theory]
    // Found writing the chat test above: the present "uploads fail" told no impact (only "logins fail", "payments fail" and a
    // few other nouns did). Work users do, failing, in any tense; not a failover, not a hypothetical.
    [InlineData("uploads fail for every user since the storage migration", true)]
    [InlineData("outbound calls fail with a busy tone", true)]
    [InlineData("card transactions failed at every till", true)]
    [InlineData("connections fail over to the standby site", false)]
    [InlineData("if uploads fail, the client retries twice", false)]
    [InlineData("emails did not fail during the switch", false)]
    [InlineData("we stopped billing for calls that fail with a 429", false)]
    public void Work_failing_is_impact(string line, bool impact)
    {
        var pm = AnalysisTests.FromNotes($"[21:00] Mia: {line}\n[21:40] Mia: moved the bucket back, uploads work again");
        Assert.Equal(impact, pm.Timeline.Any(e => e.Time.ToString("HH:mm", null) == "21:00" && (e.Kind == Postmortem.Model.EventKind.Impact || e.Evidence.Any(x => x.Kind == Postmortem.Model.EventKind.Impact))));
    }

    [Theory]
    // A notice before the impact (planned work) is no knowing of the failure.
    [InlineData("- 08:00 emailed customers about tonight's maintenance window\n- 22:10 search returns errors for every query\n- 22:40 search works again")]
    // A summary posted after the recovery tells of the incident after it ended.
    [InlineData("- 22:10 search returns errors for every query\n- 22:40 search works again\n- 23:05 posted a summary of the outage on the status page")]
    // A customer's message is theirs, not ours.
    [InlineData("- 22:10 search returns errors for every query\n- 22:20 customers on Twitter posting that search is broken\n- 22:40 search works again")]
    public void Other_tellings_are_not_the_detection(string notes)
    {
        var pm = AnalysisTests.FromNotes(notes);
        Assert.True(pm.Keys.Detection is null || pm.Keys.Detection.Rule.Contains("customer", StringComparison.Ordinal),
            $"detection {pm.Keys.Detection?.Time} by '{pm.Keys.Detection?.Rule}'");
    }
}
