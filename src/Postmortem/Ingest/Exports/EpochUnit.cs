namespace Postmortem.Ingest.Exports;

/// <summary>The unit of an epoch number: the one a tool documents for a field, or told by the number's size when unknown.</summary>
public enum EpochUnit
{
    /// <summary>Unknown: told by the number of digits (docs/exports.md).</summary>
    BySize,

    /// <summary>Seconds, with an optional fraction (Slack's <c>ts</c>, Datadog's <c>date_happened</c>).</summary>
    Seconds,

    /// <summary>Milliseconds (Opsgenie's <c>createdAt</c>, Datadog webhooks).</summary>
    Milliseconds,

    /// <summary>Microseconds.</summary>
    Microseconds,

    /// <summary>Nanoseconds (Opsgenie's <c>updatedAt</c>).</summary>
    Nanoseconds,
}
