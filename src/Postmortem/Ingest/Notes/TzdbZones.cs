using System.Collections.Concurrent;
using NodaTime;
using NodaTime.TimeZones;

namespace Postmortem.Ingest.Notes;

/// <summary>
/// The time-zone database's zones by id, as <see cref="DateTimeZoneProviders.Tzdb"/> gives them, without that provider's cache
/// where the database holds the id: the provider sorts and enters all of its ≈ 600 ids at its first use (1.1 M instructions,
/// a twentieth of what an AOT <c>draft</c> of Meridian does besides start-up) where a run names one or two zones. Any other id
/// (a fixed <c>UTC+05:30</c>, an unknown word) is asked of the provider itself, so that the answers are the provider's.
/// </summary>
internal static class TzdbZones
{
    private static readonly ConcurrentDictionary<string, DateTimeZone> Zones = new(StringComparer.Ordinal);

    /// <summary>The zone of <paramref name="id"/>, or null, as <c>DateTimeZoneProviders.Tzdb.GetZoneOrNull</c> answers.</summary>
    public static DateTimeZone? GetZoneOrNull(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var source = TzdbDateTimeZoneSource.Default;
        return source.CanonicalIdMap.ContainsKey(id)
            ? Zones.GetOrAdd(id, static (i, s) => s.ForId(i), source)
            : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
    }

    /// <summary>The zone of <paramref name="id"/>, as <c>DateTimeZoneProviders.Tzdb[id]</c> answers.</summary>
    public static DateTimeZone Get(string id) => GetZoneOrNull(id) ?? DateTimeZoneProviders.Tzdb[id];
}
