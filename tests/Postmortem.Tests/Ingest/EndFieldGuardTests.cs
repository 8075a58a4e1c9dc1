using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The cheap test before the end-field label pattern that <c>ExtractionRun.Add</c> runs for every event (twenty-sixth session,
/// docs/benchmarks.md): a line whose text before its first colon holds a digit is turned away, and the answer is the pattern's
/// on random lines.
/// </summary>
public sealed class EndFieldGuardTests
{
    private static readonly string[] Tokens =
    [
        "Actual", "Clear", "clear", "Time", "time", "End", "ended", "Resolved", "restored", "Service", "Incident", "at", "on", ":", " ",
        "  ", "-", "*", "•", ">", "|", "\t", "02", "09", "22:10", "2024-08-28", "alerts fire", "x", "\u00A0", "Outage", "closed",
    ];

    [Fact]
    public void The_guarded_test_answers_as_the_pattern_does()
    {
        var random = new Random(26);
        var matched = 0;
        for (var n = 0; n < 60_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 9)).Select(_ => Tokens[random.Next(Tokens.Length)]));
            var want = ExtractionRun.EndFieldLabel().IsMatch(text);
            Assert.Equal(want, ExtractionRun.EndField(text));
            matched += want ? 1 : 0;
        }

        Assert.True(matched > 200, $"only {matched} random lines were end fields");
    }

    [Theory]
    [InlineData("Actual Clear Time: 22:10", true)]
    [InlineData("- End time: 11:40", true)]
    [InlineData("02:09 Resolved: alerts fire", false)]
    [InlineData("At 13:39 the service was restored: all good", false)]
    public void Lines(string line, bool endField) => Assert.Equal(endField, ExtractionRun.EndField(line));
}
