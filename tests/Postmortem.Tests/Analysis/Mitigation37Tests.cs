using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Thirty-seventh session (s37-mit): families of our steps that were told with no action kind (docs/accuracy.md, "mitigation: our
/// steps told with no action kind"), with the guards every phrase keeps. Sentences of our own, in other wordings than the cases'.
/// </summary>
public sealed class Mitigation37Tests
{
    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    private static bool IsMitigation(string text) => KindLexicon.Default.Read(text, null).Any(e => e.Kind == EventKind.Mitigation);

    private static string Told(string text) => string.Join("; ", KindLexicon.Default.Read(text, null).Select(e => $"{e.Kind.ToName()}:'{e.Phrase}'"));

    [Theory]
    // A device taken out of the path.
    [InlineData("We turned down the flapping edge router at 10:12")]
    [InlineData("The second uplink port was turned down to stop the loop")]
    [InlineData("Engineers isolated the faulty aggregation switch")]
    [InlineData("the noisy storage node was isolated from the cluster")]
    [InlineData("Took the broken app server offline")]
    // A standby or spare taking control, going live.
    [InlineData("The standby controller took control within seconds")]
    [InlineData("Our spare firewall is live now")]
    [InlineData("backup PBX went live for the call centre")]
    // A switch made by hand, power moved to the generator.
    [InlineData("The site team switched the pumps manually")]
    [InlineData("Facilities moved the building onto generator power")]
    // A fix named by what it put right.
    [InlineData("We corrected the clock on the database host")]
    [InlineData("Stepped NTP on both brokers")]
    [InlineData("The RAID controller was repaired and the array rebuilt")]
    // Service starting to return (a partial recovery, so a mitigation).
    [InlineData("Traffic is starting to return in the northern region")]
    [InlineData("Service started to return for customers on fibre")]
    [InlineData("Connectivity began to return at the branch offices")]
    // A new or standby line activated or carrying the traffic; a part reset by hand; a node bounced.
    [InlineData("The new DSL line was activated for the depot")]
    [InlineData("the contingency link is carrying traffic for the campus")]
    [InlineData("Reset the stuck valve by hand")]
    [InlineData("Bounced both API servers")]
    // Japanese and Chinese steps.
    [InlineData("影響のあるノードを再起動しました。")]
    [InlineData("古い証明書を削除")]
    [InlineData("随即回滚了配置,并逐步重启网关。")]
    public void A_step_of_ours_is_a_mitigation(string text) => Assert.True(IsMitigation(text), Told(text));

    [Theory]
    // A finding, not a part cut off.
    [InlineData("The fault was isolated to the core switch")]
    [InlineData("we isolated it to one storage node")]
    // Negated, planned, asked, or a step that did nothing.
    [InlineData("The backup link did not take over")]
    [InlineData("We could not reset the controller by hand")]
    // A power cycle asked for is not one done; a loop cleared is left out (it read as the end where a site stayed down).
    [InlineData("Opened a ticket with the data centre asking for a power cycle")]
    [InlineData("We will turn down the edge router if the flapping continues")]
    [InlineData("Should we isolate the storage node?")]
    [InlineData("The standby controller took control, but the errors continued")]
    // A thing named, a plan or a step under way in Japanese and Chinese.
    [InlineData("ノードを再起動する予定です")]
    [InlineData("DNSを切り替え中です")]
    [InlineData("网关重启失败")]
    public void A_finding_a_plan_or_a_step_that_did_nothing_is_not(string text) => Assert.False(IsMitigation(text), Told(text));

    [Fact]
    public void A_device_taken_out_dates_the_mitigation_before_the_end()
    {
        var pm = AnalysisTests.FromNotes("- 08:10 Calls failing for most customers, routing protocols flapping\n- 08:40 Engineers turned down one core router\n- 09:30 All calls completing normally, incident resolved");
        Assert.Equal("08:40", Hm(pm.Keys.Mitigation));
        Assert.Equal("09:30", Hm(pm.Keys.Resolution));
    }
}
