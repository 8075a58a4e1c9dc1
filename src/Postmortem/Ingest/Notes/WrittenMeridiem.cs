using System.Text;

namespace Postmortem.Ingest.Notes;

/// <summary>
/// Whether a clock's written text says am/pm, read by hand for ASCII text: the answers of <see cref="NotesExtractor.Meridiem"/>
/// (<c>(?i)\d\s?[ap]\.?m\b|noon|midnight</c>) and of the "pm" pattern (<c>\d\s?(?i:p\.?\s?m)(?![a-z])</c>), which ran on the text
/// of nearly every event (≈ 1,000–5,000 instructions a call through <c>Regex.IsMatch</c>; docs/benchmarks.md, twenty-sixth
/// session). Text with any character outside ASCII goes to the patterns, whose <c>\d</c>, <c>\s</c> and <c>\b</c> read Unicode.
/// <c>WrittenMeridiemTests</c> compares both with the patterns on random texts.
/// </summary>
internal static class WrittenMeridiem
{
    /// <summary><see cref="NotesExtractor.Meridiem"/>'s <c>IsMatch</c>.</summary>
    internal static bool Says(string text) => Ascii.IsValid(text) ? SaysAscii(text) : NotesExtractor.Meridiem().IsMatch(text);

    /// <summary>The "pm" pattern's <c>IsMatch</c> (<see cref="ExtractionRun.WritesPm"/>).</summary>
    internal static bool SaysPm(string text) => Ascii.IsValid(text) ? SaysPmAscii(text) : ExtractionRun.WritesPm(text);

    // \d\s?[ap]\.?m\b (case-blind), "noon" or "midnight" anywhere. Each optional part is one character of a class the next part
    // does not hold, so the pattern reads each start one way only.
    private static bool SaysAscii(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                var j = SkipSpace(text, i + 1);
                if (j < text.Length && (text[j] | 0x20) is 'a' or 'p')
                {
                    j = j + 1 < text.Length && text[j + 1] == '.' ? j + 2 : j + 1;
                    if (j < text.Length && (text[j] | 0x20) == 'm' && (j + 1 == text.Length || !IsWordChar(text[j + 1])))
                    {
                        return true;
                    }
                }
            }
            else if ((c | 0x20) == 'n' && text[i..].StartsWith("noon", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            else if ((c | 0x20) == 'm' && text[i..].StartsWith("midnight", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // \d\s?(?i:p\.?\s?m)(?![a-z]): the lookahead is outside the case-blind group, so a capital letter may follow ("4pmEDT").
    private static bool SaysPmAscii(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                continue;
            }

            var j = SkipSpace(text, i + 1);
            if (j >= text.Length || (text[j] | 0x20) != 'p')
            {
                continue;
            }

            j = SkipSpace(text, j + 1 < text.Length && text[j + 1] == '.' ? j + 2 : j + 1);
            if (j < text.Length && (text[j] | 0x20) == 'm' && (j + 1 == text.Length || !char.IsAsciiLetterLower(text[j + 1])))
            {
                return true;
            }
        }

        return false;
    }

    // One optional \s: ASCII's white space is the tab to the carriage return and the space.
    private static int SkipSpace(ReadOnlySpan<char> text, int j) => j < text.Length && text[j] is ' ' or (>= '\t' and <= '\r') ? j + 1 : j;

    // \w in ASCII: letters, digits and the underscore.
    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
