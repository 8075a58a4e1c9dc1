using System.Reflection;
using System.Text.RegularExpressions;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The afternoon windows' line filter tries its meridiem pattern on an ASCII line only when a hand test finds a place it can match
/// (twenty-fourth session, docs/benchmarks.md): on random ASCII lines of clocks, meridiems in every case with and without dots and
/// spaces, "APM", "noon" and "midnight" and their pieces, no line the pattern matches is refused.
/// </summary>
public sealed class MeridiemGuardTests
{
    private static readonly Regex MeridiemWithin = (Regex)typeof(NotesExtractor).Assembly.GetType("Postmortem.Ingest.Notes.ExtractionRun")!
        .GetMethod("MeridiemWithin", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, null)!;

    private static readonly string[] Tokens =
    [
        "4", "12", "4:23", "5:03", "9", "0", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\u001f", "a", "A", "p", "P", "m", "M", ".", "am", "pm", "AM", "PM",
        "a.m.", "P.M", "p.", "APM", "npm", "traces", "noon", "NOON", "no", "on", "midnight", "MidNight", "mid", "night", "x", "-", "(", ")",
    ];

    [Fact]
    public void No_ASCII_line_the_pattern_matches_is_refused()
    {
        var random = new Random(2409);
        var matched = 0;
        for (var n = 0; n < 40_000; n++)
        {
            var line = string.Concat(Enumerable.Range(0, random.Next(0, 10)).Select(_ => Tokens[random.Next(Tokens.Length)]));
            if (MeridiemWithin.IsMatch(line))
            {
                matched++;
                Assert.True(ExtractionRun.MayHoldMeridiem(line), $"'{line}'");
            }
        }

        Assert.True(matched > 1_000);
    }

    [Theory]
    [InlineData("- 14:05 Redis connection pool exhaustion identified in APM traces", false)]
    [InlineData("Between 4:23 PM and 5:03 p.m. the queue backed up", true)]
    [InlineData("the deploy went out at 4pm", true)]
    [InlineData("around noon", true)]
    public void Lines_of_our_own(string line, bool may)
    {
        Assert.Equal(may, ExtractionRun.MayHoldMeridiem(line));
        Assert.Equal(MeridiemWithin.IsMatch(line), may);
    }
}
