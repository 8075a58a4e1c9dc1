using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Judgement among key candidates (docs/analysis.md, "Key timestamps"): principles of order and of what a writer leaves
/// unsaid, each in sentences of our own.
/// </summary>
public sealed class KeyJudgementTests
{
    [Fact]
    public void A_retelling_stamped_at_the_impact_start_is_not_a_recovery_at_that_stamp()
    {
        // The summary line opens with the start and tells the whole incident; its recovery belongs to the later time.
        var pm = AnalysisTests.FromNotes(
            "14:02 Deployed the new search build\n"
            + "14:05 Checkout errors for every customer\n"
            + "14:05 Starting at 14:05 checkout was down for 25 minutes for every customer; we rolled back the build and by 14:30 it was back to normal\n"
            + "14:28 Rollback finished\n"
            + "14:30 Checkout back to normal");
        Assert.Equal("14:05", pm.Keys.ImpactStart!.Time.ToString("HH:mm", null));
        Assert.Equal("14:28", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));
        Assert.Equal("14:30", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_recovery_at_its_own_stamp_after_the_start_still_counts_when_it_tells_the_impact_too()
    {
        // Only the stamp at (or before) the start makes a retelling; a later line that names the impact it ended is a recovery.
        var pm = AnalysisTests.FromNotes(
            "14:05 Checkout errors for every customer\n"
            + "14:30 Checkout errors are gone and payments are back to normal");
        Assert.Equal("14:30", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void With_no_recovery_told_the_last_completed_action_is_the_end_unless_it_is_told_as_partial()
    {
        var pm = AnalysisTests.FromNotes(
            "03:00 Every player gets login errors\n"
            + "03:05 Paged the backend on-call\n"
            + "03:40 Fix is live, logins going through, players reconnecting");
        Assert.Equal("03:40", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
        Assert.Equal(40, pm.DurationMinutes);

        var partial = AnalysisTests.FromNotes(
            "03:00 Every player gets login errors\n"
            + "03:05 Paged the backend on-call\n"
            + "03:40 We deployed a partial fix that switched off the new login path");
        Assert.Equal("03:40", partial.Keys.Mitigation!.Time.ToString("HH:mm", null));
        Assert.Null(partial.Keys.Resolution);

        // Impact reported after the action: it did not end it.
        var again = AnalysisTests.FromNotes(
            "03:00 Every player gets login errors\n"
            + "03:40 Fix is live, logins going through, players reconnecting\n"
            + "03:55 Players get login errors again");
        Assert.Null(again.Keys.Resolution);
    }

    [Fact]
    public void A_retelling_that_tells_the_recovery_at_the_start_stamp_does_not_end_the_impact_there()
    {
        var pm = AnalysisTests.FromNotes(
            "14:05 Checkout errors for every customer\n"
            + "14:05 Checkout was down for every customer and was back to normal 25 minutes later\n"
            + "14:20 Paged the payments on-call\n"
            + "14:30 Checkout back to normal");
        Assert.Equal("14:30", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void Detection_is_no_later_than_our_first_communication_while_the_impact_was_on()
    {
        // A notice of planned work before the impact is not the team knowing of the problem.
        var pm = AnalysisTests.FromNotes(
            "19:00 We emailed customers about tonight's planned maintenance\n"
            + "20:30 Payments failing for every customer\n"
            + "20:41 We informed the affected banks of the problem by email\n"
            + "21:20 Staff went into the data center and started investigating\n"
            + "23:10 Payments are working again");
        Assert.Equal("20:41", pm.Keys.Detection!.Time.ToString("HH:mm", null));
        Assert.Equal("20:30", pm.Keys.ImpactStart!.Time.ToString("HH:mm", null));

        // Told only after it: the earlier sign stands.
        var later = AnalysisTests.FromNotes(
            "20:30 Payments failing for every customer\n"
            + "21:20 Staff went into the data center and started investigating\n"
            + "21:30 We informed the affected banks of the problem by email\n"
            + "23:10 Payments are working again");
        Assert.Equal("21:20", later.Keys.Detection!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void An_action_told_as_changing_nothing_does_not_end_the_impact()
    {
        var pm = AnalysisTests.FromNotes(
            "03:00 Every user gets login errors\n"
            + "03:10 Restarted the auth service, errors unchanged\n"
            + "03:30 Still digging");
        Assert.Null(pm.Keys.Resolution);
    }

    [Fact]
    public void A_customer_report_or_a_note_to_ourselves_is_not_a_communication_that_moves_detection()
    {
        var report = AnalysisTests.FromNotes(
            "14:00 Checkout failures for all users\n"
            + "14:03 Customers on Twitter reporting checkout failures\n"
            + "14:10 Alert fired: checkout error rate over 5%");
        Assert.NotEqual("14:03", report.Keys.Detection?.Time.ToString("HH:mm", null));

        var note = AnalysisTests.FromNotes(
            "14:00 Checkout failures for all users\n"
            + "14:03 Added a note to the site wiki about the failover plan\n"
            + "14:10 Alert fired: checkout error rate over 5%");
        Assert.Equal("14:10", note.Keys.Detection!.Time.ToString("HH:mm", null));

        var ours = AnalysisTests.FromNotes(
            "14:00 Checkout failures for all users\n"
            + "14:03 Posted a notice on our status page about checkout failures\n"
            + "14:10 Alert fired: checkout error rate over 5%");
        Assert.Equal("14:03", ours.Keys.Detection!.Time.ToString("HH:mm", null));
        Assert.Equal("communication", ours.Keys.DetectionMethod);
    }

    [Fact]
    public void A_follow_up_that_the_failure_should_not_recur_does_not_undo_the_recovery()
    {
        var pm = AnalysisTests.FromNotes(
            "14:00 Checkout errors for all users, connection pool exhausted\n"
            + "14:20 Raised the pool size, checkout errors gone and checkout back to normal\n"
            + "16:00 Follow-up: add an alert on pool saturation so this does not recur");
        Assert.Equal("14:20", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_line_at_the_start_without_a_second_time_or_a_length_is_not_a_retelling()
    {
        var pm = AnalysisTests.FromNotes(
            "14:05 Bad config pushed, checkout 500s for all users, reverted within the minute");
        Assert.Equal("14:05", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));
    }

    [Theory]
    [InlineData("Not moving the status page to 'Resolved' until the backlog drains")]
    [InlineData("We will set the status to 'Resolved' once the queue is empty")]
    [InlineData("Holding off on switching our status page to \"Resolved\" until the retries finish")]
    public void A_status_label_quoted_under_negation_or_in_the_future_is_neither_a_resolution_nor_a_communication_of_one(string line)
    {
        var pm = AnalysisTests.FromNotes(
            "09:00 Order confirmations delayed for all customers, queue backlog growing\n"
            + "09:20 Restarted the mail workers, backlog draining\n"
            + "09:40 " + line + "\n"
            + "09:50 Looking at worker logs");
        // The key may fall elsewhere (the restart, by the rule for no recovery told); never on the line that only names the label.
        Assert.NotEqual("09:40", pm.Keys.Resolution?.Time.ToString("HH:mm", null));
        Assert.NotEqual("09:40", pm.Keys.Communication?.Time.ToString("HH:mm", null));
        Assert.DoesNotContain(pm.Timeline.Single(e => e.Text.StartsWith(line[..10], StringComparison.Ordinal)).Evidence, x => x.Kind is EventKind.Resolution or EventKind.Communication);
    }

    [Fact]
    public void A_status_label_quoted_as_set_is_still_a_resolution_and_a_communication()
    {
        var pm = AnalysisTests.FromNotes(
            "09:00 Order confirmations delayed for all customers, queue backlog growing\n"
            + "09:20 Restarted the mail workers, backlog draining\n"
            + "09:40 No messages queued any more, moved the status page to 'Resolved'");
        Assert.Equal("09:40", pm.Keys.Resolution?.Time.ToString("HH:mm", null));
        Assert.Equal("09:40", pm.Keys.Communication?.Time.ToString("HH:mm", null));
    }
}
