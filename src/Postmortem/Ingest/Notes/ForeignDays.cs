using System.Buffers;
using System.Runtime.CompilerServices;
using NodaTime;

namespace Postmortem.Ingest.Notes;

/// <summary>
/// Weekdays and "yesterday" written in other languages, which date a sentence's clocks as "On Tuesday" or "Yesterday" do in English:
/// Swedish "på tisdagsmorgonen", Danish "Lørdag", Finnish "eilen illalla", Czech "ve středu", Italian "di ieri", Greek "χθες",
/// Romanian "Miercuri", Indonesian "Senin kemarin", Portuguese "(quarta)". Read word by word from two tables, not by a pattern.
/// </summary>
internal static class ForeignDays
{
    // Whole words (lower case): the weekday, or 0 for "yesterday".
    internal static readonly Dictionary<string, int> Words = Build(
        (0, "eilen wczoraj včera gestern gisteren gisteravond gisterochtend gistermiddag ayer anoche ieri ontem tegnap igår χθες χτες вчера 어제"),
        (1, "lundi lunes lunedì lunedi luni poniedziałek poniedziałku pondělí δευτέρα segunda-feira понедельник"),
        (2, "mardi martes martedì martedi marți marti wtorek wtorku úterý τρίτη terça-feira вторник"),
        (3, "mercredi miércoles mercoledì mercoledi miercuri środa środę środy środzie středa středu středě τετάρτη quarta-feira среду среда"),
        (4, "jeudi jueves giovedì giovedi joi czwartek czwartku čtvrtek čtvrtku πέμπτη quinta-feira четверг"),
        (5, "vendredi viernes venerdì venerdi vineri piątek piątku pátek pátku παρασκευή sexta-feira пятницу пятница"),
        (6, "samedi sábado sabato sâmbătă sâmbăta sambata sobota sobotę soboty sobotu sobotě σάββατο субботу суббота"),
        (7, "dimanche domingo domenica duminică duminica niedziela niedzielę niedzieli neděle neděli κυριακή воскресенье"));

    // Stems that begin a longer word in languages that join words ("tisdagsmorgonen", "Montagabend", "maandagavond", "tiistaina",
    // "hétfőn"): the weekday.
    internal static readonly (string Stem, int Day)[] Stems =
    [
        ("måndag", 1), ("mandag", 1), ("maanantai", 1), ("montag", 1), ("maandag", 1), ("hétfő", 1),
        ("tisdag", 2), ("tirsdag", 2), ("tiistai", 2), ("dienstag", 2), ("dinsdag", 2), ("kedd", 2),
        ("onsdag", 3), ("keskiviikko", 3), ("mittwoch", 3), ("woensdag", 3), ("szerd", 3),
        ("torsdag", 4), ("torstai", 4), ("donnerstag", 4), ("donderdag", 4), ("csütörtök", 4),
        ("fredag", 5), ("perjantai", 5), ("freitag", 5), ("vrijdag", 5), ("péntek", 5),
        ("lördag", 6), ("lørdag", 6), ("lauantai", 6), ("samstag", 6), ("sonnabend", 6), ("zaterdag", 6), ("szombat", 6),
        ("söndag", 7), ("søndag", 7), ("sunnuntai", 7), ("sonntag", 7), ("zondag", 7), ("vasárnap", 7),
        ("월요일", 1), ("화요일", 2), ("수요일", 3), ("목요일", 4), ("금요일", 5), ("토요일", 6), ("일요일", 7),
    ];

    // Indonesian weekdays are read only with a capital ("minggu" is also "week"); Portuguese short names only in brackets ("quarta"
    // is also "fourth").
    internal static readonly Dictionary<string, int> Capitalised = Build((1, "Senin"), (2, "Selasa"), (3, "Rabu"), (4, "Kamis"), (5, "Jumat"), (6, "Sabtu"), (7, "Minggu"));

    internal static readonly Dictionary<string, int> Bracketed = Build((1, "segunda"), (2, "terça"), (3, "quarta"), (4, "quinta"), (5, "sexta"));

    // Every word and stem: the cheap test before the words are read one by one. Made at the first search, which only a sentence
    // with a day's word reaches: the case-blind search structure of some 150 words cost ≈ 1.5 % of a NativeAOT draft when made
    // with the class (docs/benchmarks.md, twenty-fifth session). Two threads may both make it; either is the same search.
    internal static SearchValues<string> Marks => field ??= SearchValues.Create(
        [.. Words.Keys, .. Capitalised.Keys, .. Bracketed.Keys, .. Stems.Select(s => s.Stem), "går", "hier", "昨"], StringComparison.OrdinalIgnoreCase);

    // What a word is compared with, by its first three letters (lower case): the tables' words, stems and "går" and "hier" that begin
    // so. A word that begins otherwise names no day. Most sentences are settled by this alone, without the case-blind search of every
    // mark (≈ 13,000 instructions a sentence of English prose, where marks such as "joi" and "hier" are found inside "join" and
    // "hierarchy"), and a word that begins as a day's name does is compared with those few only (docs/benchmarks.md).
    private static readonly Dictionary<long, Start> ByStart = BuildStarts();

    // The same starts of three ASCII letters, one bit each (26 × 26 × 26): a word of prose is refused without a lookup.
    private static readonly ulong[] AsciiStarts = BuildAsciiStarts();

    /// <summary>
    /// The day the first such word in <paramref name="sentence"/> names: a weekday, or "yesterday" (<c>DaysBack</c> 1); null when it
    /// holds none. Pure ASCII text is tried only for the words that are ASCII.
    /// </summary>
    /// <remarks>The same answer as <see cref="Search"/>, which runs only when a word of the sentence names a day (or "昨" is there).</remarks>
    public static (IsoDayOfWeek? Weekday, int DaysBack)? Find(ReadOnlySpan<char> sentence) =>
        sentence.Contains('昨') || HasDayWord(sentence) ? Search(sentence) : null;

    // True when some word of the sentence, read as Search reads words (NextWord), names a day. NextWord's two loops written out in
    // one with a local index: this loop reads every character of every undated sentence, and NextWord's index by reference cost a
    // store and a load a character (docs/benchmarks.md, twenty-third session). Unchecked (the project checks arithmetic: an overflow
    // test for every character's step), and the bitmap test of a word's first three ASCII letters inline, not a call for every word
    // of three letters or more (docs/benchmarks.md, twenty-sixth session).
    private static bool HasDayWord(ReadOnlySpan<char> sentence)
    {
        var starts = AsciiStarts;
        var i = 0;
        unchecked
        {
            while (i < sentence.Length)
            {
                var c = sentence[i];
                if (!(c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' : char.IsLetter(c)))
                {
                    i++;
                    continue;
                }

                var start = i;
                for (i++; i < sentence.Length; i++)
                {
                    c = sentence[i];
                    if (!(c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' : char.IsLetter(c)) && !(c == '-' && i + 1 < sentence.Length && IsLetter(sentence[i + 1])))
                    {
                        break;
                    }
                }

                if (i - start is < 3 or > 32)
                {
                    continue;
                }

                // Three ASCII letters that begin no word or stem are refused by the bitmap (StartOf's test; a character outside
                // ASCII or a hyphen is never 0-25 after the subtraction, and is left to StartOf).
                uint a = (uint)((sentence[start] | 0x20) - 'a'), b = (uint)((sentence[start + 1] | 0x20) - 'a'), d = (uint)((sentence[start + 2] | 0x20) - 'a');
                if (a <= 25 && b <= 25 && d <= 25 && (int)((((a * 26) + b) * 26) + d) is var bit && (starts[bit >> 6] & (1UL << bit)) == 0)
                {
                    continue;
                }

                if (StartOf(sentence, start) is { } candidates && Day(sentence, start, i, candidates) is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The next word from i: a run of letters, with a hyphen inside it ("segunda-feira"); i ends after it, start at its first letter.
    private static bool NextWord(ReadOnlySpan<char> sentence, ref int i, out int start)
    {
        for (; i < sentence.Length; i++)
        {
            var c = sentence[i];
            if (c < 128 ? unchecked((uint)((c | 0x20) - 'a')) <= 'z' - 'a' : char.IsLetter(c))
            {
                break; // IsLetter written out here and below: the loops over every character call nothing for ASCII.
            }
        }

        start = i;
        for (; i < sentence.Length; i++)
        {
            var c = sentence[i];
            if (!(c < 128 ? unchecked((uint)((c | 0x20) - 'a')) <= 'z' - 'a' : char.IsLetter(c)) && !(c == '-' && i + 1 < sentence.Length && IsLetter(sentence[i + 1])))
            {
                break;
            }
        }

        return start < sentence.Length;
    }

    // char.IsLetter, with ASCII answered by arithmetic (the framework's tests are calls per character where they are not inlined).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLetter(char c) => c < 128 ? IsAsciiLetter(c) : char.IsLetter(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiLetter(char c) => unchecked((uint)((c | 0x20) - 'a')) <= 'z' - 'a';

    // What a word beginning at start (three characters or more) may be: null when no word or stem of the tables begins as it does.
    private static Start? StartOf(ReadOnlySpan<char> text, int start)
    {
        var (a, b, c) = (text[start], text[start + 1], text[start + 2]);
        if (IsAsciiLetter(a) && IsAsciiLetter(b) && IsAsciiLetter(c))
        {
            var bit = (((((a | 0x20) - 'a') * 26) + ((b | 0x20) - 'a')) * 26) + ((c | 0x20) - 'a');
            if ((AsciiStarts[bit >> 6] & (1UL << bit)) == 0)
            {
                return null;
            }
        }

        return ByStart.GetValueOrDefault(Key(text[start..]));
    }

    private static long Key(ReadOnlySpan<char> word) =>
        ((long)char.ToLowerInvariant(word[0]) << 32) | ((long)char.ToLowerInvariant(word[1]) << 16) | char.ToLowerInvariant(word[2]);

    private static Dictionary<long, Start> BuildStarts()
    {
        var starts = new Dictionary<long, Start>();
        Start At(string w) => starts.TryGetValue(Key(w.ToLowerInvariant()), out var s) ? s : starts[Key(w.ToLowerInvariant())] = new Start();
        foreach (var (w, d) in Words.Where(w => w.Key.Length >= 3))
        {
            At(w).Words.Add((w, d));
        }

        foreach (var (w, d) in Capitalised)
        {
            At(w).Capitalised.Add((w, d));
        }

        foreach (var (w, d) in Bracketed)
        {
            At(w).Bracketed.Add((w, d));
        }

        At("går").Gar = true;
        At("hier").Hier = true;
        foreach (var (stem, d) in Stems)
        {
            At(stem).Stems.Add((stem, d));
        }

        return starts;
    }

    private static ulong[] BuildAsciiStarts()
    {
        var bits = new ulong[((26 * 26 * 26) + 63) / 64];
        foreach (var key in ByStart.Keys)
        {
            var (a, b, c) = ((int)(key >> 32) - 'a', (int)((key >> 16) & 0xffff) - 'a', (int)(key & 0xffff) - 'a');
            if (a is >= 0 and < 26 && b is >= 0 and < 26 && c is >= 0 and < 26)
            {
                var bit = (((a * 26) + b) * 26) + c;
                bits[bit >> 6] |= 1UL << bit;
            }
        }

        return bits;
    }

    /// <summary>The reading itself (<see cref="Find"/> runs it only when a word names a day): the case-blind search of every mark, then word by word.</summary>
    internal static (IsoDayOfWeek? Weekday, int DaysBack)? Search(ReadOnlySpan<char> sentence)
    {
        if (!sentence.ContainsAny(Marks))
        {
            return null;
        }

        // Chinese and Japanese "昨日", "昨天", "昨晚", "昨夜", "昨（18）日" (yesterday), written without spaces.
        var yesterday = sentence.IndexOf('昨');
        if (yesterday >= 0 && yesterday + 1 < sentence.Length && sentence[yesterday + 1] is '日' or '天' or '晚' or '夜' or '（' or '(')
        {
            return (null, 1);
        }

        var i = 0;
        while (NextWord(sentence, ref i, out var start))
        {
            if (i - start is >= 3 and <= 32 && StartOf(sentence, start) is { } candidates && Day(sentence, start, i, candidates) is { } day)
            {
                return day == 0 ? (null, 1) : ((IsoDayOfWeek)day, 0);
            }
        }

        return null;
    }

    // The day the word from start to end names, compared only with what begins as it does (its Start): the tables' whole words, the
    // capitalised and bracketed words, "i går" and "d'hier", then the stems in the table's order.
    private static int? Day(ReadOnlySpan<char> text, int start, int end, Start candidates)
    {
        var word = text[start..end];
        Span<char> lowered = stackalloc char[word.Length];
        word.ToLowerInvariant(lowered);
        ReadOnlySpan<char> key = lowered;
        foreach (var (w, d) in candidates.Words)
        {
            if (key.SequenceEqual(w))
            {
                return d;
            }
        }

        foreach (var (w, d) in candidates.Capitalised)
        {
            if (word.SequenceEqual(w))
            {
                return d;
            }
        }

        if (candidates.Bracketed.Count > 0 && start > 0 && text[start - 1] == '(' && end < text.Length && text[end] == ')')
        {
            foreach (var (w, d) in candidates.Bracketed)
            {
                if (key.SequenceEqual(w))
                {
                    return d;
                }
            }
        }

        // Danish and Norwegian "i går", French "hier soir", "hier matin", "d'hier" (alone "hier" is German "here").
        if ((candidates.Gar && key.SequenceEqual("går") && start >= 2 && text[start - 1] == ' ' && char.ToLowerInvariant(text[start - 2]) == 'i' && (start == 2 || !char.IsLetter(text[start - 3])))
            || (candidates.Hier && key.SequenceEqual("hier") && ((start >= 2 && text[start - 1] is '\'' or '’' && char.ToLowerInvariant(text[start - 2]) == 'd')
                || text[end..].StartsWith(" soir", StringComparison.OrdinalIgnoreCase) || text[end..].StartsWith(" matin", StringComparison.OrdinalIgnoreCase)
                || text[end..].StartsWith(" après-midi", StringComparison.OrdinalIgnoreCase))))
        {
            return 0;
        }

        foreach (var (stem, d) in candidates.Stems)
        {
            if (key.StartsWith(stem, StringComparison.Ordinal))
            {
                return d;
            }
        }

        return null;
    }

    private static Dictionary<string, int> Build(params (int Day, string Words)[] rows)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (day, words) in rows)
        {
            foreach (var w in words.Split(' '))
            {
                map[w] = day;
            }
        }

        return map;
    }

    // A start's words and stems (see ByStart).
    private sealed class Start
    {
        public List<(string Word, int Day)> Words { get; } = [];

        public List<(string Word, int Day)> Capitalised { get; } = [];

        public List<(string Word, int Day)> Bracketed { get; } = [];

        public bool Gar { get; set; }

        public bool Hier { get; set; }

        public List<(string Stem, int Day)> Stems { get; } = [];
    }
}
