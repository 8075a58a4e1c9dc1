namespace Postmortem.Ingest.Notes;

// The lead-in of Pattern() read by hand in an ASCII sentence (twenty-seventh session, docs/benchmarks.md): the pattern's match
// and its groups cost ≈ 12,000 instructions a lead-in ("Two minutes later, …"). In ASCII text the pattern's \s is one of six
// characters, \d an ASCII digit, \b a change between [A-Za-z0-9_] and anything else, and its case-blind letters their two ASCII
// cases. Every part of the pattern after the lead word must be followed by white space (\s+) or ends in \b, so each part is a
// whole run of characters up to white space, and the pattern's backtracking has one way to match: a lead word that is no number
// and a number that is no unit leave nothing to try again. RelativeTimeLeadInTests compares the two on random texts.
internal static partial class RelativeTime
{
    private static readonly string[] LeadWords = ["about", "around", "roughly", "some", "approximately"];

    private static readonly string[] SmallNumbers =
    [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] TensWords = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] UnitWords = ["seconds", "second", "secs", "sec", "minutes", "minute", "mins", "min", "hours", "hour", "hrs", "hr"];

    /// <summary>
    /// Pattern()'s match in an ASCII <paramref name="s"/>: its length, where its number is (<paramref name="numberAt"/> -1 for
    /// "half an") and where its unit starts.
    /// </summary>
    internal static bool TryReadLeadIn(ReadOnlySpan<char> s, out int length, out int numberAt, out int numberLength, out int unitAt)
    {
        length = numberAt = numberLength = unitAt = 0;
        var i = SkipSpaces(s, 0);
        if (i < s.Length && s[i] == '~')
        {
            i++;
        }
        else if (TokenEnd(s, i) is var leadEnd && leadEnd < s.Length && IsOneOf(s[i..leadEnd], LeadWords))
        {
            i = SkipSpaces(s, leadEnd);
        }

        var end = TokenEnd(s, i);
        if (end >= s.Length)
        {
            return false; // \s+ after the number
        }

        var token = s[i..end];
        if (token.Equals("half", StringComparison.OrdinalIgnoreCase))
        {
            var a = SkipSpaces(s, end);
            end = TokenEnd(s, a);
            if (end >= s.Length || !(s[a..end].Equals("a", StringComparison.OrdinalIgnoreCase) || s[a..end].Equals("an", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            numberAt = -1;
        }
        else if (IsOneOf(token, TensWords) && end + 1 < s.Length && TokenEnd(s, end + 1) is var second && second < s.Length
            && IsOneOf(s[(end + 1)..second], SmallNumbers.AsSpan(0, 9)))
        {
            (numberAt, numberLength, end) = (i, second - i, second); // "twenty one": one white space between
        }
        else if (IsNumber(token))
        {
            (numberAt, numberLength) = (i, token.Length);
        }
        else
        {
            return false;
        }

        var u = SkipSpaces(s, end);
        var unitEnd = TokenEnd(s, u);
        if (unitEnd >= s.Length || !IsOneOf(s[u..unitEnd], UnitWords))
        {
            return false;
        }

        unitAt = u;
        var l = SkipSpaces(s, unitEnd);
        int p;
        if (WordAt(s, l, "later"))
        {
            p = l + 5;
        }
        else if (WordAt(s, l, "afterwards"))
        {
            p = l + 10;
        }
        else if (s[l..].StartsWith("after", StringComparison.OrdinalIgnoreCase) && l + 5 < s.Length && IsSpace(s[l + 5])
            && SkipSpaces(s, l + 5) is var that && WordAt(s, that, "that"))
        {
            p = that + 4;
        }
        else
        {
            return false;
        }

        if (p < s.Length && s[p] is ',' or ':')
        {
            p++;
        }

        length = SkipSpaces(s, p);
        return true;
    }

    // Digits (one to three), "a", "an", a number word, a ten ("forty") or a ten and a unit joined by a hyphen ("forty-two").
    private static bool IsNumber(ReadOnlySpan<char> token)
    {
        if (token.Length is >= 1 and <= 3 && char.IsAsciiDigit(token[0]) && (token.Length < 2 || char.IsAsciiDigit(token[1])) && (token.Length < 3 || char.IsAsciiDigit(token[2])))
        {
            return true;
        }

        if ((token.Length is 1 or 2 && (token[0] | 0x20) == 'a' && (token.Length == 1 || (token[1] | 0x20) == 'n')) || IsOneOf(token, SmallNumbers) || IsOneOf(token, TensWords))
        {
            return true;
        }

        var hyphen = token.IndexOf('-');
        return hyphen > 0 && IsOneOf(token[..hyphen], TensWords) && IsOneOf(token[(hyphen + 1)..], SmallNumbers.AsSpan(0, 9));
    }

    private static bool IsOneOf(ReadOnlySpan<char> token, ReadOnlySpan<string> words)
    {
        foreach (var w in words)
        {
            // The words are lower case: the length and the first letter first, then the comparison.
            if (token.Length == w.Length && (token[0] | 0x20) == w[0] && token.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // word at i (either case) and \b after it.
    private static bool WordAt(ReadOnlySpan<char> s, int i, string word) =>
        s[i..].StartsWith(word, StringComparison.OrdinalIgnoreCase) && (i + word.Length == s.Length || !(char.IsAsciiLetterOrDigit(s[i + word.Length]) || s[i + word.Length] == '_'));

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private static int SkipSpaces(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && IsSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    private static int TokenEnd(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && !IsSpace(s[i]))
        {
            i++;
        }

        return i;
    }
}
