using System.Buffers;
using System.Text;

namespace Postmortem.Ingest.Notes;

/// <summary>
/// Words looked for in text case-blind (<see cref="StringComparison.OrdinalIgnoreCase"/>), answering as one
/// <see cref="SearchValues{T}"/> of them all would, in searches that stay cheap: the vectorised search of ASCII words (Teddy) reads
/// only two characters ahead when a word has two, and checks most words of prose one by one; a word with a letter outside ASCII
/// leaves every word to a slower search (Aho-Corasick). So: the ASCII words of three characters or more in one search, shorter ones
/// each in a search of its own, and the words outside ASCII only in text that holds a character outside ASCII (no ASCII character
/// is the same as theirs, case-blind). docs/benchmarks.md, twenty-first session.
/// </summary>
internal sealed class WordSearch
{
    private readonly SearchValues<string>[] sets;
    private readonly SearchValues<string>[] shortWords;
    private readonly SearchValues<string>? foreign;

    public WordSearch(params string[] words)
    {
        var ascii = words.Where(w => w.Length >= 3 && Ascii.IsValid(w)).ToArray();
        sets = ascii.Length > 0 ? [SearchValues.Create(ascii, StringComparison.OrdinalIgnoreCase)] : [];
        shortWords = words.Where(w => w.Length < 3 && Ascii.IsValid(w)).Select(w => SearchValues.Create([w], StringComparison.OrdinalIgnoreCase)).ToArray();
        var others = words.Where(w => !Ascii.IsValid(w)).ToArray();
        if (others.Any(w => w.Any(c => !char.IsAscii(c) && char.IsAscii(char.ToUpperInvariant(c)))))
        {
            throw new ArgumentException("A word's letter outside ASCII is an ASCII letter case-blind (ı, ſ): search it with the ASCII words", nameof(words));
        }

        foreign = others.Length > 0 ? SearchValues.Create(others, StringComparison.OrdinalIgnoreCase) : null;
        Words = words;
    }

    /// <summary>The words, as given.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The text holds one of the words, case-blind.</summary>
    public bool In(ReadOnlySpan<char> text)
    {
        foreach (var set in sets)
        {
            if (text.ContainsAny(set))
            {
                return true;
            }
        }

        foreach (var word in shortWords)
        {
            if (text.ContainsAny(word))
            {
                return true;
            }
        }

        return foreign is not null && !Ascii.IsValid(text) && text.ContainsAny(foreign);
    }
}
