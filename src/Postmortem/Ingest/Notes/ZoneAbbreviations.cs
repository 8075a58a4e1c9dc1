using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

/// <summary>
/// The zone abbreviations and declarations that incident notes use, mapped to NodaTime zones.
/// </summary>
/// <remarks>
/// Generic labels (ET, PT, CT, MT) follow daylight saving through their IANA region. Specific labels
/// (EST, EDT, CET, BST …) are the fixed offsets they name; the extractor warns when one is written for a
/// date in the other season. IST and CST have several common meanings and take the configured zone.
/// See docs/notes-format.md, "Time zones".
/// </remarks>
public static partial class ZoneAbbreviations
{
    private static readonly char[] Parentheses = ['(', ')'];

    // Abbreviation → (kind, IANA id or offset in minutes, region for season checks, meanings). Each entry reads its
    // zones from the time-zone database when first looked up: reading all of them cost ≈ 1.5 ms of every start-up.
    private static readonly Dictionary<string, Lazy<ZoneToken>> Table = Build();

    /// <summary>Generic display labels for regions that have one.</summary>
    private static readonly Dictionary<string, string> RegionLabels = new(StringComparer.Ordinal)
    {
        ["America/New_York"] = "ET",
        ["America/Chicago"] = "CT",
        ["America/Denver"] = "MT",
        ["America/Los_Angeles"] = "PT",
    };

    /// <summary>Every abbreviation the table knows (for documentation and tests).</summary>
    public static IReadOnlyCollection<string> Known => Table.Keys;

    /// <summary>Looks up a zone written beside a time: an abbreviation, <c>Z</c>, <c>UTC+2</c>, <c>+05:30</c>, or an IANA id.</summary>
    public static ZoneToken? Lookup(string written)
    {
        var text = written.Trim().Trim(Parentheses);
        if (Table.TryGetValue(text, out var token) || (text.EndsWith(" time", StringComparison.OrdinalIgnoreCase) && Table.TryGetValue(RegionTime(text), out token)))
        {
            return token.Value.Written == text ? token.Value : token.Value with { Written = text };
        }

        var offset = OffsetPattern().Match(text);
        if (offset.Success)
        {
            var sign = offset.Groups["sign"].Value == "-" ? -1 : 1;
            var hours = int.Parse(offset.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = offset.Groups["m"].Success ? int.Parse(offset.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 18 || minutes > 59)
            {
                return null;
            }

            var zone = DateTimeZone.ForOffset(Offset.FromSeconds(sign * ((hours * 3600) + (minutes * 60))));
            return new ZoneToken(text, ZoneTokenKind.Fixed, zone, null, null);
        }

        if (text.Contains('/', StringComparison.Ordinal) && TzdbZones.GetZoneOrNull(text) is { } region)
        {
            return new ZoneToken(text, ZoneTokenKind.Region, region, null, null);
        }

        return null;
    }

    // "New Zealand Time", "eastern time", "nz TIME": a region's name before "time" in any case, as the table spells it.
    private static string RegionTime(string text)
    {
        var name = text[..^5].Trim();
        return name.ToUpperInvariant() switch
        {
            "UK" or "NZ" => name.ToUpperInvariant() + " time",
            "NEW ZEALAND" => "New Zealand time",
            var upper => string.Concat(upper[..1], upper[1..].ToLowerInvariant(), " time"),
        };
    }

    /// <summary>A zone named by a user (incident file, --tz, --zone, interview): an IANA id, or an unambiguous abbreviation or offset.</summary>
    public static DateTimeZone? ResolveZone(string name)
    {
        var text = name.Trim();
        return TzdbZones.GetZoneOrNull(text) ?? Lookup(text)?.Zone;
    }

    /// <summary>Looks up a zone as a declaration may name it: also accepts "Eastern", "Pacific", and IANA ids.</summary>
    public static ZoneToken? LookupDeclared(string written)
    {
        var word = written.Trim();
        var generic = word.ToLowerInvariant() switch
        {
            "eastern" => "ET",
            "central" => "CT",
            "mountain" => "MT",
            "pacific" => "PT",
            _ => null,
        };
        return Lookup(generic ?? word);
    }

    /// <summary>The label to show beside a time displayed in <paramref name="zone"/>: ET for New York, else the zone's own abbreviation.</summary>
    public static string DisplayLabel(DateTimeZone zone, Instant instant)
    {
        if (RegionLabels.TryGetValue(zone.Id, out var label))
        {
            return label;
        }

        if (zone.Id is "UTC" or "Etc/UTC" or "Etc/GMT")
        {
            return "UTC";
        }

        var name = zone.GetZoneInterval(instant).Name;
        return string.IsNullOrEmpty(name) || name.StartsWith('+') || name.StartsWith('-') ? zone.Id : name;
    }

    private static Dictionary<string, Lazy<ZoneToken>> Build()
    {
        var table = new Dictionary<string, Lazy<ZoneToken>>(StringComparer.Ordinal);
        void Add(string abbr, Func<ZoneToken> token) => table[abbr] = new Lazy<ZoneToken>(token);
        void Region(string abbr, string id) =>
            Add(abbr, () => new ZoneToken(abbr, ZoneTokenKind.Region, TzdbZones.Get(id), null, null));
        void Fixed(string abbr, int minutes, string? region) =>
            Add(abbr, () => new ZoneToken(abbr, ZoneTokenKind.Fixed, DateTimeZone.ForOffset(Offset.FromSeconds(minutes * 60)),
                region is null ? null : TzdbZones.Get(region), null));
        void Ambiguous(string abbr, string meanings) =>
            Add(abbr, () => new ZoneToken(abbr, ZoneTokenKind.Ambiguous, null, null, meanings));

        foreach (var utc in new[] { "UTC", "GMT", "Z", "UT" })
        {
            Add(utc, () => new ZoneToken(utc, ZoneTokenKind.Fixed, DateTimeZone.Utc, null, null));
        }

        Region("ET", "America/New_York");
        Region("CT", "America/Chicago");
        Region("MT", "America/Denver");
        Region("PT", "America/Los_Angeles");
        Region("UK time", "Europe/London"); // "10.30 AM UK time": GMT in winter, BST in summer.
        // "about 4pm NZ time", "after 7 p.m. Eastern time": a country's or a US region's name before "time" is its civil time, the
        // offset of the season by the date.
        Region("NZ time", "Pacific/Auckland");
        Region("New Zealand time", "Pacific/Auckland");
        foreach (var (name, id) in new[] { ("Eastern", "America/New_York"), ("Central", "America/Chicago"), ("Mountain", "America/Denver"), ("Pacific", "America/Los_Angeles") })
        {
            Region(name + " time", id);
        }

        Fixed("EST", -5 * 60, "America/New_York");
        Fixed("EDT", -4 * 60, "America/New_York");
        Fixed("CDT", -5 * 60, "America/Chicago");
        Fixed("MST", -7 * 60, "America/Denver");
        Fixed("MDT", -6 * 60, "America/Denver");
        Fixed("PST", -8 * 60, "America/Los_Angeles");
        Fixed("PDT", -7 * 60, "America/Los_Angeles");
        Fixed("AKST", -9 * 60, "America/Anchorage");
        Fixed("AKDT", -8 * 60, "America/Anchorage");
        Fixed("HST", -10 * 60, null);
        Fixed("WET", 0, "Europe/Lisbon");
        Fixed("WEST", 60, "Europe/Lisbon");
        Fixed("BST", 60, "Europe/London");
        Fixed("CET", 60, "Europe/Paris");
        Fixed("CEST", 2 * 60, "Europe/Paris");
        Fixed("EET", 2 * 60, "Europe/Athens");
        Fixed("EEST", 3 * 60, "Europe/Athens");
        Fixed("MSK", 3 * 60, null);
        // Israel Daylight Time: unambiguous, unlike its winter "IST" (status pages of Israeli firms stamp "15:23 IDT").
        Fixed("IDT", 3 * 60, "Asia/Jerusalem");
        Fixed("SGT", 8 * 60, null);
        Fixed("HKT", 8 * 60, null);
        Fixed("AWST", 8 * 60, null);
        Fixed("JST", 9 * 60, null);
        Fixed("KST", 9 * 60, null);
        Fixed("ACST", (9 * 60) + 30, "Australia/Adelaide");
        Fixed("ACDT", (10 * 60) + 30, "Australia/Adelaide");
        Fixed("AEST", 10 * 60, "Australia/Sydney");
        Fixed("AEDT", 11 * 60, "Australia/Sydney");
        Fixed("NZST", 12 * 60, "Pacific/Auckland");
        Fixed("NZDT", 13 * 60, "Pacific/Auckland");
        Ambiguous("CST", "US Central Standard UTC-6, China Standard UTC+8, Cuba Standard UTC-5");
        Ambiguous("IST", "India UTC+5:30, Irish Standard UTC+1, Israel Standard UTC+2");
        Ambiguous("AST", "Atlantic Standard UTC-4, Arabia Standard UTC+3");
        return table;
    }

    [GeneratedRegex(@"^(?:UTC|GMT)?(?<sign>[+-])(?<h>\d{1,2})(?::?(?<m>\d{2}))?$")]
    private static partial Regex OffsetPattern();
}
