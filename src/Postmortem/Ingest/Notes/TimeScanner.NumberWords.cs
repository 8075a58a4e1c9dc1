using System.Text.RegularExpressions;

namespace Postmortem.Ingest.Notes;

// Hours written as number words after a word that says "o'clock" or "at", as news and notices in several languages write them
// (session 31): Danish, Norwegian and Swedish "i morges klokken fire" (this morning at four), "litt etter klokka åtte", "Klockan sju
// på fredagsmorgonen", "Strax efter tiotiden på kvällen" (just after ten o'clock time in the evening), "Lidt i seks lørdag morgen"
// (a little before six); Czech ordinal hours "po desáté hodině" (after the tenth hour), "sobotní jedenáctá hodina dopoledne";
// Filipino hours after "alas" ("naibalik ng alas diyes ng gabi", restored by ten at night; "alas-4 ng hapon"). A number word
// alone ("to", "ni", "tre", "dos") is a word; only the lead word before it, or "-tiden" fused to it, makes it an hour. A part of
// the day written after the hour in its sentence says its half: evening, afternoon or night words put 1 to 11 (night: 6 to 11) in
// the afternoon half; morning words and none leave it as written. Filipino "ng hapon" / "ng gabi" / "ng umaga" after a digit clock
// say the same, as Arabic "مساء" does (ReadWrittenHalves). Patterns of fixed words (linear), run only on text holding a lead word.
public static partial class TimeScanner
{
    internal static readonly WordSearch NumberWordLeads = new("klokk", "klockan", "kl. ", "tiden", "lidt i ", "lidt over ", "hodin", "alas");

    // The Nordic number words, one to twelve (Danish, Norwegian, Swedish spellings), and the Czech ordinals' stems.
    private static readonly Dictionary<string, int> NordicHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = 1, ["ett"] = 1, ["ei"] = 1, ["to"] = 2, ["två"] = 2, ["tre"] = 3, ["fire"] = 4, ["fyra"] = 4, ["fem"] = 5,
        ["seks"] = 6, ["sex"] = 6, ["syv"] = 7, ["sju"] = 7, ["otte"] = 8, ["åtte"] = 8, ["åtta"] = 8, ["ni"] = 9, ["nio"] = 9,
        ["ti"] = 10, ["tio"] = 10, ["elleve"] = 11, ["elva"] = 11, ["tolv"] = 12,
    };

    private static readonly Dictionary<string, int> CzechOrdinalHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["první"] = 1, ["druh"] = 2, ["třetí"] = 3, ["čtvrt"] = 4, ["pát"] = 5, ["šest"] = 6, ["sedm"] = 7, ["osm"] = 8,
        ["devát"] = 9, ["desát"] = 10, ["jedenáct"] = 11, ["dvanáct"] = 12,
    };

    private static readonly Dictionary<string, int> FilipinoHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["una"] = 1, ["dos"] = 2, ["tres"] = 3, ["kuwatro"] = 4, ["kwatro"] = 4, ["singko"] = 5, ["sinko"] = 5, ["sais"] = 6,
        ["siyete"] = 7, ["syete"] = 7, ["otso"] = 8, ["nuwebe"] = 9, ["diyes"] = 10, ["dyes"] = 10, ["onse"] = 11, ["dose"] = 12,
    };

    [GeneratedRegex(@"(?<=(?<!\p{L})(?i:klokken|klokka|klockan|kl\.|lidt\si|lidt\sover)\s)(?<nordic>(?i:en|ett|ei|to|två|tre|fire|fyra|fem|seks|sex|syv|sju|otte|åtte|åtta|ni|nio|ti|tio|elleve|elva|tolv))(?!\p{L}|-?[0-9])" +
        @"|(?<!\p{L})(?<nordic>(?i:ett|två|tre|fyra|fire|fem|sex|seks|sju|syv|åtta|åtte|otte|nio|tio|elva|elleve|tolv))(?<tiden>tiden)(?!\p{L})" +
        @"|(?<!\p{L})(?<czech>(?i:první|třetí|(?:druh|čtvrt|pát|šest|sedm|osm|devát|desát|jedenáct|dvanáct)(?:é|á|ou)))\s(?i:hodin[aěyu]|hodinou)(?!\p{L})" +
        @"|(?<=(?<!\p{L})(?i:alas)[\s-])(?<filipino>(?i:una|dos|tres|kuwatro|kwatro|singko|sinko|sais|siyete|syete|otso|nuwebe|diyes|dyes|onse|dose))(?!\p{L})" +
        // "alas-2", "alas-4 ng hapon": a digit hour only after "alas" and a hyphen ("alas 3 servers" is English).
        @"|(?<=(?<!\p{L})(?i:alas)-)(?<digits>1[0-2]|[1-9])(?![0-9]|[:.][0-9]|\p{L})")]
    private static partial Regex NumberWordHourPattern();

    // The words after the hour (in its sentence, at most 48 characters on) that put it in the afternoon half, and those of the night.
    private static readonly WordSearch EveningAfterHour = new("kväll", "kveld", "aften", "middag", "odpoledne", "večer", "ng hapon", "ng gabi");

    private static readonly WordSearch NightAfterHour = new("natt", " nat", "i nat");

    private static void AddNumberWordHours(string text, List<TimeExpression> results)
    {
        if (!NumberWordLeads.In(text))
        {
            return;
        }

        foreach (Match m in NumberWordHourPattern().Matches(text))
        {
            var hour = HourOf(m);
            if (hour == 0)
            {
                continue;
            }

            var after = text.AsSpan(m.Index + m.Length, Math.Min(48, text.Length - (m.Index + m.Length)));
            var stop = after.IndexOfAny(".!?\n");
            after = stop >= 0 ? after[..stop] : after;
            var filipino = m.Groups["filipino"].Success || m.Groups["digits"].Success;
            if (filipino)
            {
                hour = FilipinoHalf(after.TrimStart(' '), hour);
            }
            else if (hour <= 11 && EveningAfterHour.In(after))
            {
                hour += 12;
            }
            else if (hour is >= 6 and <= 11 && NightAfterHour.In(after))
            {
                hour += 12;
            }

            results.Add(new TimeExpression
            {
                Index = m.Index,
                Length = m.Length,
                Raw = m.Value,
                Time = new NodaTime.LocalTime(hour % 24, 0),
                Approximate = m.Groups["tiden"].Success,
            });
        }
    }

    private static int HourOf(Match m)
    {
        if (m.Groups["nordic"].Success)
        {
            return NordicHours.GetValueOrDefault(m.Groups["nordic"].Value);
        }

        if (m.Groups["filipino"].Success)
        {
            return FilipinoHours.GetValueOrDefault(m.Groups["filipino"].Value);
        }

        if (m.Groups["digits"].Success)
        {
            return int.Parse(m.Groups["digits"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        }

        var ordinal = m.Groups["czech"].Value;
        var stem = ordinal is "první" or "třetí" ? ordinal
            : ordinal.EndsWith("ou", StringComparison.OrdinalIgnoreCase) ? ordinal[..^2] : ordinal[..^1];
        return CzechOrdinalHours.GetValueOrDefault(stem);
    }

    // "ng umaga" (in the morning), "ng madaling araw" (at dawn): as written, twelve is midnight; "ng tanghali" (at midday): as
    // written; "ng hapon" (in the afternoon) 1 to 11 and "ng gabi" (at night) 6 to 11 in the afternoon half, twelve at night and
    // "ng hatinggabi" (at midnight) twelve is midnight. No part of the day: as written.
    private static int FilipinoHalf(ReadOnlySpan<char> after, int hour)
    {
        if (!after.StartsWith("ng ", StringComparison.OrdinalIgnoreCase))
        {
            return hour;
        }

        var part = after[3..];
        if (part.StartsWith("hapon", StringComparison.OrdinalIgnoreCase))
        {
            return hour <= 11 ? hour + 12 : hour;
        }

        if (part.StartsWith("gabi", StringComparison.OrdinalIgnoreCase))
        {
            return hour is >= 6 and <= 11 ? hour + 12 : hour == 12 ? 0 : hour;
        }

        if (part.StartsWith("hatinggabi", StringComparison.OrdinalIgnoreCase) || part.StartsWith("umaga", StringComparison.OrdinalIgnoreCase)
            || part.StartsWith("madaling", StringComparison.OrdinalIgnoreCase))
        {
            return hour == 12 ? 0 : hour;
        }

        return hour;
    }

    // The words after a clock that say its half of the day, looked for only in text holding one: Filipino "ng hapon", Arabic "مساء".
    internal static readonly WordSearch HalfAfterClockWords = new(" ng ", "مساء", "صباح", "ليلا", "ليلاً");

    // "Mula 9:00-9:15 ng umaga at pagitan ng 3:01-3:30 ng hapon", "mula 11:45 ng gabi … hanggang 12:01 ng hatinggabi" (Filipino),
    // "من الساعة 11:00 مساء الخميس" (Arabic, at 11:00 in the evening on Thursday), "3:00 صباح الجمعة" (3:00 on Friday morning): a
    // digit clock (or span) without a meridiem, right before a word for a part of the day, is in the half the word says (HalfAfter);
    // both ends of a span. Runs over the clocks already read.
    private static void ReadWrittenHalves(string text, List<TimeExpression> results)
    {
        for (var i = 0; i < results.Count; i++)
        {
            var t = results[i];
            var at = t.Index + t.Length;
            if (t.IsoOffset is not null || t.MeridiemIgnored || HasMeridiem(t.Raw) || at + 3 > text.Length || text[at] != ' '
                || !char.IsAsciiDigit(t.Raw[^1]))
            {
                continue;
            }

            var after = text.AsSpan(at + 1);
            var hour = HalfAfter(after, t.Time.Hour);
            if (hour == t.Time.Hour)
            {
                continue;
            }

            var end = t.EndTime is { } e ? e.PlusHours(HalfAfter(after, e.Hour) - e.Hour) : (NodaTime.LocalTime?)null;
            results[i] = t with { Time = t.Time.PlusHours(hour - t.Time.Hour), EndTime = end };
        }
    }

    // Arabic "مساء"/"مساءً" (in the evening) 1 to 11 in the afternoon half, "ليلا" (at night) 6 to 11; "صباح"/"صباحا" (in the morning)
    // as written, twelve being midnight; Filipino words by FilipinoHalf.
    private static int HalfAfter(ReadOnlySpan<char> after, int hour)
    {
        if (after.StartsWith("مساء", StringComparison.Ordinal))
        {
            return hour is >= 1 and <= 11 ? hour + 12 : hour;
        }

        if (after.StartsWith("ليلا", StringComparison.Ordinal))
        {
            return hour is >= 6 and <= 11 ? hour + 12 : hour;
        }

        if (after.StartsWith("صباح", StringComparison.Ordinal))
        {
            return hour == 12 ? 0 : hour;
        }

        return FilipinoHalf(after, hour);
    }
}
