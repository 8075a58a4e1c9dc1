using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The cheap test before the two meridiem patterns that <c>ExtractionRun.NoteMeridiem</c> runs for every event (twenty-fifth
/// session, docs/benchmarks.md): a text it turns away matches neither pattern, on random written times and words.
/// </summary>
public sealed class NoteMeridiemGuardTests
{
    private static readonly string[] Tokens =
    [
        "4", "11", ":", "42", ".", " ", "p", "P", "a", "A", "m", "M", "n", "N", "pm", "PM", "a.m.", "p. m", "noon", "NOON", "midnight",
        "o", "EDT", "UTC", "h", "ish", "~", "(", ")", "K", "\u212A", "ı", "İ", "\u00A0", "-", "–",
    ];

    [Fact]
    public void A_text_turned_away_matches_neither_pattern()
    {
        var random = new Random(25);
        var turnedAway = 0;
        for (var n = 0; n < 50_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => Tokens[random.Next(Tokens.Length)]));
            if (ExtractionRun.MayWriteMeridiem(text))
            {
                continue;
            }

            turnedAway++;
            Assert.False(NotesExtractor.Meridiem().IsMatch(text), text);
            Assert.False(ExtractionRun.WritesPm(text), text);
        }

        Assert.True(turnedAway > 1_000, $"only {turnedAway} texts turned away");
    }

    [Theory]
    [InlineData("4:11 PM")]
    [InlineData("11:42pm")]
    [InlineData("noon")]
    [InlineData("9 a.m.")]
    public void A_written_meridiem_is_let_through(string text)
    {
        Assert.True(ExtractionRun.MayWriteMeridiem(text));
        Assert.Matches(NotesExtractor.Meridiem(), text);
    }
}
