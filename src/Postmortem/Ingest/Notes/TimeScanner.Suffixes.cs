using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

// Clocks that other languages mark around the number rather than before it, which the clock matcher and the dotted clock's pattern
// leave out: Turkish case endings after an apostrophe ("saat 16.30'da", "02.00'dan itibaren", "17.00'ye kadar", "09.00'u") and a clock
// after "saat" (o'clock: "Bugün saat 10.36 itibariyle"), Thai "น."
// (nalika, o'clock) after the clock ("เวลา 19.05 น.", "10.00น. - 14.00น.", "09.30-14.30 น."), and an Italian comma between the hour
// and the minutes after a word of time ("dalle 13,30", "alle 8,30"). A pattern of its own, bounded, run only on text that holds an
// apostrophe after a digit, "น.", "saat" or a comma between digits.
public static partial class TimeScanner
{
    private const string SuffixHour = @"(?<h>[01]?[0-9]|2[0-3])[.:](?<mi>[0-5][0-9])";

    [GeneratedRegex(@"(?<![\w.:,])" + SuffixHour + @"(?=['’](?:d[ae]n?|t[ae]n?|y?[aeıiuü]|n[ae])(?![\p{L}]))" +
        @"|(?<![\w.:,])" + SuffixHour + @"(?:\s?น\.)?(?:\s?[-–]\s?(?<h2>[01]?[0-9]|2[0-3])[.:](?<mi2>[0-5][0-9]))?\s?น\." +
        @"|(?<=(?<![\p{L}])(?i:dalle|alle|ore|le)\s)(?<h>[01]?[0-9]|2[0-3]),(?<mi>[0-5][0-9])(?![0-9]|,[0-9])" +
        @"|(?<=(?<![\p{L}])(?i:saat)\s)" + SuffixHour + @"(?![0-9]|[.,][0-9])")]
    private static partial Regex SuffixedClockPattern();

    // "vers 12h", "à 16h", "dès 8h", "entre 5h et 7h", "jusqu'à 18h" (French): a bare hour with "h" and no minutes, read only after a
    // French word of time ("une coupure de 3h", "pendant 2h", "après 3h de panne" stay lengths). Portuguese "por volta das 15h", "às
    // 15h", "pelas 9h" likewise, "das" only after "por volta", "a partir", "antes", "depois" or "desde" ("das 23h às 24h" opens a
    // rule's window; session 31).
    [GeneratedRegex(@"(?<=(?<!\p{L})(?i:vers|à|dès|jusqu'à|jusqu’à|entre|et|avant|às|pelas|(?:volta|partir|antes|depois|desde)\sdas)\s)(?<h>[01]?[0-9]|2[0-3])h(?![0-9\p{L}])")]
    private static partial Regex FrenchBareHourPattern();

    // A digit, then "h" and no letter or digit: the cheap test before the French pattern.
    internal static bool MayHoldFrenchBareHour(string text)
    {
        for (var i = text.IndexOf('h', 1); i > 0; i = i + 1 < text.Length ? text.IndexOf('h', i + 1) : -1)
        {
            if (char.IsAsciiDigit(text[i - 1]) && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddFrenchBareHours(string text, List<TimeExpression> results)
    {
        foreach (Match m in FrenchBareHourPattern().Matches(text))
        {
            if (!results.Exists(r => r.Index < m.Index + m.Length && m.Index < r.Index + r.Length))
            {
                results.Add(new TimeExpression { Index = m.Index, Length = m.Length, Raw = m.Value, Time = new LocalTime(int.Parse(m.Groups["h"].ValueSpan, CultureInfo.InvariantCulture), 0) });
            }
        }
    }

    private static readonly System.Buffers.SearchValues<string> SaatWord = System.Buffers.SearchValues.Create(["saat "], StringComparison.OrdinalIgnoreCase);

    // An apostrophe after a digit, "น." after a digit (or a space after one), or a comma between digits: the cheap test.
    internal static bool MayHoldSuffixedClock(string text)
    {
        var span = text.AsSpan();
        for (var i = span.IndexOfAny('\'', '’', ','); i > 0 && i + 1 < span.Length; i = span[(i + 1)..].IndexOfAny('\'', '’', ',') is var next and >= 0 ? i + 1 + next : -1)
        {
            if (char.IsAsciiDigit(span[i - 1]) && (span[i] != ',' || char.IsAsciiDigit(span[i + 1])))
            {
                return true;
            }
        }

        return span.Contains("น.", StringComparison.Ordinal) || span.ContainsAny(SaatWord);
    }

    private static void AddSuffixedClocks(string text, List<TimeExpression> results)
    {
        foreach (Match m in SuffixedClockPattern().Matches(text))
        {
            if (results.Exists(r => r.Index < m.Index + m.Length && m.Index < r.Index + r.Length))
            {
                continue; // "20:00'de": the clock matcher read it.
            }

            var start = new LocalTime(int.Parse(m.Groups["h"].ValueSpan, CultureInfo.InvariantCulture), int.Parse(m.Groups["mi"].ValueSpan, CultureInfo.InvariantCulture));
            LocalTime? end = m.Groups["h2"].Success
                ? new LocalTime(int.Parse(m.Groups["h2"].ValueSpan, CultureInfo.InvariantCulture), int.Parse(m.Groups["mi2"].ValueSpan, CultureInfo.InvariantCulture))
                : null;
            results.Add(new TimeExpression { Index = m.Index, Length = m.Length, Raw = m.Value, Time = start, EndTime = end });
        }
    }
}
