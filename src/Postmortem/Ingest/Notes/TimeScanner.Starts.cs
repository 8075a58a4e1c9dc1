using System.Buffers;
using System.Text.RegularExpressions;

namespace Postmortem.Ingest.Notes;

// Where a clock or a date can start. The clock and date matchers are large: each entry costs some 2,000 instructions before
// the first character is read (the JIT zeroes a frame of several kilobytes), and a scan of either pattern entered its matcher
// at every digit, and the date's at every letter that may begin a month's or a weekday's name, mostly to fail there. Their
// anchored forms are tried only where the cheap tests below allow a match to start, in order: the first that matches is the
// match the scan finds (docs/benchmarks.md, nineteenth session; NotesFastPathTests compares both with the whole patterns).
public static partial class TimeScanner
{
    // Every ASCII character but the digits: IndexOfAnyExcept finds the next ASCII digit or character outside ASCII.
    private static readonly SearchValues<char> AsciiButDigits = SearchValues.Create(AsciiExcept(char.IsAsciiDigit));

    // Every ASCII character but letters and digits: IndexOfAnyExcept finds the next ASCII letter or digit or character outside ASCII.
    private static readonly SearchValues<char> AsciiButLettersAndDigits = SearchValues.Create(AsciiExcept(char.IsAsciiLetterOrDigit));

    // The first three letters of every month's and weekday's name (Month, WeekdayName, FullWeekdays), lower case.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NameStarts =
        new HashSet<string>(MonthKeys.Concat(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The first match of <see cref="ClockPatternAt"/>'s forms starting at or after <paramref name="at"/>, as a scan of the
    /// unanchored pattern from there finds it; (-1, 0) when none.
    /// </summary>
    internal static (int Index, int Length) NextClock(string text, int at)
    {
        var i = at;
        while (i < text.Length && text.AsSpan(i).IndexOfAnyExcept(AsciiButDigits) is var k and >= 0)
        {
            var start = i + k;
            if (!char.IsDigit(text[start]))
            {
                i = start + 1;
                continue;
            }

            var end = start + 1;
            while (end < text.Length && char.IsDigit(text[end]))
            {
                end++;
            }

            if (ClockMayStartAt(text, start, end))
            {
                if (ShortClockLength(text, start, end) is var length and >= 0)
                {
                    return (start, length); // The common form, read by hand (TimeScanner.ShortClock.cs).
                }

                foreach (var m in ClockPatternAt().EnumerateMatches(text, start))
                {
                    return (m.Index, m.Length);
                }
            }

            // No clock starts inside a run of digits: the lookbehind (ClockStart) needs no word character before it.
            i = end;
        }

        return (-1, 0);
    }

    /// <summary>
    /// False only where no form of <see cref="ClockForms"/> can start at <paramref name="start"/>, the first of the digits up to
    /// <paramref name="end"/>: after a word character, ":", "." or "/" (but "T" after a digit), or with anything after the digits
    /// that no form takes there. Characters outside ASCII are left to the pattern.
    /// </summary>
    internal static bool ClockMayStartAt(string text, int start, int end)
    {
        if (start > 0 && text[start - 1] is var before && (char.IsAsciiLetterOrDigit(before) || before is '_' or ':' or '.' or '/')
            && !(before == 'T' && start >= 2 && char.IsDigit(text[start - 2])))
        {
            return false;
        }

        if (end >= text.Length)
        {
            return false; // Every form has a mark, a letter or a zone after its digits.
        }

        var next = text[end];
        return next > '\x7f' || (end - start) switch
        {
            // "14:05", "6.51 pm", "10.40 IST", "10h50", "08H40", "11h LT", "10am", "10 PM". A capital H only after two digits: "2H24" is
            // the second half of 2024 (review29 F5).
            1 or 2 => next is ':' or '.' or 'h' or 'a' or 'A' or 'p' or 'P' || (next == 'H' && end - start == 2)
                || (char.IsWhiteSpace(next) && end + 1 < text.Length && text[end + 1] is 'a' or 'A' or 'p' or 'P' or > '\x7f'),

            // "1315hrs", "1430Z", "0520 UTC", "0645, Thur morning".
            4 => next is 'h' or 'U' or 'G' or 'Z' or ',' || (char.IsWhiteSpace(next) && ZoneOrWeekdayMayFollow(text, end)),
            _ => false,
        };
    }

    /// <summary>The first match of <see cref="DateAlone"/> in <paramref name="text"/>, null when none.</summary>
    internal static Match? FirstDate(string text)
    {
        var i = 0;
        while (i < text.Length && text.AsSpan(i).IndexOfAnyExcept(AsciiButLettersAndDigits) is var k and >= 0)
        {
            var start = i + k;
            if (DateMayStartAt(text, start) && DatePatternAt().Match(text, start) is { Success: true } m)
            {
                return m;
            }

            // No date starts inside a word of ASCII letters and digits: the lookbehind needs no word character before it. After
            // a character outside ASCII the next one is tried (that character may not be a word's).
            i = start + 1;
            while (char.IsAsciiLetterOrDigit(text[start]) && i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
            }
        }

        return null;
    }

    /// <summary>
    /// False only where no form of <see cref="Date"/> can start at <paramref name="start"/>: after a word character or "/", at
    /// ASCII letters that begin no month's or weekday's name, or at digits that no form's mark follows. Characters outside ASCII
    /// are left to the pattern (its <c>\d</c> and case-insensitive names may match some).
    /// </summary>
    internal static bool DateMayStartAt(string text, int start)
    {
        if (start > 0 && text[start - 1] is var before && (char.IsAsciiLetterOrDigit(before) || before is '_' or '/'))
        {
            return false;
        }

        var first = text[start];
        if (first > '\x7f')
        {
            return true;
        }

        if (char.IsAsciiLetter(first))
        {
            if (start + 3 > text.Length)
            {
                return false; // Every name has three letters or more.
            }

            var name = text.AsSpan(start, 3);
            return !System.Text.Ascii.IsValid(name) || ContainsLowered(NameStarts, name);
        }

        if (!char.IsAsciiDigit(first))
        {
            return false;
        }

        var end = start + 1;
        while (end < text.Length && char.IsDigit(text[end]))
        {
            end++;
        }

        if (end >= text.Length)
        {
            return false; // Every form has a mark or a name after its first digits.
        }

        var next = text[end];
        return next > '\x7f' || (end - start) switch
        {
            // "2023-11-24", "2023/11/24", "2022.03.28", "2021-Dec-15", "2023 November 24".
            4 => next is '-' or '/' or '.' || char.IsWhiteSpace(next),

            // "24.05.2019", "15-Dec-2021", "24th", "3 March", "17. August", "3/4".
            1 or 2 => next is '.' or '-' or '/' or 's' or 'n' or 'r' or 't' || char.IsWhiteSpace(next),
            _ => false,
        };
    }

    private static char[] AsciiExcept(Func<char, bool> kept) => Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !kept(c)).ToArray();
}
