using System.Globalization;

namespace Postmortem.Ingest.Notes;

/// <summary>
/// Dates written with a month's name in another language, the day before it: French "jeudi 14 novembre 2019", German "Am 24. Dezember",
/// Italian "venerdì 7 febbraio", Spanish "lunes 12 de enero", Portuguese "12 de janeiro de 2024", Dutch "3 maart", Polish "12 stycznia",
/// Turkish "31 Mart 2015", Indonesian "31 Mei 2020", Thai "6 กุมภาพันธ์ 2562" (a Buddhist-era year) and "(11 ต.ค.)", Ukrainian
/// "17 січня" (session 30), Slovak "12. októbra", Malay "5 Ogos", Arabic "30 أكتوبر" (session 31). They date a sentence's
/// clocks as "On November 14, 2019" does in English. Read from a table after a day number, not by a pattern: a name counts only right
/// after a day of the month (so "mars", "mai", "ekim" elsewhere are words), and only when the English month pattern did not read it.
/// </summary>
internal static class ForeignMonths
{
    // The month names, in lower case, by month; a name shared by two languages is listed once.
    private static readonly Dictionary<string, int> Names = Build(
        "janvier enero gennaio janeiro januar januari stycznia ledna ocak ianuarie ιανουαρίου января січня มกราคม ม.ค. januára يناير",
        "février fevrier febrero febbraio fevereiro februar februari lutego února şubat subat februarie φεβρουαρίου февраля лютого กุมภาพันธ์ ก.พ. februára فبراير",
        "mars marzo março märz maart marca března mart maret martie μαρτίου марта березня มีนาคม มี.ค. مارس",
        "avril abril aprile kwietnia dubna nisan aprilie απριλίου апреля квітня เมษายน เม.ย. apríla أبريل",
        "mai mayo maggio maio mei maja května mayıs mayis μαΐου μαίου мая травня พฤษภาคม พ.ค. mája مايو",
        "juin junio giugno junho juni czerwca června haziran iunie ιουνίου июня червня มิถุนายน มิ.ย. júna يونيو",
        "juillet julio luglio julho juli lipca července temmuz iulie ιουλίου июля липня กรกฎาคม ก.ค. júla julai يوليو",
        "août aout agosto augustus agustus sierpnia srpna ağustos agustos αυγούστου августа серпня สิงหาคม ส.ค. augusta ogos أغسطس",
        "septembre septiembre setiembre settembre setembro septembrie września září eylül eylul σεπτεμβρίου сентября вересня กันยายน ก.ย. septembra سبتمبر",
        "octobre octubre ottobre outubro oktober oktobre października října ekim octombrie οκτωβρίου октября жовтня ตุลาคม ต.ค. októbra أكتوبر",
        "novembre noviembre novembro listopada listopadu kasım kasim noiembrie νοεμβρίου ноября листопада พฤศจิกายน พ.ย. novembra نوفمبر",
        "décembre decembre diciembre dicembre dezembro dezember desember grudnia prosince aralık aralik decembrie δεκεμβρίου декабря грудня ธันวาคม ธ.ค. decembra disember ديسمبر");

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> NamesBySpan = Names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The first such date in <paramref name="sentence"/>: a whole date when a year follows the month ("14 novembre 2019", "19 de Diciembre
    /// de 2012"), else a month and day; null when it holds none.
    /// </summary>
    public static WrittenDate? Find(ReadOnlySpan<char> sentence)
    {
        // The cheap test: a digit at all (a vectorised search), then only the places a day number stands.
        var i = sentence.IndexOfAnyInRange('0', '9');
        while (i >= 0)
        {
            var start = i;
            while (i < sentence.Length && char.IsAsciiDigit(sentence[i]))
            {
                i++;
            }

            if (i - start <= 2 && SpaceAfterDay(sentence, i) && (start == 0 || !char.IsLetterOrDigit(sentence[start - 1]) || IsThai(sentence[start - 1]))
                && Read(sentence, start, i) is { } date)
            {
                return date;
            }

            var next = sentence[i..].IndexOfAnyInRange('0', '9');
            i = next < 0 ? -1 : i + next;
        }

        return null;
    }

    // A space after the day's digits, or "." or "º" and a space (as Read requires): most numbers ("14:05", "2.5", "3x") are refused
    // before their day is parsed.
    private static bool SpaceAfterDay(ReadOnlySpan<char> text, int end) =>
        end < text.Length && (text[end] == ' ' || (text[end] is '.' or 'º' && end + 1 < text.Length && text[end + 1] == ' '));

    // The day at [start, end), then "." or "º", a space, "de " (Spanish, Portuguese), the month's name, and a year of four digits.
    internal static WrittenDate? Read(ReadOnlySpan<char> text, int start, int end)
    {
        var day = int.Parse(text[start..end], NumberStyles.None, CultureInfo.InvariantCulture);
        if (day is < 1 or > 31)
        {
            return null;
        }

        var i = end;
        if (i < text.Length && text[i] is '.' or 'º')
        {
            i++;
        }

        if (i >= text.Length || text[i] != ' ')
        {
            return null;
        }

        i++;
        if (text[i..].StartsWith("de ", StringComparison.OrdinalIgnoreCase))
        {
            i += 3; // Spanish and Portuguese "12 de enero".
        }

        var nameStart = i;
        while (i < text.Length && i - nameStart < 24 && (char.IsLetter(text[i]) || IsMark(text[i]) || (text[i] == '.' && i > nameStart && IsThai(text[i - 1]))))
        {
            i++;
        }

        // "Mars" with a capital after a number is the planet ("2 Mars rovers"); French writes its months in lower case.
        if (i - nameStart < 3 || text[nameStart..i] is "Mars" || Month(text[nameStart..i]) is not { } month)
        {
            return null;
        }

        // The year: " 2019", " de 2012" (Spanish), a Buddhist-era "2562" (Thai, 543 years ahead).
        var y = i + 1;
        if (y < text.Length && text[i] == ' ' && text[y..].StartsWith("de ", StringComparison.OrdinalIgnoreCase))
        {
            y += 3;
        }

        if (i < text.Length && text[i] == ' ' && y + 4 <= text.Length && IsYear(text, y) && (y + 4 == text.Length || !char.IsAsciiDigit(text[y + 4])))
        {
            var year = int.Parse(text.Slice(y, 4), NumberStyles.None, CultureInfo.InvariantCulture);
            year = year > 2400 ? year - 543 : year;
            if (year is >= 1970 and <= 2100 && day <= NodaTime.CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                return new WrittenDate(new NodaTime.LocalDate(year, month, day), null, null, false);
            }
        }

        return new WrittenDate(null, (month, day), null, false);
    }

    private static bool IsYear(ReadOnlySpan<char> text, int at) =>
        char.IsAsciiDigit(text[at]) && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 2]) && char.IsAsciiDigit(text[at + 3]);

    private static int? Month(ReadOnlySpan<char> word)
    {
        Span<char> lowered = stackalloc char[word.Length];
        word.ToLowerInvariant(lowered);
        if (NamesBySpan.TryGetValue(lowered, out var month))
        {
            return month;
        }

        // Thai writes words without spaces: a month's name at the start of a longer run ("กุมภาพันธ์ปีนี้").
        if (IsThai(word[0]))
        {
            foreach (var (name, m) in Names)
            {
                if (name.Length > 0 && IsThai(name[0]) && lowered.StartsWith(name, StringComparison.Ordinal))
                {
                    return m;
                }
            }
        }

        return null;
    }

    private static bool IsThai(char c) => c is >= '\u0E00' and <= '\u0E7F';

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static Dictionary<string, int> Build(params string[] months)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 0; m < months.Length; m++)
        {
            foreach (var name in months[m].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                names[name] = m + 1;
            }
        }

        return names;
    }
}
