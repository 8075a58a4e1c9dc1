namespace Postmortem.Ingest.Notes;

// "then their logs arrived all at once around 09:35-40 UTC": the end of a short span written with its minutes only, the hour
// left out as it is the start's. A clock read alone, then a hyphen or dash and two digits of minutes later than its own, with no
// digit, colon, dot or letter after them ("09:35-40min" is a length, "10:35-40.5" a number), is that span (session 30). A start
// on the hour ("14:00-16 Uhr") or a word after the digits ("14:10-16 Uhr", "uur", "-20 engineers", "-30 min") says the digits are
// an hour, a count or a length, not minutes; only a zone in capitals ("09:35-40 UTC", "09:35-40 Z"; the one letter Z since session 31)
// or a mark may follow.
// Runs over the clocks already read, never over the line.
public static partial class TimeScanner
{
    private static void ReadElidedHourEnds(string text, List<TimeExpression> results)
    {
        for (var i = 0; i < results.Count; i++)
        {
            var t = results[i];
            var at = t.Index + t.Length;
            if (t.EndTime is not null || t.IsoOffset is not null || at + 3 > text.Length || text[at] is not ('-' or '–')
                || !char.IsAsciiDigit(text[at + 1]) || !char.IsAsciiDigit(text[at + 2]) || t.Raw.Length < 4 || t.Raw[^3] != ':')
            {
                continue;
            }

            var after = at + 3;
            if (after < text.Length && (char.IsLetterOrDigit(text[after]) || ((text[after] is ':' or '.' or ',') && after + 1 < text.Length && char.IsAsciiDigit(text[after + 1]))))
            {
                continue;
            }

            var rest = text.AsSpan(after).TrimStart(' ');
            var minutes = ((text[at + 1] - '0') * 10) + (text[at + 2] - '0');
            if (minutes > 59 || minutes <= t.Time.Minute || t.Time.Minute == 0 || !EndsTheClock(rest))
            {
                continue;
            }

            results[i] = t with { Length = t.Length + 3, Raw = text.Substring(t.Index, t.Length + 3), EndTime = new NodaTime.LocalTime(t.Time.Hour, minutes) };
        }
    }

    // What follows the two digits closes the clock: the end of the text, a mark or bracket, or a zone written in capitals ("UTC",
    // "CET"). A word ("-20 engineers were on the bridge", "-30 min", "-16 Uhr") or a per cent sign ("10:45-50% load") says the
    // digits are a count, a length or an hour (review30 F7).
    private static bool EndsTheClock(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty)
        {
            return true;
        }

        if (rest[0] == '%')
        {
            return false;
        }

        if (!char.IsLetter(rest[0]))
        {
            return true;
        }

        var capitals = 0;
        while (capitals < rest.Length && char.IsAsciiLetterUpper(rest[capitals]))
        {
            capitals++;
        }

        return (capitals is >= 2 and <= 5 || (capitals == 1 && rest[0] == 'Z')) && (capitals == rest.Length || !char.IsLetter(rest[capitals]));
    }

}
