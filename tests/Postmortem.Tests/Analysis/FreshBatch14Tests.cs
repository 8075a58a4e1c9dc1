using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Eighteenth session (s18-fresh14): readings and judgements from the batch-14 train cases, each with sentences of our own
/// (docs/accuracy.md, "eighteenth session: reading and judgement from the batch-14 train half"). The reading forms are rows of
/// docs/notes-format.md's table (NotesFormsTableTests).
/// </summary>
public sealed class FreshBatch14Tests
{
    private static string Hm(KeyTimestamp? key) => key!.Time.ToString("HH:mm", null);

    [Theory]
    // A verb's -s form is active: its subject is not the phrase's object ("email customer").
    [InlineData("A client emails our helpdesk about slow pages", "communication", false)]
    [InlineData("Affected clients emailed about the outage", "communication", true)]
    // Someone outside writing or calling to us about the problem is their report.
    [InlineData("A client emails our helpdesk about slow pages", "customer-report", true)]
    [InlineData("Two users wrote to support saying uploads hang", "customer-report", true)]
    [InlineData("We emailed the users about the maintenance", "customer-report", false)]
    // The people a transport or care operator tells are its customers.
    [InlineData("The operator told passengers to expect delays", "communication", true)]
    [InlineData("Staff warned patients that bookings were offline", "communication", true)]
    // Sessions, interfaces or ports shut down by us isolate a fault.
    [InlineData("We shut down the BGP sessions to the faulty edge", "mitigation", true)]
    [InlineData("Its uplink ports were shut down one by one", "mitigation", true)]
    [InlineData("The power supply shut down without warning", "mitigation", false)]
    // Finding where a fault lies is a diagnosis however it is put.
    [InlineData("By then the on-site team had traced the fault to a bad optic", "diagnosis", true)]
    [InlineData("We soon worked out that the loss was upstream", "diagnosis", true)]
    [InlineData("The crew worked out of the second depot", "diagnosis", false)]
    // "need you", said to someone, calls them in.
    [InlineData("@Omar (network) need you here, it's the carrier", "escalation", true)]
    // An uptime monitor's UP, in capitals, is the recovery; a rise is not.
    [InlineData("🟢 UP shop.example.com (HTTPS) from all regions", "resolution", true)]
    [InlineData("Checkout monitor is UP again", "resolution", true)]
    [InlineData("Error rate is up 20% since the deploy", "resolution", false)]
    [InlineData("CPU UP TO 90% ON DB-2", "resolution", false)]
    // An action made ready is not yet done.
    [InlineData("Getting the rollback to the previous build ready", "mitigation", false)]
    [InlineData("Got the standby database promoted", "mitigation", true)]
    // Impact still told, however strongly, after a recovery in its sentence leaves it partial.
    [InlineData("Power was back, and while some lines are running again, most trains are still badly disrupted", "resolution", false)]
    [InlineData("Power was back, and while some lines are running again, most trains are still badly disrupted", "mitigation", true)]
    // A recovery told as the result of the action just told is that action done.
    [InlineData("That worked: normal traffic was back on the spare link", "mitigation", true)]
    [InlineData("Normal traffic was back on the spare link", "mitigation", false)]
    public void Word_classes_give_their_kind(string text, string kind, bool expected)
    {
        var evidence = KindLexicon.Default.Read(text, null);
        Assert.True(expected == evidence.Any(e => e.Kind.ToName() == kind), $"{text}: {string.Join("; ", evidence.Select(e => $"{e.Kind.ToName()}:'{e.Phrase}'"))}");
    }

    [Fact]
    public void A_customer_writing_in_is_the_detection_and_not_our_first_communication()
    {
        var pm = AnalysisTests.FromNotes("07:10 - A client emails our helpdesk about pages that will not load.\n07:40 - We shut down the peering sessions on the bad router.\n07:45 - A tweet goes out about the router problem.");
        Assert.Equal("07:10", Hm(pm.Keys.Detection));
        Assert.Equal("07:10", Hm(pm.Keys.ImpactStart));
        Assert.Equal("07:40", Hm(pm.Keys.Mitigation));
        Assert.Equal("07:45", Hm(pm.Keys.Communication));
    }

    [Fact]
    public void A_monitor_back_UP_is_the_end()
    {
        var pm = AnalysisTests.FromNotes("10:02 🔴 DOWN shop.example.com timed out from 3/3 regions\n10:20 rolled back the proxy config\n10:41 🟢 UP shop.example.com, down for 39m");
        Assert.Equal("10:41", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void A_recovery_undone_by_the_next_message_stopped_no_bleeding()
    {
        var pm = AnalysisTests.FromNotes("21:24 all customers offline, upstream link dark\n21:34 traffic is coming back through the primary\n21:39 and it's gone again\n21:40 failing over to the backup carrier\n21:46 failover done, traffic at normal levels via backup");
        Assert.Equal("21:46", Hm(pm.Keys.Mitigation));
    }

    [Fact]
    public void An_action_ordered_is_done_when_told_done()
    {
        var pm = AnalysisTests.FromNotes("[10:02] Ana: checkout failing for everyone\n[10:10] Ben: ok roll back the release\n[10:17] Ana: rollback finished, checkout working again");
        Assert.Equal("10:17", Hm(pm.Keys.Mitigation));
    }
}
