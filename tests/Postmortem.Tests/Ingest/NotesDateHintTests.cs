using System.Buffers;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>The date hint's words in three searches (docs/benchmarks.md, twentieth session) are found as the one search of them all found them.</summary>
public sealed class NotesDateHintTests
{
    // The one search the three stand in for.
    private static readonly SearchValues<string> AllWords = SearchValues.Create(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", ".19", ".20"],
        StringComparison.OrdinalIgnoreCase);

    private static bool OneSearch(string text) => text.Contains('/', StringComparison.Ordinal) || text.AsSpan().ContainsAny(AllWords);

    [Theory]
    [InlineData("Decision made to roll back")]
    [InlineData("the MONDAY standup")]
    [InlineData("on Tues we paged")]
    [InlineData("version 1.19 went out")]
    [InlineData("frıday, ſep, Kelvin")]
    [InlineData("3/4")]
    [InlineData("")]
    public void A_date_hint_is_found_as_the_one_search_finds_it(string text) =>
        Assert.Equal(OneSearch(text), ExtractionRun.HasDateHint(text));

    [Fact]
    public void The_three_searches_hold_the_words_of_the_one()
    {
        var words = ExtractionRun.DateHintWordSets.SelectMany(w => w).ToList();
        Assert.Equal(21, words.Distinct(StringComparer.Ordinal).Count());
        Assert.All(words, w => Assert.True(w.AsSpan().ContainsAny(AllWords)));
        Assert.All(ExtractionRun.DateHintWordSets, set => Assert.True(set.Length <= 8));
    }

    [Fact]
    public void Random_text_has_a_date_hint_as_the_one_search_finds_it()
    {
        string[] tokens =
        [
            "ja", "n", "JAN", "Fe", "b", "mA", "r", "ap", "R", "ma", "y", "ju", "l", "AU", "g", "se", "P", "oc", "t", "no", "v", "de", "c",
            "mon", "day", "Tues", "wed", "nes", "thurs", "fri", "sat", "ur", "sun", "DAY", ".", "1", "9", "2", "0", " ", "x", "ı", "ſ", "K",
            "/", "é", "-", "Deploy", "Decision", "Status", "monitoring", "Senior", "\t",
        ];
        var random = new Random(43);
        for (var n = 0; n < 40_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => tokens[random.Next(tokens.Length)]));
            Assert.Equal(OneSearch(text), ExtractionRun.HasDateHint(text));
        }
    }
}
