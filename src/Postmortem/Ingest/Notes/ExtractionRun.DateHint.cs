namespace Postmortem.Ingest.Notes;

// The words of HasDateHint looked for by hand in ASCII text. The vectorised search of the 21 words (DateHintWords) found
// candidates at most words of prose that begin with a month's or a weekday's first letters and checked each: some 3,600
// instructions a sentence, about a tenth of the extraction (docs/benchmarks.md, twentieth session). Over ASCII text a table of
// the words' first two characters, in either case, finds the same words; text with any other character is left to the search
// (so that how its case-insensitivity treats "ı" or "ſ" is not restated here).
internal sealed partial class ExtractionRun
{
    // The words and their table, in a class of their own so that DateHintWords (ExtractionRun.cs) is made after them.
    private static class DateHint
    {
        internal static readonly string[] Words =
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", ".19", ".20"];

        // For each pair of ASCII characters (first * 128 + second), whether some word begins with it, either letter in either case.
        internal static readonly bool[] Pairs = PairsOf(Words);
    }

    /// <summary>The same answer as <c>text.ContainsAny(DateHintWords)</c>: whether a month's or weekday's name, ".19" or ".20" is in <paramref name="text"/>, case aside.</summary>
    internal static bool ContainsDateHintWord(ReadOnlySpan<char> text)
    {
        if (!System.Text.Ascii.IsValid(text))
        {
            return text.ContainsAny(DateHintWords);
        }

        for (var i = 0; i + 2 < text.Length; i++)
        {
            if (DateHint.Pairs[(text[i] * 128) + text[i + 1]] && StartsWithDateHintWord(text[i..]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithDateHintWord(ReadOnlySpan<char> text)
    {
        foreach (var word in DateHint.Words)
        {
            if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool[] PairsOf(string[] words)
    {
        var pairs = new bool[128 * 128];
        foreach (var word in words)
        {
            foreach (var first in (char[])[char.ToLowerInvariant(word[0]), char.ToUpperInvariant(word[0])])
            {
                foreach (var second in (char[])[char.ToLowerInvariant(word[1]), char.ToUpperInvariant(word[1])])
                {
                    pairs[(first * 128) + second] = true;
                }
            }
        }

        return pairs;
    }
}
