using System.Buffers;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>The date hint's words looked for by hand (docs/benchmarks.md, twentieth session) are found as the vectorised search finds them.</summary>
public sealed class NotesDateHintTests
{
    // The search the hand reading stands in for (ExtractionRun.DateHintWords).
    private static readonly SearchValues<string> Words = SearchValues.Create(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", ".19", ".20"],
        StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData("Decision made to roll back", true)]
    [InlineData("the MONDAY standup", true)]
    [InlineData("on Tues we paged", false)]
    [InlineData("version 1.19 went out", true)]
    [InlineData("jA", false)]
    [InlineData("frıday", false)] // Outside ASCII (a dotless i): left to the search, which does not read it as "i".
    [InlineData("ſep", false)] // A long s, the same.
    [InlineData("\u000e19 and \u000e20", false)]
    [InlineData("", false)]
    public void A_date_hint_word_is_found_as_the_search_finds_it(string text, bool expected)
    {
        Assert.Equal(expected, text.AsSpan().ContainsAny(Words));
        Assert.Equal(expected, ExtractionRun.ContainsDateHintWord(text));
    }

    [Fact]
    public void Random_text_has_a_date_hint_word_as_the_search_finds_it()
    {
        string[] tokens =
        [
            "ja", "n", "JAN", "Fe", "b", "mA", "r", "ap", "R", "ma", "y", "ju", "l", "AU", "g", "se", "P", "oc", "t", "no", "v", "de", "c",
            "mon", "day", "Tues", "wed", "nes", "thurs", "fri", "sat", "ur", "sun", "DAY", ".", "1", "9", "2", "0", " ", "x", "ı", "ſ", "K",
            "\u000e", "é", "-", "Deploy", "Decision", "Status", "monitoring", "Senior", "\t",
        ];
        var random = new Random(43);
        for (var n = 0; n < 40_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => tokens[random.Next(tokens.Length)]));
            Assert.Equal(text.AsSpan().ContainsAny(Words), ExtractionRun.ContainsDateHintWord(text));
        }
    }
}
