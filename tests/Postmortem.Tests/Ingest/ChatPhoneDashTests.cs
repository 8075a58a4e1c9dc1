using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// A phone export's line is looked for by one search for either dash with a space on each side (twenty-third session,
/// docs/benchmarks.md): it must answer as the two searches it replaced, on random text of dashes, spaces and stamps.
/// </summary>
public sealed class ChatPhoneDashTests
{
    [Fact]
    public void The_spaced_dash_is_found_as_the_two_searches_found_it()
    {
        var tokens = GuardText.Pieces(" - ", " – ", "-", "–", " ", "3/5/24, 9:14 PM - Dana: hi");
        var random = new Random(231);
        for (var n = 0; n < 30_000; n++)
        {
            var text = GuardText.Text(random, tokens);
            var two = text.Contains(" - ", StringComparison.Ordinal) || text.Contains(" – ", StringComparison.Ordinal);
            Assert.True(two == ChatLines.HasSpacedDash(text), $"'{text}'");
        }
    }
}
