using NodaTime;
using Postmortem.Analysis;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// The twenty-ninth session's review of s29-open's rules (/work/briefs/review29-findings.md, F1–F3, F5), each with the
/// reviewer's sentences: what was spared drops only its own clause, our own email "full of" steps is ours, a negation without
/// its apostrophe is a negation, and a half-year label is no clock.
/// </summary>
public sealed class Review29Tests
{
    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    // F1: "X down; Y unaffected" — the clause naming what was spared drops, not the escalation or impact told beside it.
    [Fact]
    public void A_clause_telling_what_was_spared_leaves_the_escalation_beside_it()
    {
        var a = AnalysisTests.FromNotes("- 09:05 Checkout down for all users. Escalated to the payments team; the rest of the site was unaffected.\n- 09:40 Rolled back the release\n- 09:45 Checkout working again");
        Assert.Equal("09:05", Hm(a.Keys.Escalation));
    }

    [Fact]
    public void A_clause_telling_what_was_spared_leaves_the_impact_beside_it()
    {
        var a = AnalysisTests.FromNotes("- 08:50 Deployed release 42 to production. From then on checkout failed for all users; search stayed available.\n- 09:10 Paged the on-call\n- 09:40 Rolled back release 42\n- 09:45 Checkout working again");
        Assert.Equal("08:50", Hm(a.Keys.ImpactStart));
        Assert.Equal("09:45", Hm(a.Keys.Resolution));
    }

    // What kept working still gives nothing of its own (s29-open's rule holds).
    [Fact]
    public void A_sentence_of_what_kept_working_alone_still_gives_no_kind()
    {
        var a = AnalysisTests.FromNotes("- 09:05 Checkout down for all users. Everything else kept working normally: the API, alert ingestion, escalations.\n- 09:45 Checkout working again");
        Assert.Null(a.Keys.Escalation);
    }

    // F2: a communication of ours "full of" steps, our status page "lit up red", are ours.
    [Theory]
    [InlineData("- 10:10 Sent an email full of workaround steps to all affected customers")]
    [InlineData("- 10:10 Published a blog post full of apologies")]
    [InlineData("- 10:10 Posted a public notice filled with workaround steps")]
    [InlineData("At 10:10 we sent a notice full of workaround steps to customers.")]
    public void Our_own_notice_full_of_steps_is_our_communication(string line)
    {
        var a = AnalysisTests.FromNotes("- 09:40 Checkout errors for all users\n" + line + "\n- 11:00 Errors gone, resolved");
        Assert.Equal("10:10", Hm(a.Keys.Communication));
    }

    [Fact]
    public void Twitter_going_wild_is_still_others_talk()
    {
        var a = AnalysisTests.FromNotes("- 09:40 Checkout errors for all users\n- 09:55 Twitter going wild about it\n- 10:10 Posted a status page update\n- 11:00 Errors gone, resolved");
        Assert.Equal("10:10", Hm(a.Keys.Communication));
    }

    // F3: chat drops the apostrophe of a negation.
    [Theory]
    [InlineData("[09:47] <bo> we dont need the network team on this, its the app")]
    [InlineData("[09:47] <bo> we didnt need the dc folks on it in the end")]
    public void A_negation_without_its_apostrophe_calls_nobody(string line)
    {
        var a = AnalysisTests.FromNotes("[09:40] <ana> checkout failing for everyone\n" + line + "\n[10:40] <ana> all clear, resolved");
        Assert.Null(a.Keys.Escalation);
    }

    [Fact]
    public void Needing_a_team_on_it_still_calls_them()
    {
        var a = AnalysisTests.FromNotes("[09:40] <ana> checkout failing for everyone\n[09:47] <bo> we need the network team on this\n[10:40] <ana> all clear, resolved");
        Assert.Equal("09:47", Hm(a.Keys.Escalation));
    }

    // F5: "2H24", "1H25" are halves of a year; "08H40" stays a clock.
    [Theory]
    [InlineData("Stopped at 2H24 for a check.")]
    [InlineData("The 2H24 capacity plan moved the cluster; the 1H25 cleanup follows.")]
    public void A_half_year_label_is_no_clock(string line)
    {
        var result = NotesExtractor.Extract(line, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 3, 5), DefaultZone = DateTimeZoneProviders.Tzdb["UTC"] });
        Assert.Empty(result.Events);
    }

    [Fact]
    public void A_capital_H_with_two_digits_either_side_is_still_a_clock()
    {
        var result = NotesExtractor.Extract("Le trafic a été interrompu à 08H40.", new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 3, 5), DefaultZone = DateTimeZoneProviders.Tzdb["UTC"] });
        Assert.Equal("08:40", Assert.Single(result.Events).Time.ToString("HH:mm", null));
    }

    // F6 (s29-forms): a Hungarian hour before a verb of lasting or stopping is a length; "órakor" and "until 6 o'clock" stay clocks.
    [Theory]
    [InlineData("A leállás 3 óráig tartott.", "")]
    [InlineData("A szolgáltatás 2 órára leállt karbantartás miatt.", "")]
    [InlineData("Nagyjából 4 óra körül tartott a javítás.", "")]
    [InlineData("A hiba 14 órakor kezdődött.", "14:00")]
    [InlineData("A rendszer 6 óráig nem elérhető.", "06:00")]
    public void A_hungarian_hour_before_a_verb_of_lasting_is_a_length(string line, string clocks)
    {
        var result = NotesExtractor.Extract(line, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 3, 5), DefaultZone = DateTimeZoneProviders.Tzdb["UTC"] });
        Assert.Equal(clocks, string.Join(", ", result.Events.Select(e => e.Time.ToString("HH:mm", null))));
    }

    // F4 (s29-mitig): the step beside the end gives no mitigation when it failed, was only planned, or was another party's.
    [Theory]
    [InlineData("- 09:10 Checkout errors for all users\n- 09:40 Pushed the patch to production, errors continued\n- 09:55 Errors stopped")]
    [InlineData("- 09:10 Checkout errors for all users\n- 09:40 Patch ready; pushing it to production after the freeze\n- 09:55 Errors stopped")]
    [InlineData("- 09:10 Payments failing for all users\n- 10:05 Stripe's fix is live, payments working again")]
    [InlineData("- 09:10 Payments failing for all users\n- 10:05 The payment processor says the update is out on their end, payments working again")]
    public void A_failed_planned_or_others_step_beside_the_end_is_no_mitigation(string notes)
    {
        var a = AnalysisTests.FromNotes(notes);
        Assert.NotNull(a.Keys.Resolution);
        Assert.Null(a.Keys.Mitigation);
    }

    [Fact]
    public void Our_step_before_the_end_is_still_the_mitigation()
    {
        var a = AnalysisTests.FromNotes("- 09:10 Checkout errors for all users\n- 09:40 Pushed the patch to production\n- 09:55 Errors stopped");
        Assert.Equal("09:40", Hm(a.Keys.Mitigation)); // the step is an action of its own: its time, as before the rule
    }
}
