using System.Buffers;
using System.Text;

namespace Postmortem.Ingest.Notes;

/// <summary>
/// An ASCII word looked for case-blind, with the answers of <c>text.IndexOf(word, StringComparison.OrdinalIgnoreCase)</c>. The
/// project runs with invariant globalisation (<c>InvariantGlobalization</c> in Directory.Build.props and the CLI), and there .NET's
/// case-blind <c>IndexOf</c> and <c>Contains</c> of a string skip their vectorised search for a loop that upper-cases every
/// character of the text: ≈ 190 M instructions of an extraction's 830 M a MB (docs/benchmarks.md, twenty-ninth session). Here the
/// text is searched by a <see cref="SearchValues{T}"/> of the one word unless it holds one of the four characters whose upper or
/// lower case is an ASCII letter ("ı" and "İ", "ſ", the Kelvin sign; checked first, vectorised): every other character outside
/// ASCII is unequal to each letter of an ASCII word under any case-blind comparison, and ASCII against ASCII compares alike. A text
/// with one of the four goes to the same <c>IndexOf</c> as before.
/// </summary>
internal sealed class CaseBlindWord
{
    // The characters outside ASCII whose simple upper or lower case is an ASCII letter: "ı" (I), "İ" (i), "ſ" (S), the Kelvin sign (k).
    private static readonly SearchValues<char> CaseMapsToAscii = SearchValues.Create("\u0131\u0130\u017f\u212a");

    private readonly SearchValues<string> search;

    public CaseBlindWord(string word)
    {
        if (word.Length == 0 || !Ascii.IsValid(word))
        {
            throw new ArgumentException("A case-blind word here is ASCII and not empty", nameof(word));
        }

        Word = word;
        search = SearchValues.Create([word], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The word, as given.</summary>
    public string Word { get; }

    /// <summary>The word's length.</summary>
    public int Length => Word.Length;

    /// <summary>
    /// Where the word first begins in <paramref name="text"/> at or after <paramref name="start"/>, case-blind, or -1: as
    /// <c>text.IndexOf(Word, start, StringComparison.OrdinalIgnoreCase)</c>.
    /// </summary>
    public int IndexOf(ReadOnlySpan<char> text, int start = 0)
    {
        var rest = text[start..];
        var at = !rest.ContainsAny(CaseMapsToAscii) ? rest.IndexOfAny(search) : rest.IndexOf(Word, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? -1 : start + at;
    }

    /// <summary>The text holds the word, case-blind: as <c>text.Contains(Word, StringComparison.OrdinalIgnoreCase)</c>.</summary>
    public bool In(ReadOnlySpan<char> text) => IndexOf(text) >= 0;
}
