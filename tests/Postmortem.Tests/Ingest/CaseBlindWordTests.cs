using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// CaseBlindWord (twenty-ninth session: a vectorised search of ASCII text instead of string.IndexOf case-blind, which upper-cases
/// every character under the project's invariant globalisation) answers as <c>string.IndexOf(word, start,
/// StringComparison.OrdinalIgnoreCase)</c> on random text of the words, their halves and upper case, and the characters whose case
/// maps meet ASCII letters ("ı" upper-cases to "I", "ſ" to "S"; the Kelvin sign and "İ" do not lower to ASCII here).
/// </summary>
public sealed class CaseBlindWordTests
{
    private static readonly string[] Words = ["every", "each", "month", "hours", "between", "las ", "esterday", "night", "last evening", "last night", "yesterday", "tomorrow", " before ", " to ", "after", "had ", "until", "k", "is"];

    [Fact]
    public void Answers_as_string_IndexOf_case_blind()
    {
        var random = new Random(2029);
        var pieces = GuardText.Pieces(Words).Concat(["ſ", "ı", "\u212a", "éé", "ÉVERY", "hourſ", "Eıch", "laſt night"]).ToArray();
        var found = 0;
        foreach (var word in Words)
        {
            var search = new CaseBlindWord(word);
            for (var n = 0; n < 20_000; n++)
            {
                var text = GuardText.Text(random, pieces, 12);
                var start = random.Next(0, text.Length + 1);
                var expected = text.IndexOf(word, start, StringComparison.OrdinalIgnoreCase);
                Assert.True(expected == search.IndexOf(text, start), $"'{word}' from {start} in '{text}': {expected}");
                Assert.Equal(text.Contains(word, StringComparison.OrdinalIgnoreCase), search.In(text));
                found += expected >= 0 ? 1 : 0;
            }
        }

        Assert.True(found > 10_000, $"the random texts hold the words often enough to test a match: {found}");
    }

    [Theory]
    [InlineData("Every Saturday", "every", 0)]
    [InlineData("the HOURS of", "hours", 4)]
    [InlineData("Eıch day", "each", -1)]
    [InlineData("ſaturday: no each", "each", 13)]
    [InlineData("betwee", "between", -1)]
    public void Finds_the_first_place(string text, string word, int expected) => Assert.Equal(expected, new CaseBlindWord(word).IndexOf(text));

    [Fact]
    public void Refuses_a_word_outside_ASCII() => Assert.Throws<ArgumentException>(() => new CaseBlindWord("giờ"));
}
