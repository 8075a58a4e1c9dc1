using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

/// <summary>
/// Numeric dates with a dot after the day and the month that the date pattern (TimeScanner) leaves alone, as German, Czech, Polish
/// and the Nordic languages write them: a day and a month with no year after a word that leads a date ("am 30.01.", "vom 4.7.",
/// "den 18. 8."), the year being the given date's (<see cref="WrittenDate.Resolve"/>); and a two-digit year at the head of an update
/// before a dash ("Update 23.03.22 – 18:30:"). Elsewhere such numbers stay numbers: a version ("3.1.", "2.3.18") or a figure.
/// </summary>
internal static partial class DottedDayMonths
{
    [GeneratedRegex(@"(?<=(?<!\p{L})(?i:am|vom|zum|seit|ab|bis|den|dne|dnia|od|do)\s)(?<d>0?[1-9]|[12][0-9]|3[01])\.\s?(?<m>0?[1-9]|1[0-2])\.(?![0-9])" +
        @"|^[\t ]{0,4}(?:(?i:update|stand|aktualisiert|aktualisierung|nachtrag):?\s)?(?<d>0?[1-9]|[12][0-9]|3[01])\.(?<m>0?[1-9]|1[0-2])\.(?<y>[0-9]{2})(?=\s[-–—]\s)")]
    private static partial Regex DayMonthPattern();

    /// <summary>The first such date in <paramref name="text"/>, or null.</summary>
    public static WrittenDate? Find(string text)
    {
        if (!MayHold(text) || DayMonthPattern().Match(text) is not { Success: true } m)
        {
            return null;
        }

        var month = int.Parse(m.Groups["m"].ValueSpan, provider: null);
        var day = int.Parse(m.Groups["d"].ValueSpan, provider: null);
        if (!m.Groups["y"].Success)
        {
            return new WrittenDate(null, (month, day), null, false);
        }

        var year = 2000 + int.Parse(m.Groups["y"].ValueSpan, provider: null);
        return day <= CalendarSystem.Iso.GetDaysInMonth(year, month) ? new WrittenDate(new LocalDate(year, month, day), null, null, false) : null;
    }

    // A digit, a dot and (after at most one space) another digit: the cheap test before the pattern.
    private static bool MayHold(string text)
    {
        for (var i = text.IndexOf('.', 1); i > 0 && i + 1 < text.Length; i = text.IndexOf('.', i + 1))
        {
            if (char.IsAsciiDigit(text[i - 1]) && (char.IsAsciiDigit(text[i + 1]) || (text[i + 1] == ' ' && i + 2 < text.Length && char.IsAsciiDigit(text[i + 2]))))
            {
                return true;
            }
        }

        return false;
    }
}
