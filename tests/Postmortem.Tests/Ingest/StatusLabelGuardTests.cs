using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// A short line is tried against the status-label patterns only when it may hold one of their labels (twenty-fourth session,
/// docs/benchmarks.md): on random lines of the labels in every case, their halves, brackets, bullets, clocks and dates, "ı", "İ",
/// "ſ" and the Kelvin sign, no line either pattern matches is refused.
/// </summary>
public sealed class StatusLabelGuardTests
{
    [Fact]
    public void No_line_a_status_pattern_matches_is_refused()
    {
        var tokens = GuardText.Pieces("Investigating", "Identified", "Monitoring", "Resolved", "Update", "Postmortem", "Verifying", "Recovering", "Completed")
            .Concat(["**", "[", "]", "(", ")", "11/02/2022 09:47", "Oct 13, 2021, 02:40 PM UTC", "18:01 UTC", "- ", "1. ", "• ", " — ", ": ", "monİtoring", "ıdentified"])
            .ToArray();
        var random = new Random(2410);
        var matched = 0;
        for (var n = 0; n < 40_000; n++)
        {
            var line = GuardText.Text(random, tokens, 8);
            if (NotesExtractor.StatusStamp().IsMatch(line) || NotesExtractor.StatusThenStamp().IsMatch(line))
            {
                matched++;
                Assert.True(ExtractionRun.MayHoldStatusLabel(line), $"'{line}'");
            }
        }

        Assert.True(matched > 200, $"{matched}");
    }

    [Theory]
    [InlineData("Identified [11/02/2022 09:47]", true)]
    [InlineData("- investigating May 11, 2021, 02:35 AM UTC", true)]
    [InlineData("- 14:05 the deploy went out", false)]
    public void Lines_of_our_own(string line, bool may) => Assert.Equal(may, ExtractionRun.MayHoldStatusLabel(line));
}
