using System.Text;
using NodaTime;
using Postmortem.Ingest.Exports;

namespace Postmortem.Tests.Ingest.Exports;

public sealed class ExportTimeTests
{
    [Theory]
    [InlineData("2013-03-06T21:33:15Z", "2013-03-06T21:33:15Z", "UTC")]
    [InlineData("2017-09-26T15:18:09+00:00", "2017-09-26T15:18:09Z", "UTC")]
    [InlineData("2018-03-07T06:33:21.873077559-05:00", "2018-03-07T11:33:21.873077559Z", "UTC-05:00")]
    [InlineData("2018-11-04T22:43:58.283995108+01:00", "2018-11-04T21:43:58.283995108Z", "UTC+01:00")]
    [InlineData("2017-04-12T12:27:28.52Z", "2017-04-12T12:27:28.52Z", "UTC")]
    [InlineData("2011-05-06T17:00Z", "2011-05-06T17:00:00Z", "UTC")]
    [InlineData("2011-05-06T03:30-07", "2011-05-06T10:30:00Z", "UTC-07:00")]
    [InlineData("2024-10-10T16:39:00.138359+00:00", "2024-10-10T16:39:00.138359Z", "UTC")]
    [InlineData("2011-05-06", "2011-05-06T00:00:00Z", "UTC")]
    [InlineData("2019-02-21T08:31:24.239-0600", "2019-02-21T14:31:24.239Z", "UTC-06:00")]
    public void Iso_forms_exports_write_are_read_to_the_right_instant(string text, string expected, string zone)
    {
        Assert.True(ExportTime.TryIso(Encoding.UTF8.GetBytes(text), out var t));
        Assert.Equal(NodaTime.Text.InstantPattern.ExtendedIso.Parse(expected).Value, t.Instant);
        Assert.Equal(zone, t.Zone);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("2021-03-1706:47:05.123Z")]
    [InlineData("2021-02-30T10:00:00Z")]
    [InlineData("2021-01-01T25:00:00Z")]
    [InlineData("2021-01-01T10:00:00+1")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void Malformed_and_zero_times_are_refused(string text) =>
        Assert.False(ExportTime.TryAny(Encoding.UTF8.GetBytes(text), out _));

    [Theory]
    [InlineData("1452845865.000008", 1452845865_000008000L)]
    [InlineData("1641430251", 1641430251_000000000L)]
    [InlineData("1510825641455", 1510825641_455000000L)]
    [InlineData("1593475564636000000", 1593475564_636000000L)]
    [InlineData("1510825641455000173", 1510825641_455000100L)]
    public void Epochs_are_read_by_their_size(string text, long expectedNanos)
    {
        Assert.True(ExportTime.TryEpoch(Encoding.UTF8.GetBytes(text), out var t));
        Assert.Equal(Instant.FromUnixTimeTicks(expectedNanos / 100), t.Instant);
    }
}
