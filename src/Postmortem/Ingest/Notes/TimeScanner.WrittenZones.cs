namespace Postmortem.Ingest.Notes;

// Zones written out in words after a clock ("6PM Pacific Daylight Time", "11 p.m. US-Central Time", "4pm nz time", "1:32 pm
// Pacific,"): read by hand after the clock matcher, so that the matcher does not grow (NotesPatternSizeTests).
public static partial class TimeScanner
{
    // A zone's name written out, in lower case, and the zone token it stands for (ZoneAbbreviations.Lookup). "Central Standard
    // Time" is the US one, a fixed UTC-6: the abbreviation CST is ambiguous, the name is not.
    private static readonly Dictionary<string, string> WrittenZoneNames = new(StringComparer.Ordinal)
    {
        ["eastern standard time"] = "EST", ["eastern daylight time"] = "EDT",
        ["central standard time"] = "UTC-6", ["central daylight time"] = "CDT",
        ["mountain standard time"] = "MST", ["mountain daylight time"] = "MDT",
        ["pacific standard time"] = "PST", ["pacific daylight time"] = "PDT",
        ["alaska standard time"] = "AKST", ["alaska daylight time"] = "AKDT",
        ["hawaii standard time"] = "HST", ["hawaii-aleutian standard time"] = "HST",
        ["eastern time"] = "ET", ["central time"] = "CT", ["mountain time"] = "MT", ["pacific time"] = "PT",
        ["eastern"] = "ET", ["central"] = "CT", ["mountain"] = "MT", ["pacific"] = "PT",
        ["nz time"] = "NZ time", ["new zealand time"] = "NZ time", ["uk time"] = "UK time",
        ["new zealand standard time"] = "NZST", ["new zealand daylight time"] = "NZDT",
        ["greenwich mean time"] = "GMT", ["coordinated universal time"] = "UTC", ["universal time"] = "UTC",
        ["british summer time"] = "BST", ["western european time"] = "WET", ["western european summer time"] = "WEST",
        ["central european time"] = "CET", ["central european summer time"] = "CEST",
        ["eastern european time"] = "EET", ["eastern european summer time"] = "EEST",
        ["moscow time"] = "MSK", ["moscow standard time"] = "MSK", ["israel daylight time"] = "IDT", ["india standard time"] = "UTC+5:30",
        ["singapore time"] = "SGT", ["singapore standard time"] = "SGT", ["hong kong time"] = "HKT",
        ["japan standard time"] = "JST", ["korea standard time"] = "KST",
        ["australian eastern standard time"] = "AEST", ["australian eastern daylight time"] = "AEDT",
        ["australian central standard time"] = "ACST", ["australian central daylight time"] = "ACDT",
        ["australian western standard time"] = "AWST",
    };

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> WrittenZoneNamesBySpan = WrittenZoneNames.GetAlternateLookup<ReadOnlySpan<char>>();

    // The first words of the names: past a first word that begins none, no longer name can match (docs/benchmarks.md, twenty-first
    // session: the word after most clocks is no zone's).
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WrittenZoneFirstWords =
        WrittenZoneNames.Keys.Select(k => k.Split(' ')[0]).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A zone written out after a clock that ends at <paramref name="end"/> ("Pacific Daylight Time", "US-Central Time", "nz time"):
    /// the longest name of <see cref="WrittenZoneNames"/> of up to five words, read case-blind, a "US-" or "US " before it
    /// dropped. A bare US region ("1:32 pm Pacific") only before punctuation or the line's end, so that "10:00 Central Station"
    /// is no zone. Bounded: at most 48 characters are read.
    /// </summary>
    internal static bool TryReadWrittenZone(string text, int end, out string zone, out int zoneEnd)
    {
        zone = string.Empty;
        zoneEnd = end;
        if (end + 3 >= text.Length || text[end] != ' ' || !char.IsAsciiLetter(text[end + 1]))
        {
            return false;
        }

        var stop = Math.Min(text.Length, end + 1 + 48);
        Span<char> key = stackalloc char[48];
        var length = 0;
        var i = end + 1;
        if (i + 3 < stop && (text[i] is 'U' or 'u') && (text[i + 1] is 'S' or 's') && text[i + 2] is '-' or ' ')
        {
            i += 3;
        }

        for (var words = 0; words < 5 && i < stop; words++)
        {
            var start = i;
            while (i < stop && (char.IsAsciiLetter(text[i]) || (text[i] == '-' && i > start)))
            {
                i++;
            }

            if (i == start || length + (i - start) + 1 > key.Length)
            {
                break;
            }

            if (words == 0 && IndonesianZone(text.AsSpan(start, i - start)) is { } indonesian)
            {
                // "pukul 16.45 WIB": Indonesia's zones, written in capitals (Western, Central and Eastern Indonesia Time).
                zone = indonesian;
                zoneEnd = i;
                return true;
            }

            if (length > 0)
            {
                key[length++] = ' ';
            }

            length += text.AsSpan(start, i - start).ToLowerInvariant(key[length..]);
            if (words == 0 && !WrittenZoneFirstWords.Contains(key[..length]))
            {
                break;
            }

            if (WrittenZoneNamesBySpan.TryGetValue(key[..length], out var found) && (words > 0 || BareRegionEnds(text, i)))
            {
                zone = found;
                zoneEnd = i;
            }

            if (i >= stop || text[i] != ' ')
            {
                break;
            }

            i++;
        }

        return zoneEnd > end;
    }

    private static string? IndonesianZone(ReadOnlySpan<char> word) =>
        word.SequenceEqual("WIB") ? "UTC+7" : word.SequenceEqual("WITA") ? "UTC+8" : word.SequenceEqual("WIT") ? "UTC+9" : null;

    // After a bare region's name: the text's end, a line's end or punctuation ("11:22 a.m. Pacific]", "1:32 pm Pacific, so").
    private static bool BareRegionEnds(string text, int i) => i == text.Length || text[i] is ',' or '.' or ';' or ':' or ')' or ']' or '!' or '?' or '\n' or '\r';
}
