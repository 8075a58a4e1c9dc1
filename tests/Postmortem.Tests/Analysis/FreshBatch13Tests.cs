using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Seventeenth session (s17-fresh13): readings and judgements from the batch-13 train cases, each with sentences of our own
/// (docs/accuracy.md, "seventeenth session: reading and judgement from the batch-13 train half"). The reading forms are rows of
/// docs/notes-format.md's table (NotesFormsTableTests).
/// </summary>
public sealed class FreshBatch13Tests
{
    private static string Hm(KeyTimestamp? key) => key!.Time.ToString("HH:mm", null);

    [Theory]
    // An effort towards a recovery is not the action done.
    [InlineData("Technicians are working to bring the database back", "mitigation", false)]
    [InlineData("Crews are working hard to restore power to the rack", "mitigation", false)]
    [InlineData("Technicians brought the database back", "mitigation", true)]
    // A ticket or order we made to check the service is not a customer's report.
    [InlineData("Confirmed, logged in and opened a test ticket", "customer-report", false)]
    [InlineData("A customer opened a ticket about failed logins", "customer-report", true)]
    // A priority ticket with a provider, and someone pulled into the call, are calls for people.
    [InlineData("Logging a P1 with the upstream provider", "escalation", true)]
    [InlineData("Raised a sev2 with the carrier about the link", "escalation", true)]
    [InlineData("Pulling Anja from networking into the bridge", "escalation", true)]
    [InlineData("Pulled the slow query logs into the dashboard", "escalation", false)]
    // A cable, fibre or line cut is the impact.
    [InlineData("A digger cut through the fibre conduit by the depot", "impact", true)]
    [InlineData("The main cable was cut during roadworks", "impact", true)]
    [InlineData("We cut over to the new core router", "impact", false)]
    [InlineData("The carrier repaired the fibre cut overnight", "impact", false)]
    // A corrective setting applied is the action; all of a set told up is the recovery.
    [InlineData("Tuned pool settings applied on every proxy, restarting them one by one", "mitigation", true)]
    [InlineData("Every VPS from host 12 is up with working disks", "resolution", true)]
    [InlineData("All services are up and running", "resolution", true)]
    [InlineData("All error counts are up 20% since the deploy", "resolution", false)]
    // Review of s17-fresh13 (branch s17-rfix2): "all … up" is a recovery only of systems, never a rise; an effort defers only the
    // verb after its "to"; data pulled into a channel is no call for people.
    [InlineData("All error rates are up sharply since the deploy", "resolution", false)]
    [InlineData("By now all on-call engineers were up and on the bridge", "resolution", false)]
    [InlineData("All hosts are back up", "resolution", true)]
    [InlineData("Efforts to roll back the release succeeded", "mitigation", true)]
    [InlineData("Technicians working to restore service rebooted the core router", "mitigation", true)]
    [InlineData("Efforts to roll back the release are under way", "mitigation", false)]
    [InlineData("Pulled the logs into the incident channel", "escalation", false)]
    [InlineData("Pulling the graphs into the call now", "escalation", false)]
    [InlineData("Pulled @maria into the incident channel", "escalation", true)]
    public void Word_classes_give_their_kind(string text, string kind, bool expected)
    {
        var evidence = KindLexicon.Default.Read(text, null);
        Assert.True(expected == evidence.Any(e => e.Kind.ToName() == kind), $"{text}: {string.Join("; ", evidence.Select(e => $"{e.Kind.ToName()}:'{e.Phrase}'"))}");
    }

    [Fact]
    public void A_recovery_of_some_services_followed_by_all_of_them_back_was_partial()
    {
        var pm = AnalysisTests.FromNotes("09:40 The bank said card payments were failing everywhere.\n\n10:33 Card and branch services were working again.\n\n12:45 All banking services had been restored.");
        Assert.Equal("12:45", Hm(pm.Keys.Resolution));
        Assert.Equal("10:33", Hm(pm.Keys.Mitigation));
    }

    [Fact]
    public void A_notice_of_all_services_restored_is_not_a_later_end_than_the_recovery_seen()
    {
        var pm = AnalysisTests.FromNotes("08:21 webmail logins fail with 502 for all users\n09:58 auth success rate back to normal on the dashboard\n10:18 status page: all services fully restored");
        Assert.Equal("09:58", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void An_action_applied_then_restarts_under_way_is_the_mitigation_at_its_time()
    {
        var pm = AnalysisTests.FromNotes("08:21 webmail logins fail with 502 for all users\n09:47 tuned shared memory settings applied on all proxies, restarting them one by one\n09:58 auth success rate back to normal");
        Assert.Equal("09:47", Hm(pm.Keys.Mitigation));
    }

    [Theory]
    [InlineData("11:30 After an hour of monitoring, everything is back to normal and we are closing the incident.")]
    [InlineData("12:00 Confirmed with all customers that service is restored.")]
    public void A_confirmation_watch_or_closing_note_after_the_recovery_does_not_make_it_partial(string later)
    {
        var pm = AnalysisTests.FromNotes("10:00 Checkout fails for all users.\n\n10:32 Errors stopped, checkout working again.\n\n" + later);
        Assert.Equal("10:32", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void A_test_ticket_after_the_recovery_is_not_impact_told_again()
    {
        var pm = AnalysisTests.FromNotes("15:52 Login check FAILED on all locations, portal down\n17:20 Login check RECOVERED on all locations\n17:22 confirmed, logged in and opened a test ticket\n17:24 resolved on the status page");
        Assert.Equal("17:20", Hm(pm.Keys.Resolution));
    }

    [Fact]
    public void Working_to_bring_it_back_is_not_the_mitigation()
    {
        var pm = AnalysisTests.FromNotes("10:00 Payments fail for all users.\n\n10:20 Engineers are working to bring the database back.\n\n11:05 Restarted the database; payments are flowing again.");
        Assert.Equal("11:05", Hm(pm.Keys.Mitigation));
    }

    [Fact]
    public void A_call_for_people_is_the_escalation_before_the_first_responder_opening_a_bridge()
    {
        var pm = AnalysisTests.FromNotes("08:21:10 From Lena Park to Everyone: monitoring: webmail returning 502 on login\n08:24:45 From Lena Park to Everyone: opened this bridge. proxies refusing auth\n08:52:30 From Lena Park to Everyone: logging a P1 with the upstream provider and pulling Tomas from platform into the bridge\n08:58:12 From Tomas Berg to Everyone: joined, reading the logs");
        Assert.Equal("08:52", Hm(pm.Keys.Escalation));
    }
}
