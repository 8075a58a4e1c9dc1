using NodaTime;

namespace Postmortem.Ingest.Notes;

/// <summary>A zone written beside a time: an abbreviation, an offset, or <c>Z</c>.</summary>
/// <param name="Written">The text as written.</param>
/// <param name="Kind">What sort of zone reference it is.</param>
/// <param name="Zone">The zone to use; null for ambiguous abbreviations.</param>
/// <param name="Region">For fixed standard/daylight abbreviations, the region whose season is checked.</param>
/// <param name="Meanings">For ambiguous abbreviations, what it can mean.</param>
public sealed record ZoneToken(string Written, ZoneTokenKind Kind, DateTimeZone? Zone, DateTimeZone? Region, string? Meanings);
