using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Thirty-seventh session (s37-det): where detection and impact start are judged wrong (docs/accuracy.md, "thirty-seventh
/// session: `s37-det`"). A monitoring bot's status line pasted into a chat without brackets ("PROBLEM: host … CRITICAL",
/// "WARN queue …", "probe | WARN …", "icinga: DOWN: gw1 unreachable") is an alert, as the bracketed "[WARN]" form already was.
/// Sentences of our own.
/// </summary>
public sealed class Detection37Tests
{
    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    [Theory]
    [InlineData("PROBLEM: ups-b2 ON BATTERY - mains input lost")]
    [InlineData("WARN disk queue on db3: 812 pending (threshold 500)")]
    [InlineData("CRIT replication lag db2 40s")]
    [InlineData("CRITICAL: edge-fra2 bgp session idle")]
    [InlineData("ingest-probe | WARN no datapoints from eu-1 for 10m")]
    [InlineData("icinga: DOWN: gw1 unreachable")]
    public void A_monitoring_status_line_without_brackets_is_an_alert(string text) =>
        Assert.Equal(EventKind.Alert, KindLexicon.Default.Classify(text).Kind);

    [Theory]
    // Review: the words in ordinary case, a capital WARNING before a word, or the state word inside a sentence are not a bot's line.
    [InlineData("Warn the support team before the window opens")]
    [InlineData("WARNING signs were there for a week")]
    [InlineData("Critical fix merged for the parser")]
    [InlineData("The hosts were marked DOWN: nobody checked")]
    [InlineData("Down for everyone or just me?")]
    public void Ordinary_words_are_no_monitoring_status_line(string text) =>
        Assert.NotEqual(EventKind.Alert, KindLexicon.Default.Classify(text).Kind);

    [Fact]
    public void A_bot_status_line_before_anyone_speaks_is_the_detection()
    {
        var irc = AnalysisTests.FromNotes("[08:10] <mon> PROBLEM: ups-b2 ON BATTERY - mains input lost\n[08:14] <eva> office wifi is gone for everyone on floor 2\n[08:40] <eva> power back, wifi working again");
        Assert.Equal("08:10", Hm(irc.Keys.Detection));
        Assert.Equal("automated alert", irc.Keys.DetectionMethod);
        var piped = AnalysisTests.FromNotes("09:02 probe | WARN no datapoints from eu-1 for 10m\n09:05 Jo | two tickets from customers, their graphs stopped\n09:40 Jo | listener restarted, datapoints arriving again");
        Assert.Equal("09:02", Hm(piped.Keys.Detection));
    }

    [Fact]
    public void An_alarm_posted_with_a_since_time_was_seen_when_posted_and_the_since_time_dates_the_impact()
    {
        var chat = AnalysisTests.FromNotes("[11:00] <ana> ALARM core-link-7 DOWN since 10:50, traffic on the backup path\n[11:05] <ben> looking, customers on both sides see packet loss\n[11:40] <ben> link back up, loss gone");
        Assert.Equal("11:00", Hm(chat.Keys.Detection));
        Assert.Equal("10:50", Hm(chat.Keys.ImpactStart));
        var bullets = AnalysisTests.FromNotes("- 14:12 Alert: checkout 5xx above 5% since about 14:05\n- 14:20 Rolled back the cart release\n- 14:31 Checkout errors back to baseline");
        Assert.Equal("14:12", Hm(bullets.Keys.Detection));
    }
}
