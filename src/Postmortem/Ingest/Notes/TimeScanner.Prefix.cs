using System.Text.RegularExpressions;

namespace Postmortem.Ingest.Notes;

// What stands before a clock: cheap tests that a date or "around" may be there, and the right-to-left read of it.
public static partial class TimeScanner
{
    // A date ends in a digit, a month name, "at" or "T"; "around" and "~" end in a letter or "~". Anything else
    // before the clock (a bullet, a bracket, the start of the line) means there is no prefix to read.
    private static bool IsOrdinalSuffix(char a, char b) =>
        (char.ToLowerInvariant(a), char.ToLowerInvariant(b)) is ('s', 't') or ('n', 'd') or ('r', 'd') or ('t', 'h');

    private static bool MayHavePrefix(string text, int clockIndex)
    {
        var i = clockIndex - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        if (i < 0)
        {
            return false;
        }

        if (text[i] is '@' or '-' or ',')
        {
            i--;
            while (i >= 0 && char.IsWhiteSpace(text[i]))
            {
                i--;
            }

            // "Jan 30, 19:46" or an ordinal day: "Monday, January 30th, 19:46 UTC"; a month's or a weekday's name ending the date:
            // "Monday 14 Apr, 10pm - 1 am", "Tues, 5:00pm" (session 35).
            return i >= 0 && (char.IsAsciiDigit(text[i]) || (i >= 2 && char.IsAsciiDigit(text[i - 2]) && IsOrdinalSuffix(text[i - 1], text[i]))
                || (char.IsAsciiLetter(text[i]) && WordStart(text, i + 1) is var w and >= 0 && EndsDateByName(text.AsSpan(w, i + 1 - w))));
        }

        if (char.IsAsciiLetter(text[i]))
        {
            return MayEndPrefix(text, i + 1);
        }

        // "August 9th (Tuesday) 1:30am": a bracketed word (a weekday) closes right before the clock.
        return char.IsAsciiDigit(text[i]) || text[i] is '~' or '.'
            || (text[i] == ')' && i >= 4 && char.IsAsciiLetter(text[i - 1]) && text.AsSpan(Math.Max(0, i - 11), Math.Min(i, 11)).Contains('('));
    }

    // A month's name ("Apr", "April", "Sept") or a weekday's ("Tues", "Monday") before a comma and a clock.
    private static bool EndsDateByName(ReadOnlySpan<char> word) =>
        IsWeekdayName(word) || (word.Length >= 3 && ContainsLowered(MonthKeysBySpan, word[..3]) && ContainsLowered(LeadWordsBySpan, word));

    // The prefix pattern ends in a word only when the word ends a date ("Nov", "Tuesday", "24th", "2023-11-24T"), says
    // "around", or is "at" after such a word ("Nov 24 at"): any other word before the clock ("went out at 14:05", "deploy
    // 14:05") leaves nothing for the pattern to read, and it is not run. A word with letters outside ASCII is left to it.
    private static bool MayEndPrefix(string text, int end)
    {
        var start = WordStart(text, end);
        if (start < 0)
        {
            return true;
        }

        var word = text.AsSpan(start, end - start);
        if (!word.Equals("at", StringComparison.OrdinalIgnoreCase))
        {
            return ContainsLowered(PrefixWordsBySpan, word);
        }

        // The pattern reads "at" only after white space that follows a date.
        var i = start - 1;
        if (i < 0 || !char.IsWhiteSpace(text[i]))
        {
            return false;
        }

        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        if (i < 0 || !char.IsAsciiLetter(text[i]))
        {
            return i >= 0; // A digit, a period or a comma may end a date: left to the pattern.
        }

        var before = WordStart(text, i + 1);
        return before < 0 || ContainsLowered(PrefixWordsBySpan, text.AsSpan(before, i + 1 - before));
    }

    // The start of the ASCII letters that end at end, or -1 when a letter outside ASCII comes right before them.
    private static int WordStart(string text, int end)
    {
        var start = end;
        while (start > 0 && char.IsAsciiLetter(text[start - 1]))
        {
            start--;
        }

        return start > 0 && char.IsLetter(text[start - 1]) ? -1 : start;
    }

    private static Match? ReadPrefix(string text, int clockIndex)
    {
        if (!MayHavePrefix(text, clockIndex))
        {
            return null;
        }

        // "August 9th (Tuesday) 1:30am": a weekday in brackets between the date and the clock; the date is read before it.
        var end = clockIndex;
        var close = text.AsSpan(0, clockIndex).TrimEnd().Length - 1;
        if (close >= 0 && text[close] == ')')
        {
            var open = text.LastIndexOf('(', close);
            if (open < 1 || close - open is < 4 or > 11 || !IsWeekdayName(text.AsSpan(open + 1, close - open - 1).TrimEnd('.')))
            {
                return null;
            }

            end = open;
        }

        // A date and its separator are at most ~45 characters ("Wednesday, September 27, 2023 at "). The pattern always
        // matches; past MayHavePrefix it mostly matches some text, so it is run once, for its groups (a first run for the
        // length alone cost a second pass of its matcher, compiled without optimisation, on every dated clock).
        var from = Math.Max(0, end - 48);
        var m = PrefixPattern().Match(text, from, end - from);
        if (!m.Success || m.Length == 0)
        {
            return null;
        }

        // The prefix must start at a word boundary, as the clock itself must.
        if (m.Index > 0 && (char.IsLetterOrDigit(text[m.Index - 1]) || text[m.Index - 1] is '_' or ':' or '.' or '/'))
        {
            return null;
        }

        // A short weekday name dates its clock only where it opens the line, after a bullet or a bracket at most ("Tues, 5:00pm:",
        // "- Weds 2:43am"): "the fix ships Fri 10:00" and "Mon-Fri 09:00-17:00" name no day of the incident (review35b).
        // (A full weekday name keeps dating a clock anywhere: "On Tuesday at 14:05".)
        var weekday = m.Groups["wd"];
        return weekday is { Success: true, Length: <= 5 } && !LeadsLine(text, weekday.Index) ? null : m;
    }
}
