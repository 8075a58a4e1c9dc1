using NodaTime;
using NodaTime.Text;
using Postmortem.Ingest.Yaml;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// Since the thirtieth session (docs/benchmarks.md) an incident file's yyyy-MM-dd date is read by hand: the date NodaTime's ISO
/// pattern reads, and for anything else no date, so that the pattern gives its value or its error as before.
/// </summary>
public sealed class IsoDateTests
{
    [Theory]
    [InlineData("2023-11-24")]
    [InlineData("2024-02-29")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1900-02-28")]
    public void A_valid_date_is_the_one_the_pattern_reads(string text)
    {
        Assert.Equal(LocalDatePattern.Iso.Parse(text).Value, YamlNodeReader.IsoDate(text));
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("1900-02-29")]
    [InlineData("2023-13-01")]
    [InlineData("2023-00-10")]
    [InlineData("2023-04-31")]
    [InlineData("2023-04-00")]
    [InlineData("0000-01-01")]
    [InlineData("-2023-11-24")]
    [InlineData("2023-1-24")]
    [InlineData("2023/11/24")]
    [InlineData("２０２３-11-24")]
    [InlineData("2023-11-24T")]
    [InlineData("")]
    public void Anything_else_is_left_to_the_pattern(string text)
    {
        Assert.Null(YamlNodeReader.IsoDate(text));
    }

    [Fact]
    public void Every_day_of_four_centuries_reads_as_the_pattern_reads()
    {
        for (var d = new LocalDate(1800, 1, 1); d < new LocalDate(2200, 1, 1); d = d.PlusDays(1))
        {
            var text = LocalDatePattern.Iso.Format(d);
            Assert.Equal(d, YamlNodeReader.IsoDate(text));
        }
    }
}
