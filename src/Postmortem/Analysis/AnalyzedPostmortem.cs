using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Analysis;

/// <summary>A postmortem with everything the analyses derived from it.</summary>
public sealed record AnalyzedPostmortem
{
    /// <summary>What the inputs say.</summary>
    public required PostmortemDocument Document { get; init; }

    /// <summary>Classified events sorted by time.</summary>
    public required IReadOnlyList<TimelineEvent> Timeline { get; init; }

    /// <summary>Key timestamps.</summary>
    public required KeyTimestamps Keys { get; init; }

    /// <summary>Gaps between key timestamps.</summary>
    public required IReadOnlyList<Gap> Gaps { get; init; }

    /// <summary>Silent stretches in the impact window.</summary>
    public required IReadOnlyList<SilentStretch> Silences { get; init; }

    /// <summary>Minutes from impact start to resolution, or null when either is unknown.</summary>
    public long? DurationMinutes { get; init; }

    /// <summary>Severity (incident mode), or null when it cannot be classified.</summary>
    public SeverityAssessment? Severity { get; init; }

    /// <summary>Follow-up schedule.</summary>
    public required FollowUpSchedule FollowUp { get; init; }

    /// <summary>Everything the reading and analysis had to say.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The incident's day in its own zone: impact start's date, else the date the file gives.</summary>
    public NodaTime.LocalDate? IncidentDate => Keys.ImpactStart is { } start ? start.Time.InZone(Document.TimeZone).Date : Document.Date;
}
