using Postmortem.Analysis;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// A window whose subject is another company ("our hosting provider had an outage from 09:02 to 11:40") is the cause's window.
/// When the text also writes a window of its own impact, that one says when the impact ended.
/// </summary>
public sealed class ProviderWindowTests
{
    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    [Fact]
    public void Our_own_window_ends_the_impact_inside_the_providers_longer_one()
    {
        var prose = AnalysisTests.FromNotes(
            "Our hosting provider had a network outage from 09:02 to 11:40 UTC.\n\nBetween 09:15 and 09:58 UTC our booking API returned errors for most customers.\n\n- 09:20 Alert: booking API 5xx\n- 09:55 Switched traffic to the second region");
        Assert.Equal("09:58", Hm(prose.Keys.Resolution));

        var status = AnalysisTests.FromNotes(
            "The upstream carrier's fibre link was down from 14:10 to 19:30 UTC.\n\nFrom 14:12 to 14:40 UTC calls to our support line failed.\n\n- 14:35 Calls rerouted over the backup trunk");
        Assert.Equal("14:40", Hm(status.Keys.Resolution));
    }

    [Fact]
    public void A_providers_window_alone_still_counts()
    {
        // Nothing of our own is written as a window: the provider's outage was the impact as far as the text says.
        var only = AnalysisTests.FromNotes("Our DNS provider had an outage from 13:05 to 13:50 UTC, and our site could not be reached.\n\n- 13:10 Alert: site unreachable");
        Assert.Equal("13:50", Hm(only.Keys.Resolution));
    }

    [Theory]
    [InlineData("Our cloud provider (Google Cloud) had a network outage from 3:51PM to 6:40PM", true)]
    [InlineData("The upstream carrier's fibre link was down from 14:10 to 19:30 UTC.", true)]
    [InlineData("One of our third-party vendors saw errors from 10:00 to 10:30.", true)]
    // Review: our own impact told with a provider in it is ours.
    [InlineData("Between 09:15 and 09:58 UTC customers of our hosting provider could not log in to our panel.", false)]
    [InlineData("From 14:12 to 14:40 UTC calls failed because the provider's link was down.", false)]
    [InlineData("Our API, which the provider's dashboard calls, failed from 10:00 to 10:30.", false)]
    public void A_window_is_the_providers_when_the_provider_is_its_subject(string text, bool providers) =>
        Assert.Equal(providers, KeyTimestampAnalyzer.IsProviderSubject(text));
}
