using System.Text.RegularExpressions;
using Postmortem.Analysis;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Since the thirtieth session (docs/benchmarks.md) the two largest built-in patterns, written all in lower case, run
/// case-sensitively on the text folded to lower case: the same matches at the same places as the case-blind expressions.
/// </summary>
public sealed class KindPatternFoldTests
{
    [Fact]
    public void A_character_folds_to_a_letter_exactly_when_the_case_blind_engine_takes_it_for_that_letter()
    {
        var letters = Enumerable.Range('a', 26).Select(c => (Letter: (char)c, Regex: new Regex($"^{(char)c}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))).ToList();
        var word = new Regex(@"^\w$");
        for (var c = char.MinValue; ; c++)
        {
            var text = c.ToString();
            var folded = KindPatterns.FoldChar(c);
            foreach (var (letter, regex) in letters)
            {
                Assert.True(regex.IsMatch(text) == (folded == letter), $"U+{(int)c:X4} against '{letter}': engine {regex.IsMatch(text)}, fold U+{(int)folded:X4}");
            }

            Assert.True(folded == c || folded is >= 'a' and <= 'z', $"U+{(int)c:X4} folds to U+{(int)folded:X4}");
            Assert.Equal(word.IsMatch(text), word.IsMatch(folded.ToString()));
            Assert.Equal(char.IsWhiteSpace(c), char.IsWhiteSpace(folded));
            if (c == char.MaxValue)
            {
                break;
            }
        }
    }

    [Fact]
    public void The_folded_expressions_match_as_the_case_blind_ones_on_every_corpus_line_and_on_mixed_case()
    {
        var folded = KindLexicon.BuiltIn.Where(e => e.Form == LexiconForm.Pattern && KindPatterns.Folded(e.Pattern) is not null).Select(e => e.Pattern).ToList();
        Assert.Equal(2, folded.Count);
        var texts = Directory.GetFiles(Repo.PathOf("tests", "Postmortem.Tests", "Corpus"), "*.yml", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines).Where(l => l.Length > 3).Distinct().ToList();
        texts.AddRange(texts.Take(2000).Select(t => t.ToUpperInvariant()).ToList());
        texts.Add("We ROLLED BACK the deploy; Errors Dropped and the \u212Ailler ſhut down SESSIONS were restarted");
        foreach (var pattern in folded)
        {
            var blind = KindPatterns.Of(pattern)!;
            var sensitive = KindPatterns.Folded(pattern)!;
            Assert.Equal(pattern.ToLowerInvariant(), pattern);
            foreach (var text in texts)
            {
                Assert.Equal(blind.Matches(text).Select(m => (m.Index, m.Length)), sensitive.Matches(KindPatterns.Fold(text)).Select(m => (m.Index, m.Length)));
            }
        }
    }

    [Fact]
    public void Folding_keeps_the_length_and_every_other_character()
    {
        Assert.Equal("rolled back at 07:14 et — ok’d", KindPatterns.Fold("Rolled BACK at 07:14 ET — OK’d"));
        var same = "already lower-case, 12:00";
        Assert.Same(same, KindPatterns.Fold(same));
        Assert.Equal("k \u017F İ ı é", KindPatterns.Fold("\u212A \u017F İ ı é"));
    }
}
