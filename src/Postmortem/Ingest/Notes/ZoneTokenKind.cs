namespace Postmortem.Ingest.Notes;

/// <summary>The sorts of zone references that notes contain.</summary>
public enum ZoneTokenKind
{
    /// <summary>A region whose offset follows daylight saving (ET, PT, an IANA id).</summary>
    Region,

    /// <summary>A fixed offset (EST, EDT, UTC, +02:00).</summary>
    Fixed,

    /// <summary>An abbreviation with several meanings (IST, CST).</summary>
    Ambiguous,
}
