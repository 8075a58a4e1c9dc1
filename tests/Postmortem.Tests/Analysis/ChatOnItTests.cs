using Postmortem.Analysis;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Twenty-first session (lead): detection in a chat (docs/analysis.md, "Key timestamps"). A responder's first word that they
/// are on a problem already reported or seen ("looking into it now", "NOC looking now", "on it") is the team knowing it,
/// before the page they send next. Sentences of our own, in an IRC log, a Slack-style paste and a Teams-style paste.
/// </summary>
public sealed class ChatOnItTests
{
    private static string Hm(KeyTimestamp? key) => key!.Time.ToString("HH:mm", null);

    [Fact]
    public void In_an_irc_log_the_first_looking_into_it_is_the_detection()
    {
        var pm = AnalysisTests.FromNotes("[07:48] <kim> ticket from a forum user: the mirror list is down\n[07:52] <dev> looking into it now\n[07:56] <dev> every v4 backend refuses connections\n[08:10] <dev> restarted the backends, v4 answering again");
        Assert.Equal("07:52", Hm(pm.Keys.Detection));
    }

    [Fact]
    public void In_a_chat_paste_on_it_comes_before_the_page()
    {
        var pm = AnalysisTests.FromNotes("[02:10] Lena: second customer ticket today: the hotline is down, calls just drop\n[02:14] Omar: NOC on it\n[02:25] Omar: paging the voice platform on-call @Ivo\n[02:50] Ivo: rolled back the dial plan, calls connect again");
        Assert.Equal("02:14", Hm(pm.Keys.Detection));
    }

    [Fact]
    public void Ok_taking_a_look_counts_after_a_short_word()
    {
        var pm = AnalysisTests.FromNotes("[11:02] Ana: ticket from a shop owner: checkout is down\n[11:05] Raj: ok, taking a look\n[11:20] Raj: reverted the cart service, checkout works again");
        Assert.Equal("11:05", Hm(pm.Keys.Detection));
    }

    [Theory]
    // Review: not a responder on a problem. "Looking good" is a verdict; before any impact reported or seen, "on it" is other work.
    [InlineData("[09:00] Ana: deploy of the billing job is out\n[09:05] Raj: looking good so far\n[09:30] Ana: invoices failing for every customer\n[09:40] Raj: rolled it back, invoices go through again", "09:30")]
    [InlineData("[09:00] Ana: can someone review the billing change?\n[09:01] Raj: on it\n[09:30] Ana: invoices failing for every customer\n[09:40] Raj: rolled it back, invoices go through again", "09:30")]
    [InlineData("[09:00] Ana: invoices failing for every customer\n[09:05] Raj: it looks like the tax service\n[09:40] Raj: rolled it back, invoices go through again", "09:00")]
    public void Other_words_are_not_the_detection(string notes, string expected)
    {
        var pm = AnalysisTests.FromNotes(notes);
        Assert.Equal(expected, Hm(pm.Keys.Detection));
    }
}
