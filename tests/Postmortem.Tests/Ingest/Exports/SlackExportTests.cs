using Postmortem.Ingest.Exports;
using static Postmortem.Tests.Ingest.Exports.ExportReaderTests;

namespace Postmortem.Tests.Ingest.Exports;

public sealed class SlackExportTests
{
    private const string Folder = "tests/Postmortem.Tests/Fixtures/exports/slack";

    private static readonly ExportOptions Incident = new() { Channels = ["#incident-checkout"] };

    [Fact]
    public void Curation_keeps_marked_pinned_recognised_and_thread_replies_across_day_files()
    {
        var r = Read(Folder, Incident);
        Assert.Equal("slack-export", r.Format);
        Assert.Equal(
            ["Checkout is throwing errors for @Lee DBA's test & prod", "looking at the db now", "Rolled back checkout to v41", "replica lag is 40s"],
            r.Events.Select(e => e.Text));
        Assert.Equal((2, 2), (r.LeftOut, r.Noise)); // "lunch anyone?" and "still fine"; a join and a deleted message
        Assert.Equal(8, r.Records);
        Assert.Contains(r.Diagnostics, d => d.Code == "PM0404" && d.Message.StartsWith("kept 4 messages; left out 2 joins, leaves and deleted or empty messages, and 2 that are not pinned", StringComparison.Ordinal));
        Assert.Equal(["Dana Ops", "Lee DBA", "deploy-bot", "Dana Ops"], r.Events.Select(e => e.Actor));
        Assert.Equal(At("2024-03-13T00:00:00.0007Z"), r.Events[3].Time);
        Assert.EndsWith("incident-checkout/2024-03-13.json", r.Events[3].Provenance.File.Replace('\\', '/'));
        Assert.Equal("1710288000.000700", r.Events[3].WrittenTime);
    }

    [Fact]
    public void Every_channel_is_read_when_none_is_named()
    {
        var r = Read(Folder);
        Assert.Contains(r.Events, e => e.Text == "the deploy happened" && e.Provenance.File.Replace('\\', '/').EndsWith("random/2024-03-12.json", StringComparison.Ordinal));
    }

    [Fact]
    public void All_keeps_every_message_but_still_drops_joins_and_deleted_messages()
    {
        var r = Read(Folder, Incident with { All = true });
        Assert.Equal(6, r.Events.Count);
        Assert.Equal((0, 2), (r.LeftOut, r.Noise));
        Assert.DoesNotContain(r.Events, e => e.Text.Contains("joined", StringComparison.Ordinal) || e.Text.Contains("deleted", StringComparison.Ordinal));
    }

    [Fact]
    public void Markers_are_configurable()
    {
        var r = Read(Folder, Incident with { Markers = ["eyes"] });
        Assert.DoesNotContain(r.Events, e => e.Text == "looking at the db now");
        Assert.DoesNotContain(r.Events, e => e.Text == "replica lag is 40s");
    }

    [Fact]
    public void The_zip_is_read_in_place_with_the_same_events()
    {
        var zip = Temp.Zip(Folder);
        var r = Read(zip, Incident);
        Assert.Equal(Read(Folder, Incident).Events.Select(e => (e.Time, e.Text)), r.Events.Select(e => (e.Time, e.Text)));
        Assert.Equal($"{zip}:slack/incident-checkout/2024-03-12.json", r.Events[0].Provenance.File);
        Assert.All(r.Events, e => Assert.Equal(zip, e.Provenance.Input)); // one input, whatever its day files
    }

    [Fact]
    public void A_channel_not_in_the_export_is_an_error_listing_the_channels()
    {
        var d = Assert.Single(Read(Folder, new ExportOptions { Channels = ["war-room"] }).Diagnostics);
        Assert.Equal("PM0406", d.Code);
        Assert.Contains("channel 'war-room' is not in this export (channels: incident-checkout, random)", d.Message);
    }

    [Fact]
    public void Time_comes_from_ts_and_the_window_applies_to_it()
    {
        var r = Read(Folder, Incident with { From = At("2024-03-12T14:00:00Z"), To = At("2024-03-12T15:30:00Z") });
        Assert.Equal(3, r.Events.Count);
        Assert.Equal(2, r.OutsideWindow);
    }

    [Fact]
    public void Day_files_far_from_the_window_are_not_opened()
    {
        var pruned = Read(Folder, Incident with { From = At("2024-03-14T12:00:00Z"), To = At("2024-03-14T13:00:00Z") });
        Assert.Equal(2, pruned.Records); // only 2024-03-13.json, one day from the window, is read
        var full = Read(Folder, Incident with { From = At("2024-03-14T12:00:00Z"), To = At("2024-03-14T13:00:00Z"), PruneDayFiles = false });
        Assert.Equal(8, full.Records);
        Assert.Empty(full.Events);
    }

}
