using System.Text.RegularExpressions;

namespace Postmortem.Ingest.Notes;

// Clocks that other languages write and the clock matcher run on every line leaves out: Japanese (TimeScanner.Japanese.cs), a
// dotted 24-hour clock after a word of time ("om 17.15 uur", "a las 10.30", "alle ore 18.30"), and "24:00". Patterns of their own,
// run only on text that can hold them, so that the clock matcher does not grow (NotesPatternSizeTests).
public static partial class TimeScanner
{
    // "rond 13.45 uur", "Om 17.15 uur" (Dutch), "a las 10.30" (Spanish), "alle 15.40", "dalle ore 18.30" (Italian), "às 14.30"
    // (Portuguese), "vers 8.42" (French): a dotted clock after a preposition of time, or before Dutch "uur" (hour). Never with
    // another digit or a decimal after it ("om 1.500 euro"). The clock matcher reads a dotted clock only with a meridiem, a zone,
    // "Uhr" or "hrs" after it, so that "3.5" or "version 1.10" stay numbers; a preposition of time before it says as much. Also after
    // the Nordic, Polish and Czech words for o'clock or "at", "about" ("kl. 20.21", "klokken 10.30", "godz. 9.15", "Ve 13.15"); never
    // after an apostrophe ("we've 1.25" is English, not Czech "ve"). Indonesian "pukul 16.45", Romanian "la ora 17.00", Norwegian
    // "klokka 11.30", Greek "από ώρα 08.00 έως 11.30", "στις 10.30" (session 29). Romanian "în jurul orei 18.00" (around the hour
    // 18.00, the genitive of "ora"; session 31). Polish "do godziny 18.00", "o godzinie 9.15" (the word for hour, inflected; session 32).
    [GeneratedRegex(@"(?<=(?<![\p{L}'’])(?i:om|rond|omstreeks|tegen|vanaf|alle|dalle|delle|ore|las|às|um|gegen|vers|kl\.?|klockan|klokken|klokka|klo|kello|godz\.|godzin[aęyą]|godzinie|ve|okolo|około|kolem|pukul|ora|orei|ώρα|τις|στις|έως|μέχρι)\s)(?<h>[01]?[0-9]|2[0-3])\.(?<mi>[0-5][0-9])(?![0-9]|[.,][0-9])" +
        @"|(?<![\w.])(?<h>[01]?[0-9]|2[0-3])\.(?<mi>[0-5][0-9])(?=\s?uur\b)" +
        // "van 21.00 tot 01.00 uur" (Dutch): the start of a span whose "uur" is written once, after the end (session 29).
        @"|(?<=(?<![\p{L}'’])(?i:van)\s)(?<h>[01]?[0-9]|2[0-3])\.(?<mi>[0-5][0-9])(?=\s(?i:tot)\s(?:[01]?[0-9]|2[0-3])[.:][0-5][0-9](?![0-9]))" +
        // "between 9.50 and 11.10 UTC", "from 20.05 to 21.40 GMT": the start of an English span whose zone is written once, after a
        // dotted end the clock matcher reads (review35b); a zone of the list only, not any capital word ending in T ("3.20 POST",
        // review36 M2). Not before a meridiem: "9.50 and 11.10 pm" would need the end's meridiem.
        @"|(?<=(?<![\p{L}'’])(?i:between|from)\s(?:(?i:about|around|approx\.?|approximately|roughly)\s)?)(?<h>[01]?[0-9]|2[0-3])\.(?<mi>[0-5][0-9])(?=\s(?i:and|to|until|till)\s(?:[01]?[0-9]|2[0-3])\.[0-5][0-9]\s?(?:(?i:hrs\b|Uhr\b)|(?:UTC|GMT|BST|IST|CES?T|EES?T|WES?T|[ECMP][SD]T|JST|KST|HKT|SGT|AE[SD]T|NZ[SD]T)\b))")]
    private static partial Regex DottedClockPattern();

    // The cheap tests read from the text's DigitMarks (TimeScanner.DigitMarks.cs), each named beside its flag. The dotted, Vietnamese,
    // suffixed and French patterns and the word hours' pattern each read an ASCII digit ([0-9]): a text without one is not searched
    // for their words ("giờ", "saat ", "uhr"); the Japanese and Korean characters and the Vietnamese and Thai marks are not ASCII.
    private static void AddClocksOfOtherLanguages(string text, List<TimeExpression> results, int isoCount, List<string>? invalid, DigitMarks marks)
    {
        var ascii = System.Text.Ascii.IsValid(text);
        if (!ascii && (text.Contains('時') || text.Contains('时') || text.Contains('点') || text.Contains('點')))
        {
            AddJapaneseClocks(text, results);
        }

        if (!ascii && text.Contains('시'))
        {
            AddKoreanClocks(text, results);
        }

        if (!ascii && text.Contains(':'))
        {
            AddCjkMeridiemClocks(text, results, isoCount, invalid); // "下午3:10" (TimeScanner.CjkDates.cs)
        }

        AddNumberWordHours(text, results); // "klokken fire", "po desáté hodině", "alas diyes" (TimeScanner.NumberWords.cs)
        if ((marks & DigitMarks.Digit) == 0)
        {
            AddNoonWords(text, results);
            AddSpanishWordHours(text, results);
            return;
        }

        if ((marks & DigitMarks.DottedPair) != 0) // HasDottedPair
        {
            AddClocks(text, DottedClockPattern().EnumerateMatches(text), results, isoCount, invalid);
        }

        if ((marks & DigitMarks.DigitG) != 0 || (!ascii && HasVietnameseWord(text))) // MayHoldVietnameseClock
        {
            AddVietnameseClocks(text, results);
        }

        if (((marks & DigitMarks.Suffix) != 0 && SuffixLoopRuns(text)) || (!ascii && text.Contains("น.", StringComparison.Ordinal)) || text.AsSpan().ContainsAny(SaatWord)) // MayHoldSuffixedClock
        {
            AddSuffixedClocks(text, results);
        }

        if ((marks & DigitMarks.BareHour) != 0) // MayHoldFrenchBareHour
        {
            AddFrenchBareHours(text, results);
        }

        AddWordHours(text, results, isoCount, invalid, marks);
    }

    // A digit, a dot and two digits: the cheap test before the dotted clock's pattern.
    internal static bool HasDottedPair(string text)
    {
        for (var i = text.IndexOf('.', 1); i > 0 && i + 2 < text.Length; i = text.IndexOf('.', i + 1))
        {
            if (char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Restoration Time: 24:00", "22:00-24:00": 24:00, the end of the day (ISO 8601), is midnight of the next day; a start written so
    /// is read on the next day (<paramref name="dayShift"/> 1), an end as a span across midnight.
    /// </summary>
    private static bool TryReadEndOfDay(ReadOnlySpan<char> span, out ClockReader.Clock clock, out int dayShift)
    {
        clock = default;
        dayShift = 0;
        if (!span.Contains("24:00", StringComparison.Ordinal))
        {
            return false;
        }

        dayShift = span.StartsWith("24:00", StringComparison.Ordinal) ? 1 : 0;
        return ClockReader.TryRead(span.ToString().Replace("24:00", "00:00", StringComparison.Ordinal), out clock);
    }
}
