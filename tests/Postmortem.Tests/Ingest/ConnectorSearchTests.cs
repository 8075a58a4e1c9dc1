using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The search for a connector before a removed time ("went out at") starts a few characters before the text's trailing white space
/// since the twenty-fourth session (docs/benchmarks.md): the same first match as the search of the whole text, on random texts of
/// the connectors in every case, words that end as they do ("bat", "upon"), "@", "~", white space of every kind (no-break, line and
/// paragraph separators, U+0085, U+001F), "ı", "İ", "ſ" and the Kelvin sign.
/// </summary>
public sealed class ConnectorSearchTests
{
    private static readonly string[] Tokens =
    [
        "at", "AT", "around", "ARound", "about", "by", "from", "on", "since", "SINCE", "bat", "upon", "that", "@", "~", "x", "went out", "the deploy",
        " ", "  ", "\t", "\n", "\r", "\u00a0", "\u2028", "\u2029", "\u0085", "\u001f", "\u3000", "\u200b", "ı", "İ", "ſ", "\u212a", "-", ",", ".", "9",
    ];

    [Fact]
    public void The_first_connector_is_the_search_of_the_whole_text_s()
    {
        var random = new Random(2411);
        var found = 0;
        for (var n = 0; n < 40_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 10)).Select(_ => Tokens[random.Next(Tokens.Length)]));
            var whole = First(text, 0);
            found += whole >= 0 ? 1 : 0;
            Assert.True(whole == First(text, NotesExtractor.ConnectorSearchStart(text)), $"'{text}'");
        }

        Assert.True(found > 5_000, $"{found}");
    }

    [Theory]
    [InlineData("Deploy of the checkout service went out at ", 40)]
    [InlineData("the pager fired around\u00a0", 16)]
    [InlineData("the bat ", -1)]
    public void Texts_of_our_own(string text, int at)
    {
        Assert.Equal(at, First(text, NotesExtractor.ConnectorSearchStart(text)));
        Assert.Equal(at, First(text, 0));
    }

    private static int First(string text, int start)
    {
        foreach (var m in NotesExtractor.TrailingConnector().EnumerateMatches(text, start))
        {
            return m.Index;
        }

        return -1;
    }
}
