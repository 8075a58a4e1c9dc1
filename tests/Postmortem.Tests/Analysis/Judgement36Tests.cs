using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Thirty-sixth session (s36-open): forms batch 32's train half missed when it opened, fixed as ways people write, each with
/// sentences of our own (none is a case's) and a variant the rule must not misread (docs/accuracy.md, "thirty-sixth session: s36-open").
/// </summary>
public sealed class Judgement36Tests
{
    private static string Kind(string text) => KindLexicon.Default.Classify(text).Kind.ToName();

    private static IEnumerable<string> Kinds(string text) => KindLexicon.Default.Read(text, null).Select(e => e.Kind.ToName());

    // Waking up to what was already sent is the speaker noticing, not someone called in.
    [Theory]
    [InlineData("just woke up to these. the API and the dashboard both 502, looking")]
    [InlineData("Woke up to a wall of pages, checking the queue now")]
    [InlineData("I woke up to the alerts around six and logged in")]
    public void Waking_up_to_the_alerts_is_no_escalation(string text) => Assert.DoesNotContain("escalation", Kinds(text));

    [Theory]
    [InlineData("woke up the database lead, she is joining the bridge")]
    [InlineData("We had to wake up the network on-call to get the router looked at.")]
    [InlineData("Priya was woken up to help with the failover.")]
    public void Waking_someone_up_is_still_an_escalation(string text) => Assert.Contains("escalation", Kinds(text));

    // A failover named as a thing (its config, its script, its plan) is not a failover done.
    [Theory]
    [InlineData("@Ana can you look at this with me? the failover config is yours")]
    [InlineData("The failover script lives in the ops repo, I think Sam wrote it")]
    [InlineData("checking the fail-over settings on the edge pair")]
    public void A_failover_named_as_a_thing_is_no_mitigation(string text) => Assert.DoesNotContain("mitigation", Kinds(text));

    [Theory]
    [InlineData("Triggered the failover to the standby database.")]
    [InlineData("failover done, traffic on the Frankfurt pair now")]
    public void A_failover_done_is_still_a_mitigation(string text) => Assert.Equal("mitigation", Kind(text));

    // Traffic or transit forced, moved or shifted to another path by hand: the bleeding stopped, as "rerouted traffic" is.
    [Theory]
    [InlineData("Forcing all transit over the second upstream by hand now")]
    [InlineData("We forced the customer traffic onto the backup link.")]
    [InlineData("rerouted international transit via carrier B at 14:20")]
    public void Traffic_or_transit_forced_over_is_a_mitigation(string text) => Assert.Equal("mitigation", Kind(text));

    [Theory]
    [InlineData("The cut forced a re-think of our peering plans.")]
    [InlineData("Transit costs moved up this quarter.")]
    public void Force_without_traffic_or_transit_moved_in_passing_is_no_mitigation(string text) => Assert.DoesNotContain("mitigation", Kinds(text));

    // A statement issued or a first notice up: our first word to the public.
    [Theory]
    [InlineData("The company issues its first statement about the outage")]
    [InlineData("We released a short statement to the press at noon.")]
    [InlineData("first notice is up on the news page, apologised for the downtime")]
    [InlineData("Initial customer notice went out by e-mail.")]
    public void A_statement_issued_or_a_first_notice_up_is_a_communication(string text) => Assert.Contains("communication", Kinds(text));

    [Theory]
    [InlineData("The first notice of the problem came from a customer on the forum.")]
    [InlineData("Reading the statement of work for the new contract.")]
    public void Notice_or_statement_in_passing_is_no_communication(string text) => Assert.DoesNotContain("communication", Kinds(text));
}
