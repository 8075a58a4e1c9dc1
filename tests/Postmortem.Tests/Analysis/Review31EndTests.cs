using System.Diagnostics;
using NodaTime;
using Postmortem.Analysis;
using Postmortem.Ingest.Notes;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// The end of impact read wrong in sentences of our own (review31 F1, F3, F8; thirty-second session): a relapse or a level told
/// as something "back", a person or another party back, a French or German partial recovery, and a clock inside a forecast. Each
/// in bullets, a chat line, a status update or prose, with a variant that must still be the end.
/// </summary>
public sealed class Review31EndTests
{
    private static string Kind(string text) => KindLexicon.Default.Classify(text).Kind.ToName();

    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    private static IReadOnlyList<TimelineEvent> Events(string notes) =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 5, 3), DefaultZone = DateTimeZoneProviders.Tzdb["UTC"] }).Events;

    // F1: the trouble back, with a measure noun or a place between, or a bad level, is no end.
    [Theory]
    [InlineData("Error rates are back up to 30%")]
    [InlineData("The error rate is back above 5% in EU")]
    [InlineData("5xx rates are back up, EU hit again")]
    [InlineData("The errors on checkout are back")]
    [InlineData("Timeouts are back at 40%")]
    [InlineData("Errors were back to 30%")]
    [InlineData("Latency is back to 4 s")]
    [InlineData("CPU is back above 90%")]
    [InlineData("Checkout is back down for EU users")]
    public void A_relapse_or_a_level_told_back_is_not_the_end(string text) => Assert.NotEqual("resolution", Kind(text));

    [Theory]
    [InlineData("Error rates are back up to 30%")]
    [InlineData("The errors on checkout are back")]
    [InlineData("Timeouts in EU came back")]
    public void The_trouble_back_is_impact(string text) => Assert.Equal("impact", Kind(text));

    [Theory]
    [InlineData("Error rates are back to normal levels")]
    [InlineData("The error rate is back under 1%")]
    [InlineData("Latency is back at baseline")]
    [InlineData("Errors are back to 0")]
    [InlineData("Error rates are back to their usual level")]
    [InlineData("Checkout is back up for all users")]
    [InlineData("Error rates are back down")]
    [InlineData("Traffic is back down to normal")]
    public void A_good_level_regained_is_still_the_end(string text) => Assert.Equal("resolution", Kind(text));

    [Fact]
    public void A_relapse_in_bullets_leaves_the_end_to_the_recovery_after_it()
    {
        var analysis = AnalysisTests.FromNotes("- 09:00 Checkout errors for all users\n- 09:20 Rolled back release 42\n- 09:40 Error rates are back up to 30%\n- 10:30 Checkout working again\n");
        Assert.Equal("10:30", Hm(analysis.Keys.Resolution));
        Assert.Equal(90, analysis.DurationMinutes);
    }

    [Fact]
    public void A_relapse_in_a_chat_line_leaves_the_end_to_the_recovery_after_it()
    {
        var analysis = AnalysisTests.FromNotes("[09:00] <ana> checkout is throwing 500s for everyone\n[09:20] <ben> rolled back the deploy\n[09:30] <ana> 5xx rates are back up, EU hit again\n[10:10] <ben> checkout working again for all regions\n");
        Assert.Equal("10:10", Hm(analysis.Keys.Resolution));
    }

    [Fact]
    public void A_level_in_a_status_update_is_not_the_end()
    {
        var analysis = AnalysisTests.FromNotes(
            "Resolved\nLatency is back to normal levels for all customers.\nPosted Nov 24, 2023 - 10:30 UTC\n\nUpdate\nLatency is back to 4 s after a brief dip.\nPosted Nov 24, 2023 - 09:40 UTC\n\nInvestigating\nCheckout is slow for all customers.\nPosted Nov 24, 2023 - 09:00 UTC");
        Assert.Equal("10:30", Hm(analysis.Keys.Resolution));
    }

    // F3: a person back is never the end; another party's word on its own system is not our end.
    [Theory]
    [InlineData("Dan is back online and looking into it")]
    [InlineData("Priya is back from lunch")]
    [InlineData("I'm back online, catching up on the channel")]
    [InlineData("Sam is back on the bridge")]
    [InlineData("Cloudflare says their edge network is back")]
    [InlineData("AWS reports the region is back")]
    [InlineData("The provider confirmed that its API has recovered")]
    public void A_person_or_another_partys_word_is_not_the_end(string text) => Assert.NotEqual("resolution", Kind(text));

    [Theory]
    [InlineData("Checkout is back online and working normally")]
    [InlineData("Checkout is back up, investigating the cause")]
    [InlineData("Customers say their orders are going through again")]
    [InlineData("The carrier repaired the fibre and the site is back")]
    [InlineData("Ana reports the site is back")]
    public void Our_service_back_is_still_the_end(string text) => Assert.Equal("resolution", Kind(text));

    [Theory]
    [InlineData("I'm rolling back the release now")]
    [InlineData("She rolled back the config")]
    [InlineData("The provider says the capacity expansion is finished")]
    public void An_action_of_a_person_or_a_party_is_still_a_mitigation(string text) => Assert.Equal("mitigation", Kind(text));

    [Fact]
    public void A_person_back_in_bullets_is_not_the_end()
    {
        var analysis = AnalysisTests.FromNotes("- 09:00 Checkout errors for all users\n- 09:20 Paged Dan\n- 09:40 Dan is back online and looking into it\n- 10:30 Checkout working again\n");
        Assert.Equal("10:30", Hm(analysis.Keys.Resolution));
    }

    [Fact]
    public void A_providers_report_in_a_chat_line_is_not_our_end()
    {
        var analysis = AnalysisTests.FromNotes("[09:00] <ana> checkout down for everyone\n[09:30] <ben> Cloudflare says their edge network is back\n[09:45] <ana> checkout still failing for EU users\n[10:30] <ben> checkout working again\n");
        Assert.Equal("10:30", Hm(analysis.Keys.Resolution));
    }

    // F8: a French or German partial recovery is a mitigation, not the end.
    [Theory]
    [InlineData("Service partiellement rétabli, paiements toujours en panne")]
    [InlineData("Rétabli pour la plupart des clients, Lyon toujours coupé")]
    [InlineData("Le service est rétabli pour Paris, toujours en panne pour Lyon")]
    [InlineData("Le service est en partie rétabli")]
    [InlineData("Der Dienst ist teilweise wiederhergestellt")]
    public void A_partial_recovery_in_french_or_german_is_a_mitigation(string text) => Assert.Equal("mitigation", Kind(text));

    [Theory]
    [InlineData("Le service est rétabli")]
    [InlineData("Der Dienst wurde vollständig wiederhergestellt")]
    public void A_whole_recovery_in_french_or_german_is_the_end(string text) => Assert.Equal("resolution", Kind(text));

    [Fact]
    public void A_french_partial_recovery_in_bullets_leaves_the_end_to_the_full_one()
    {
        var analysis = AnalysisTests.FromNotes("- 09:00 Le site est indisponible pour tous les clients\n- 09:40 Service partiellement rétabli, paiements toujours en panne\n- 11:00 Le service est rétabli\n");
        Assert.Equal("11:00", Hm(analysis.Keys.Resolution));
        Assert.Equal("09:40", Hm(analysis.Keys.Mitigation));
    }

    [Fact]
    public void A_french_partial_recovery_in_a_status_update_is_not_the_end()
    {
        var analysis = AnalysisTests.FromNotes(
            "Resolved\nLe service est rétabli pour tous les clients.\nPosted Nov 24, 2023 - 11:00 UTC\n\nUpdate\nRétabli pour la plupart des clients, Lyon toujours coupé.\nPosted Nov 24, 2023 - 09:40 UTC\n\nInvestigating\nLe site est indisponible pour tous les clients.\nPosted Nov 24, 2023 - 09:00 UTC");
        Assert.Equal("11:00", Hm(analysis.Keys.Resolution));
    }

    // A clock inside a forecast is no recovery, and it no longer cuts the line before its plan word: the line tells the forecast
    // at its time, and the forecast's clock stays a moment (the corpus labels it, as "other").
    [Theory]
    [InlineData("- 10:30 Normalbetrieb ab 12 Uhr erwartet\n", "10:30", "erwartet")]
    [InlineData("- 09:30 Service expected back by 14:00\n", "09:30", "expected")]
    [InlineData("- 09:40 ETA 15:30 for full recovery\n", "09:40", "ETA")]
    [InlineData("- 09:50 Full recovery is expected around 15:00\n", "09:50", "expected")]
    [InlineData("- 09:50 Normalbetrieb gegen 14 Uhr erwartet\n", "09:50", "erwartet")]
    [InlineData("[09:40] <ana> ETA 15:30 for full recovery\n[09:45] <ben> ok, watching it\n", "09:40", "ETA")]
    [InlineData("Update 09:30: full recovery expected around 15:00.\n", "09:30", "expected")]
    public void A_forecasts_clock_is_no_recovery_and_leaves_its_line_whole(string notes, string at, string plan)
    {
        var events = Events(notes);
        Assert.Contains(events, e => e.Time.ToString("HH:mm", null) == at && e.Text.Contains(plan, StringComparison.Ordinal));
        Assert.All(events, e => Assert.NotEqual(EventKind.Resolution, KindLexicon.Default.Classify(e.Text).Kind));
    }

    [Theory]
    [InlineData("- 09:00 Impact started at 09:05 as expected\n", "expected")]
    [InlineData("- 09:00 Rolled back at 09:10 and errors stopped at 09:20\n", "stopped")]
    [InlineData("- 09:00 Der Shop ist ab 09:05 nicht erreichbar\n", "erreichbar")]
    public void A_clock_of_something_that_happened_still_cuts_its_line(string notes, string later)
    {
        var events = Events(notes);
        Assert.True(events.Count >= 2);
        Assert.DoesNotContain(later, events[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecasts_in_bullets_leave_the_end_to_the_recovery_seen()
    {
        var analysis = AnalysisTests.FromNotes(
            "- 09:00 Checkout down for all users\n- 09:30 Service expected back by 14:00\n- 09:40 ETA 15:30 for full recovery\n- 10:30 Normalbetrieb ab 12 Uhr erwartet\n- 10:45 Checkout working again\n");
        Assert.Equal("10:45", Hm(analysis.Keys.Resolution));
    }

    [Fact]
    public void A_recovery_seen_after_a_forecast_is_still_the_end()
    {
        Assert.Equal("resolution", Kind("Full recovery confirmed, earlier than the ETA"));
        Assert.Equal("resolution", Kind("Service recovered as expected"));
    }

    [Fact]
    public void The_new_patterns_stay_linear_on_long_hostile_lines()
    {
        var watch = Stopwatch.StartNew();
        foreach (var run in new[]
        {
            string.Concat(Enumerable.Repeat("error rates on x are back ", 4_000)), string.Concat(Enumerable.Repeat("a.b-c&d says their x is back ", 3_500)),
            new string('a', 50_000) + "-" + string.Concat(Enumerable.Repeat("a.", 25_000)) + " says their api is back",
            string.Concat(Enumerable.Repeat("expected back by ", 6_000)) + "14:00", string.Concat(Enumerable.Repeat("ETA ab ", 14_000)) + "12 Uhr erwartet",
            string.Concat(Enumerable.Repeat("toujours en partie rétabli ", 4_000)), string.Concat(Enumerable.Repeat("Dan is back and ", 6_000)),
        })
        {
            AnalysisTests.FromNotes("- 09:00 " + run + "\n- 09:30 errors gone");
            Kind(run);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), watch.Elapsed.ToString());
    }
}
