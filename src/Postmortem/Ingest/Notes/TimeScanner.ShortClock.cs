namespace Postmortem.Ingest.Notes;

// The common clock read by hand: "14:05", "9:30", "14:05:59", with at most a dash to another such clock and a plain zone
// abbreviation after it ("14:05–14:10 UTC", "at 14:07 ET."). Every entry into the clock matcher (ClockPatternAt) costs some
// 2,000 instructions before it reads a character, and most clocks in notes are this form; the hand reading answers only when it
// can show that the pattern finds exactly the same text there, and leaves everything else to the matcher (docs/benchmarks.md,
// twentieth session; NotesShortClockTests compares the two).
public static partial class TimeScanner
{
    // The zone abbreviations of ZoneAbbreviationsWritten that are letters alone ("UTC", "ET", "CEST"; not "UTC[+-]…").
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PlainZones =
        new HashSet<string>(ZoneAbbreviationsWritten.Split('|').Where(z => z.All(char.IsAsciiLetter)), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    // The words (lower case) that may begin some other part of the clock's suffix after its digits: a range ("to", "until",
    // "Uhr bis"), "-ish", and the zones that are not plain abbreviations (region times, IANA ids, "LT", "local time").
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SuffixWords =
        new HashSet<string>(
            ["to", "until", "till", "through", "bis", "uhr", "ish", "lt", "local", "uk", "nz", "new", "eastern", "central", "mountain",
             "pacific", "us", "america", "europe", "asia", "australia", "africa", "atlantic"],
            StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The length of <see cref="ClockPatternAt"/>'s match at <paramref name="start"/> (the first of the digits up to
    /// <paramref name="end"/>, where <see cref="ClockMayStartAt"/> allowed a clock) when the text there is an ASCII clock of the
    /// form "H:MM" or "HH:MM[:SS]" that the reading below can follow to its end; -1 when it cannot, and the matcher must run.
    /// </summary>
    internal static int ShortClockLength(string text, int start, int end)
    {
        if ((start > 0 && text[start - 1] > '\x7f') || end - start > 2 || !char.IsAsciiDigit(text[start]) || !char.IsAsciiDigit(text[end - 1]))
        {
            return -1; // The lookbehind outside ASCII, and the other forms, are the pattern's.
        }

        var p = ShortClockEnd(text, end);
        if (p < 0)
        {
            return -1;
        }

        // "14:05–14:10", "14:05 - 14:10", "14:54〜15:14": the range to a second clock of the same form.
        var q = SkipSpaces(text, p);
        if (q < text.Length && (text[q] is '-' or '–' or '—' or '〜' or '～' || (text[q] == '~' && q == p)))
        {
            var second = SkipSpaces(text, q + 1);
            var digits = second;
            while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            {
                digits++;
            }

            p = digits - second is 1 or 2 ? ShortClockEnd(text, digits) : -1;
            if (p < 0)
            {
                return -1;
            }
        }

        p = AfterShortClock(text, p);
        return p < 0 ? -1 : p - start;
    }

    // The end of ":MM" or ":MM:SS" at colon, when nothing after it can extend the match or fail the pattern's lookahead
    // (a digit, ":", a fraction of a second); -1 otherwise.
    private static int ShortClockEnd(string text, int colon)
    {
        if (colon + 2 >= text.Length || text[colon] != ':' || !char.IsAsciiDigit(text[colon + 1]) || !char.IsAsciiDigit(text[colon + 2]))
        {
            return -1;
        }

        var p = colon + 3;
        if (p + 2 < text.Length && text[p] == ':' && char.IsAsciiDigit(text[p + 1]) && char.IsAsciiDigit(text[p + 2]))
        {
            p += 3;
            if (p < text.Length && text[p] is '.' or ',')
            {
                return -1;
            }
        }

        return p < text.Length && (text[p] == ':' || char.IsDigit(text[p])) ? -1 : p;
    }

    // The end of the match after the clock's digits at p: p itself, or past a plain zone abbreviation (and a closing bracket);
    // -1 when a meridiem, a range, "-ish" or another zone may be read there, or anything outside ASCII follows.
    private static int AfterShortClock(string text, int p)
    {
        var q = SkipSpaces(text, p);
        if (q == text.Length)
        {
            return p;
        }

        var c = text[q];
        if (c > '\x7f' || q - p > 1 || c is '-' or '+' or '(')
        {
            return -1;
        }

        if (!char.IsAsciiLetter(c))
        {
            return p;
        }

        var after = q + 1;
        while (after < text.Length && char.IsAsciiLetter(text[after]))
        {
            after++;
        }

        // A meridiem is "a" or "p", a dot or none, then "m" ("pm", "p.m."; "PST", "and" are none).
        var word = text.AsSpan(q, after - q);
        var meridiem = c is 'a' or 'A' or 'p' or 'P' && (word.Length > 1 ? word[1] is 'm' or 'M' : after < text.Length && text[after] == '.');
        if (meridiem || (after < text.Length && text[after] > '\x7f') || ContainsLowered(SuffixWords, word))
        {
            return -1;
        }

        if (!PlainZones.Contains(word))
        {
            return p;
        }

        if (word is "UTC" or "GMT" && after < text.Length && text[after] is '+' or '-')
        {
            return -1; // "UTC+2": the offset is read with it.
        }

        return after < text.Length && text[after] == ')' ? after + 1 : after;
    }

    /// <summary>
    /// False only where the white space after four digits at <paramref name="end"/> leads to neither "UTC", "GMT" nor "Z"
    /// ("0520 UTC") nor a weekday's name ("0645 Thur morning"), the only forms of four digits with white space after them
    /// (a year before a month's name, "2023 November 4 14:05", is not a clock). Characters outside ASCII are left to the pattern.
    /// </summary>
    private static bool ZoneOrWeekdayMayFollow(string text, int end)
    {
        var i = end;
        while (i < text.Length && char.IsWhiteSpace(text[i]) && text[i] <= '\x7f')
        {
            i++;
        }

        return i < text.Length && (text[i] > '\x7f' || text[i] is 'U' or 'G' or 'Z' || char.ToLowerInvariant(text[i]) is 'm' or 't' or 'w' or 'f' or 's');
    }

    // Past the white space the pattern's \s reads in ASCII.
    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
        {
            i++;
        }

        return i;
    }
}
