using System.Buffers;
using System.Text.RegularExpressions;

namespace Postmortem.Ingest.Notes;

// Hours written with a word for "o'clock" and no minutes ("22 Uhr", "klo 13", "godz. 9", "16. hodiny"), and French hours with a
// space before the minutes ("12h 00"): patterns of their own, run only on text that holds such a word or shape, so that the
// clock matcher does not grow (NotesPatternSizeTests).
public static partial class TimeScanner
{
    internal static readonly WordSearch WordHourMarks = new("uhr", "kl", "kello", "godz", "hodin", "heure", "ore ", "-tiden", "alle ", "óra", "órá");

    // "22 Uhr", "seit dem Abend, 19 Uhr" (German); "kl 20", "kl. 6", "klockan 6" (Swedish), "klokken 6" (Norwegian, Danish), "klo 13",
    // "kello 9" (Finnish), "godz. 9" (Polish): a bare hour is a clock only with the word for o'clock written after or before it.
    // "zwischen 22 und 4 Uhr", "von 8 bis 10 Uhr": the first end of a German span whose "Uhr" is written once, after the second.
    // "okolo 16. hodiny", "před 20. hodinou" (Czech): an ordinal hour before the word for hour. Never with a digit, or a dot,
    // comma or colon and a digit, after the hour ("kl 20.21" is the dotted clock's, DottedClockPattern).
    [GeneratedRegex(@"(?<![\w.,:])(?<h>[01]?[0-9]|2[0-3])(?=\s?Uhr\b)" +
        @"|(?<=(?<!\p{L})(?i:zwischen|von)\s)(?<h>[01]?[0-9]|2[0-3])(?=\s(?i:und|bis)\s(?:[01]?[0-9]|2[0-3])(?:[:.][0-5][0-9])?\s?Uhr\b)" +
        @"|(?<=(?<!\p{L})(?i:kl\.?|klockan|klokken|klokka|klo|kello|godz\.)\s)(?<h>[01]?[0-9]|2[0-3])(?![0-9]|[.,:][0-9])" +
        @"|(?<![\w.])(?<h>[01]?[0-9]|2[0-3])(?=\.\s(?i:hodin[ayuě]|hodinou)\b)" +
        // "mezi 9. a 13. hodinou" (Czech, between the 9th and the 13th hour): the first end of a span whose word for hour is written
        // once, after the second (session 29).
        @"|(?<=(?<!\p{L})(?i:mezi)\s)(?<h>[01]?[0-9]|2[0-3])(?=\.\s(?i:a)\s(?:[01]?[0-9]|2[0-3])\.\s(?i:hodin[ayuě]|hodinou)\b)" +
        // "18 óra körül", "22 órakor", "20 óráig", "22 órától", "8 órára" (Hungarian: around, at, until, from, by … o'clock); "2 óra"
        // alone, "2 órán át" or "2 órás" are lengths (session 29). So is "óráig", "órára" or "óra körül" before a verb of lasting or
        // stopping: "3 óráig tartott" (lasted three hours), "2 órára leállt" (stopped for two hours), "4 óra körül tartott" (review29 F6).
        @"|(?<![\w.,:])(?<h>[01]?[0-9]|2[0-3])(?=\s(?:órakor|órától|óráig|órára|óra\s(?i:körül))(?!\p{L})(?!\s(?i:tart|leáll|szünetel)))" +
        // "Alle 8 di lunedì mattina", "dalle 7 del mattino" (Italian): a bare hour after "alle"/"dalle" only before a weekday or the
        // morning, which say it is a clock ("alle 5 regioni" is a count); "alle 22," (13-23) before a comma or a full stop (session 29).
        @"|(?<=(?<!\p{L})(?i:alle|dalle)\s)(?<h>[01]?[0-9]|2[0-3])(?=\s(?i:di|del)\s(?i:mattina|mattino|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)(?!\p{L}))" +
        @"|(?<=(?<!\p{L})(?i:alle|dalle)\s)(?<h>1[3-9]|2[0-3])(?=[,;.](?![0-9]))" +
        // "v 5 hodin ráno", "ve 22 hodin", "od 8 do 11 hodin", "kolem 17 hodin" (Czech): a cardinal hour before "hodin", "hodiny" or
        // "hodinu" only after a preposition of time, since "5 hodin" alone is as often five hours long. "od 8 do 11 hodin": the
        // first end of a span whose word for hour is written once, after the second, and its second end. "do 4 hodin" alone
        // ("up to 4 hours", "within 12 hours") is a length, and so is any of them after a verb of lasting ("trvala kolem 2 hodin",
        // "potrvá od 2 do 4 hodin", "trvala zhruba kolem 2 hodin"): the review of the twenty-eighth session, finding F2.
        @"|(?<=(?<!\p{L})(?i:v|ve|od|kolem|okolo)\s)(?<!(?i:trv)\p{L}*\s(?:\p{L}{1,12}\s)?(?i:v|ve|od|kolem|okolo)\s)(?<h>[01]?[0-9]|2[0-3])(?=\s(?i:hodin[ayu]?)(?!\p{L}))" +
        @"|(?<=(?<!\p{L})(?i:od)\s[0-9]{1,2}\s(?i:do)\s)(?<!(?i:trv)\p{L}*\s(?:\p{L}{1,12}\s)?(?i:od)\s[0-9]{1,2}\s(?i:do)\s)(?<h>[01]?[0-9]|2[0-3])(?=\s(?i:hodin[ayu]?)(?!\p{L}))" +
        @"|(?<=(?<!\p{L})(?i:od)\s)(?<!(?i:trv)\p{L}*\s(?:\p{L}{1,12}\s)?(?i:od)\s)(?<h>[01]?[0-9]|2[0-3])(?=\s(?i:do)\s(?:[01]?[0-9]|2[0-3])\.?\s(?i:hodin[ayuě]?|hodinou)(?!\p{L}))" +
        // "vers 4 heures", "à 19 heures" (French; "pendant 4 heures" is a length), "dalle ore 14" (Italian).
        @"|(?<=(?<!\p{L})(?i:vers|à|dès|avant|jusqu'à|depuis)\s)(?<h>[01]?[0-9]|2[0-3])(?=\sheures?\b)" +
        @"|(?<=(?<!\p{L})(?i:ore)\s)(?<h>[01]?[0-9]|2[0-3])(?![0-9]|[.,:][0-9])" +
        // "i 17-tiden", "vid 17-tiden" (Norwegian, Swedish): about five o'clock.
        @"|(?<![\w.,:])(?<h>[01]?[0-9]|2[0-3])(?=-tiden\b)")]
    private static partial Regex WordHourPattern();

    // "- 12h 00 : the first site is back", "à 13h 30": French hours with a space before the minutes, only at a line's start (after
    // a list mark) with a colon after them, as a timeline writes, or after a French word of time, so that "- 4h 15 min" or "2h 30"
    // elsewhere stays a length. After a word of time, also a space before the h ("vers 10 h 45", as French news writes it).
    [GeneratedRegex(@"(?<=^[\t ]{0,8}(?:[-*•–][\t ]{0,4})?)(?<h>[01]?[0-9]|2[0-3])h\s(?<mi>[0-5][0-9])(?=\s?:)|(?<=(?<!\p{L})(?i:à|vers|dès|de|entre|et|jusqu'à|depuis)\s)(?<h>[01]?[0-9]|2[0-3])\s?h\s(?<mi>[0-5][0-9])(?![0-9\p{L}])", RegexOptions.Multiline)]
    private static partial Regex SpacedFrenchClockPattern();

    // "a las seis de la tarde", "después de las doce del día", "a las tres de la madrugada": Spanish hours in words, read only
    // with the part of the day written after them, which also says the half of the day.
    [GeneratedRegex(@"(?<=(?<!\p{L})(?i:las|la)\s)(?<w>(?i:una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce))\s(?<part>(?i:de\s+la\s+(?:mañana|tarde|noche|madrugada)|del\s+(?:día|mediodía)))(?!\p{L})")]
    private static partial Regex SpanishWordHourPattern();

    internal static readonly WordSearch SpanishHourLeads = new("las ", "la una");

    private static readonly string[] SpanishHours = ["una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce"];

    private static void AddSpanishWordHours(string text, List<TimeExpression> results)
    {
        if (!SpanishHourLeads.In(text))
        {
            return;
        }

        foreach (Match m in SpanishWordHourPattern().Matches(text))
        {
            var hour = Array.IndexOf(SpanishHours, m.Groups["w"].Value.ToLowerInvariant()) + 1;
            var part = m.Groups["part"].Value.ToLowerInvariant();
            if (part.EndsWith("tarde", StringComparison.Ordinal) || part.EndsWith("noche", StringComparison.Ordinal))
            {
                // "las doce de la noche" is midnight; "las seis de la tarde" 18:00.
                hour = hour == 12 ? (part.EndsWith("noche", StringComparison.Ordinal) ? 0 : 12) : hour + 12;
            }
            else if (hour == 12 && part.EndsWith("madrugada", StringComparison.Ordinal))
            {
                hour = 0;
            }

            results.Add(new TimeExpression { Index = m.Index, Length = m.Length, Raw = m.Value, Time = new NodaTime.LocalTime(hour, 0) });
        }
    }

    // Noon and midnight in other languages, as their own words: Czech "polednem", German "Mittag", "Mitternacht", Spanish "mediodía",
    // "medianoche", Italian "mezzogiorno", "mezzanotte", Portuguese "meio-dia", "meia-noite", Swedish "midnatt", Polish "północ".
    [GeneratedRegex(@"(?<!\p{L})(?:(?<noon>(?i:poledne|polednem|Mittag|mediodía|mezzogiorno|meio-dia|południe))|(?<midnight>(?i:půlnoc|půlnoci|Mitternacht|medianoche|mezzanotte|meia-noite|midnatt|północ|północy)))(?![\p{L}-])")]
    private static partial Regex NoonWordPattern();

    private static readonly SearchValues<string> NoonWords = SearchValues.Create(
        ["poledn", "mittag", "mitternacht", "mediod", "medianoche", "mezzo", "mezza", "meio-dia", "meia-noite", "midnatt", "połud", "półno", "půlno"],
        StringComparison.OrdinalIgnoreCase);

    private static void AddNoonWords(string text, List<TimeExpression> results)
    {
        if (!text.AsSpan().ContainsAny(NoonWords))
        {
            return;
        }

        foreach (Match m in NoonWordPattern().Matches(text))
        {
            results.Add(new TimeExpression { Index = m.Index, Length = m.Length, Raw = m.Value, Time = m.Groups["noon"].Success ? new NodaTime.LocalTime(12, 0) : NodaTime.LocalTime.Midnight });
        }
    }

    // Called for a text with a digit (the word hours' and spaced clocks' patterns read one); HasSpacedHours read from its DigitMarks.
    private static void AddWordHours(string text, List<TimeExpression> results, int isoCount, List<string>? invalid, DigitMarks marks)
    {
        AddNoonWords(text, results);
        AddSpanishWordHours(text, results);

        if (WordHourMarks.In(text))
        {
            var first = results.Count;
            AddClocks(text, WordHourPattern().EnumerateMatches(text), results, isoCount, invalid);
            ReadHungarianHalves(text, results, first);
        }

        if ((marks & DigitMarks.SpacedHours) != 0) // HasSpacedHours
        {
            AddClocks(text, SpacedFrenchClockPattern().EnumerateMatches(text), results, isoCount, invalid);
        }
    }

    // "vasárnap este 8 órára" (by eight on Sunday evening), "délután 3 órakor" (at three in the afternoon): a Hungarian hour of the
    // word-hour pattern right after "este" (evening, 1 to 11) or "délután" (afternoon, 1 to 7) is in the afternoon half, as Hungarian
    // writes 20 óra as "este 8 óra" (session 30). "reggel 8 órakor" (in the morning) and "este 21 óra" stay as written.
    private static void ReadHungarianHalves(string text, List<TimeExpression> results, int first)
    {
        for (var i = first; i < results.Count; i++)
        {
            var t = results[i];
            if (t.EndTime is not null || t.Time.Hour is < 1 or > 11 || t.Index < 5)
            {
                continue;
            }

            var before = text.AsSpan(0, t.Index).TrimEnd(' ');
            var space = before.LastIndexOfAny(' ', '\n', '\t');
            var word = before[(space + 1)..];
            if ((word.Equals("este", StringComparison.OrdinalIgnoreCase) && t.Time.Hour <= 11)
                || (word.Equals("délután", StringComparison.OrdinalIgnoreCase) && t.Time.Hour <= 7))
            {
                results[i] = t with { Time = t.Time.PlusHours(12) };
            }
        }
    }

    // A digit, "h" (or a space and "h"), a space and a digit: the cheap test before the spaced French clock's pattern.
    internal static bool HasSpacedHours(string text)
    {
        if (text.Length < 4)
        {
            return false;
        }

        for (var i = text.IndexOf("h ", 1, StringComparison.Ordinal); i > 0 && i + 2 < text.Length; i = text.IndexOf("h ", i + 1, StringComparison.Ordinal))
        {
            if ((char.IsAsciiDigit(text[i - 1]) || (text[i - 1] == ' ' && i > 1 && char.IsAsciiDigit(text[i - 2]))) && char.IsAsciiDigit(text[i + 2]))
            {
                return true;
            }
        }

        return false;
    }
}
