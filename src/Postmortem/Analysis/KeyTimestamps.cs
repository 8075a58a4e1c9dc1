namespace Postmortem.Analysis;

/// <summary>The key timestamps of seed step 2. Null means unknown: the inputs do not say.</summary>
public sealed record KeyTimestamps
{
    /// <summary>First impact observation or customer report, else detection.</summary>
    public KeyTimestamp? ImpactStart { get; init; }

    /// <summary>When we first knew: first alert or page, else the team noticing, else a customer report.</summary>
    public KeyTimestamp? Detection { get; init; }

    /// <summary>How detection happened: <c>automated alert</c>, <c>page</c>, <c>engineer noticed</c>, <c>communication</c> or <c>customer report</c>.</summary>
    public string? DetectionMethod { get; init; }

    /// <summary>The first customer report, when there was one.</summary>
    public KeyTimestamp? FirstCustomerReport { get; init; }

    /// <summary>When the right people got involved.</summary>
    public KeyTimestamp? Escalation { get; init; }

    /// <summary>When the bleeding stopped.</summary>
    public KeyTimestamp? Mitigation { get; init; }

    /// <summary>When the fix was confirmed.</summary>
    public KeyTimestamp? Resolution { get; init; }

    /// <summary>When customers or stakeholders were first told.</summary>
    public KeyTimestamp? Communication { get; init; }
}
