using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

/// <summary>Reads relative times at the start of a sentence: "Three minutes later", "2 hours after that".</summary>
internal static partial class RelativeTime
{
    private static readonly string[] Units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly CaseBlindWord AfterWord = new("after"); // not string.Contains case-blind: see CaseBlindWord

    private static readonly System.Buffers.SearchValues<string> LeadEnds = System.Buffers.SearchValues.Create(["later", "after"], StringComparison.OrdinalIgnoreCase);

    // Pattern's groups by number, taken once: a lookup by name searched the pattern's table of names on every lead-in read
    // (docs/benchmarks.md, twenty-fourth session).
    private static readonly int HalfGroup = Pattern().GroupNumberFromName("half");

    private static readonly int NumberGroup = Pattern().GroupNumberFromName("n");

    private static readonly int UnitGroup = Pattern().GroupNumberFromName("u");

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>Reads a relative lead-in; returns the offset and the length of the lead-in, or null.</summary>
    public static (Duration Offset, int Length, string Raw)? Read(string sentence)
    {
        // Every lead-in ends in "later", "afterwards" or "after that": a sentence without either word is not tried.
        if (!sentence.AsSpan().ContainsAny(LeadEnds))
        {
            return null;
        }

        // An ASCII sentence is read by hand (RelativeTime.LeadIn.cs: the same match as the pattern, without a Match and its groups);
        // a sentence with a character outside ASCII goes to the pattern, whose \s, \d, \b and case-blind letters read Unicode.
        int length, unitAt;
        double? amount;
        if (System.Text.Ascii.IsValid(sentence))
        {
            if (!TryReadLeadIn(sentence, out length, out var numberAt, out var numberLength, out unitAt))
            {
                return null;
            }

            amount = numberAt < 0 ? 0.5 : ParseNumber(sentence.AsSpan(numberAt, numberLength));
        }
        else
        {
            var m = Pattern().Match(sentence);
            if (!m.Success)
            {
                return null;
            }

            amount = m.Groups[HalfGroup].Success ? 0.5 : ParseNumber(m.Groups[NumberGroup].ValueSpan);
            (length, unitAt) = (m.Length, m.Groups[UnitGroup].Index);
        }

        if (amount is null or <= 0)
        {
            return null;
        }

        var unit = char.ToLowerInvariant(sentence[unitAt]);
        var seconds = unit == 's' ? amount.Value : unit == 'm' ? amount.Value * 60 : amount.Value * 3600;
        return (Duration.FromSeconds(seconds), length, sentence.AsSpan(0, length).Trim().TrimEnd(',').ToString());
    }

    /// <summary>
    /// Reads an offset written before a sentence's only time, which then belongs to another moment: "our monitoring alerted us
    /// three minutes after the faulty upgrade began (06:00 UTC)" is 06:03. <paramref name="prefix"/> is the sentence up to the time.
    /// "For 20 minutes after 14:00" and "within 5 minutes after" are a stretch or a bound, not an offset.
    /// </summary>
    public static (Duration Offset, string Raw, int Index, int Length)? ReadOffsetBefore(ReadOnlySpan<char> prefix)
    {
        if (!AfterWord.In(prefix))
        {
            return null;
        }

        Match? last = null;
        foreach (Match m in OffsetBefore().Matches(prefix.ToString()))
        {
            last = m;
        }

        // The offset and the time in one stretch of the sentence: no sentence break or second "after" between them.
        if (last is null || prefix[(last.Index + last.Length)..].IndexOfAny('.', ';') >= 0 || ParseNumber(last.Groups["n"].ValueSpan) is not ({ } amount and > 0))
        {
            return null;
        }

        var unit = char.ToLowerInvariant(last.Groups["u"].ValueSpan[0]);
        var seconds = unit == 's' ? amount : unit == 'm' ? amount * 60 : amount * 3600;
        return (Duration.FromSeconds(seconds), last.Value.Trim(), last.Index, last.Length);
    }

    // A number in digits or in words ("three", "twenty-five", "an"). Read without strings: the word lower-cased into a buffer of
    // its own, its hyphens as spaces, then word by word (the strings, the array of parts and the split cost ≈ 2,000 instructions
    // a lead-in; docs/benchmarks.md, twenty-sixth session). RelativeTimeNumberTests compares it with the reading by strings.
    internal static double? ParseNumber(ReadOnlySpan<char> text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        var trimmed = text.Trim();
        Span<char> word = trimmed.Length <= 64 ? stackalloc char[64] : new char[trimmed.Length];
        word = word[..trimmed.Length];
        trimmed.ToLowerInvariant(word);
        word.Replace('-', ' ');
        ReadOnlySpan<char> words = word;
        if (int.TryParse(words, NumberStyles.None, CultureInfo.InvariantCulture, out n))
        {
            return n;
        }

        if (words is "a" or "an")
        {
            return 1;
        }

        var total = 0;
        foreach (var range in words.Split(' '))
        {
            var part = words[range];
            if (part.IsEmpty)
            {
                continue;
            }

            var unit = IndexOf(Units, part);
            var ten = IndexOf(Tens, part);
            if (unit >= 0)
            {
                total += unit;
            }
            else if (ten >= 2)
            {
                total += ten * 10;
            }
            else
            {
                return null;
            }
        }

        return total;
    }

    private static int IndexOf(string[] table, ReadOnlySpan<char> part)
    {
        for (var i = 0; i < table.Length; i++)
        {
            if (part.SequenceEqual(table[i]))
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"(?i)(?<!\b(?:for|within|up to|less than|more than|over|under|until|till|by)\s+)\b(?<n>\d{1,3}|an?|(?:twenty|thirty|forty|fifty)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\s+(?<u>seconds?|minutes?|mins?|hours?)\s+after\b")]
    private static partial Regex OffsetBefore();

    [GeneratedRegex(@"^\s*(?i:(?:about|around|roughly|some|approximately)\s+|~)?(?i:(?<half>half\s+an?)|(?<n>\d{1,3}|an?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))\s+(?<u>(?i:seconds?|secs?|minutes?|mins?|hours?|hrs?))\s+(?i:later|afterwards|after\s+that)\b[,:]?\s*")]
    private static partial Regex Pattern();
}
