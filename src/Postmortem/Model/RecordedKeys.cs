using NodaTime;

namespace Postmortem.Model;

/// <summary>One key timestamp as a Markdown record's front matter states it (<c>keys:</c>, docs/format.md).</summary>
/// <param name="Time">The instant; null when the record says there was none (<c>none</c>).</param>
/// <param name="Ordinal">Which timeline row at that instant (1 = the first), when several share it.</param>
/// <param name="Line">1-based line of the value in the source file.</param>
/// <param name="Column">1-based column of the value in the source file.</param>
public sealed record RecordedKey(Instant? Time, int Ordinal, int Line, int Column);

/// <summary>
/// The key timestamps a drafted record was written with: they are facts of the record, not computed again, so that
/// reading an unmodified document and rendering it gives the same bytes. A key left out is computed from the timeline.
/// </summary>
public sealed record RecordedKeys
{
    /// <summary>Impact start.</summary>
    public RecordedKey? ImpactStart { get; init; }

    /// <summary>Detection.</summary>
    public RecordedKey? Detection { get; init; }

    /// <summary>How detection happened (<c>automated alert</c>, <c>page</c>, <c>engineer noticed</c>, <c>communication</c>, <c>customer report</c>).</summary>
    public string? DetectionMethod { get; init; }

    /// <summary>The first customer report.</summary>
    public RecordedKey? FirstCustomerReport { get; init; }

    /// <summary>Escalation.</summary>
    public RecordedKey? Escalation { get; init; }

    /// <summary>Mitigation.</summary>
    public RecordedKey? Mitigation { get; init; }

    /// <summary>Resolution.</summary>
    public RecordedKey? Resolution { get; init; }

    /// <summary>Communication.</summary>
    public RecordedKey? Communication { get; init; }
}
