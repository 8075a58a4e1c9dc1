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
    [InlineData("Sam: had to wake up to five people before anyone answered")]
    [InlineData("We had to wake up the network on-call to get the router looked at.")]
    [InlineData("Priya was woken up to help with the failover.")]
    public void Waking_someone_up_is_still_an_escalation(string text) => Assert.Contains("escalation", Kinds(text));

    // A failover named as a thing (its config, its settings) is not a failover done.
    [Theory]
    [InlineData("@Ana can you look at this with me? the failover config is yours")]
    [InlineData("checking the fail-over settings on the edge pair")]
    public void A_failover_named_as_a_thing_is_no_mitigation(string text) => Assert.DoesNotContain("mitigation", Kinds(text));

    [Theory]
    [InlineData("Triggered the failover to the standby database.")]
    [InlineData("failover done, traffic on the Frankfurt pair now")]
    public void A_failover_done_is_still_a_mitigation(string text) => Assert.Equal("mitigation", Kind(text));

    // Review36 H3: a script, runbook or procedure is what a team runs to fail over.
    [Theory]
    [InlineData("Ran the failover script; the standby is now primary.")]
    [InlineData("Executed the failover runbook.")]
    [InlineData("Started the failover procedure for the orders cluster.")]
    public void A_failover_script_run_is_a_mitigation(string text) => Assert.Contains("mitigation", Kinds(text));

    // Transit rerouted by hand: the bleeding stopped, as "rerouted traffic" is.
    [Theory]
    [InlineData("rerouted international transit via carrier B at 14:20")]
    public void Transit_rerouted_is_a_mitigation(string text) => Assert.Equal("mitigation", Kind(text));

    // Review36 H1: "force traffic/transit" was dropped — a fault forces traffic somewhere as often as a team does.
    [Theory]
    [InlineData("The cut forced a re-think of our peering plans.")]
    [InlineData("Transit costs moved up this quarter.")]
    [InlineData("A route leak from a peer forced our traffic through a congested link in Frankfurt.")]
    [InlineData("The surge in retry traffic forced the database to its connection limit.")]
    [InlineData("The broken line card forced all traffic onto the second router, which saturated.")]
    public void Force_without_traffic_or_transit_moved_in_passing_is_no_mitigation(string text) => Assert.DoesNotContain("mitigation", Kinds(text));

    // A statement issued or a first notice up: our first word to the public.
    [Theory]
    [InlineData("The company issues its first statement about the outage")]
    [InlineData("We released a public statement to the press at noon.")]
    [InlineData("first notice is up on the news page, apologised for the downtime")]
    [InlineData("Initial customer notice went out by e-mail.")]
    public void A_statement_issued_or_a_first_notice_up_is_a_communication(string text) => Assert.Contains("communication", Kinds(text));

    [Theory]
    [InlineData("The first notice of the problem came from a customer on the forum.")]
    [InlineData("Reading the statement of work for the new contract.")]
    // Review36 M1: a statement a program issues is SQL, not a word to the public.
    [InlineData("A schema migration issued a statement that locked the orders table.")]
    [InlineData("Found the ORM issues a statement per row.")]
    public void Notice_or_statement_in_passing_is_no_communication(string text) => Assert.DoesNotContain("communication", Kinds(text));
}
