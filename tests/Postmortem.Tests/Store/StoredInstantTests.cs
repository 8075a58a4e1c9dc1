using NodaTime.Text;
using Postmortem.Store;

namespace Postmortem.Tests.Store;

/// <summary>The index's instants read back by hand give what NodaTime's parser gives, valid or not.</summary>
public sealed class StoredInstantTests
{
    [Theory]
    [InlineData("2024-03-01T08:00:00Z")]
    [InlineData("2024-02-29T23:59:59Z")]
    [InlineData("2023-02-29T10:00:00Z")]
    [InlineData("1969-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("0000-06-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("-0001-01-01T00:00:00Z")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-04-31T00:00:00Z")]
    [InlineData("2024-03-01T24:00:00Z")]
    [InlineData("2024-03-01T08:60:00Z")]
    [InlineData("2024-03-01T08:00:60Z")]
    [InlineData("2024-03-01 08:00:00Z")]
    [InlineData("2024-03-01T08:00:00+01")]
    [InlineData("2024-03-0aT08:00:00Z")]
    [InlineData("2024-03-01T08:00:00.5Z")]
    [InlineData("")]
    public void A_stored_instant_reads_as_nodatime_reads_it(string text)
    {
        var expected = InstantPattern.General.Parse(text) is { Success: true } parsed ? parsed.Value.ToUnixTimeSeconds() : (long?)null;

        Assert.Equal(expected, StoredInstant.Seconds(text));
    }

    [Fact]
    public void Every_second_of_a_leap_day_reads_as_nodatime_reads_it()
    {
        var start = NodaTime.Instant.FromUtc(2024, 2, 29, 0, 0);
        for (var s = 0; s < 86_400; s += 37)
        {
            var text = InstantPattern.General.Format(start.Plus(NodaTime.Duration.FromSeconds(s)));
            Assert.Equal(start.ToUnixTimeSeconds() + s, StoredInstant.Seconds(text));
        }
    }
}
