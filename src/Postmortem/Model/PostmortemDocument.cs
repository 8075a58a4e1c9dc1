using NodaTime;

namespace Postmortem.Model;

/// <summary>Everything known about one postmortem before analysis: what the inputs say.</summary>
public sealed record PostmortemDocument
{
    /// <summary>The file this document was read from.</summary>
    public required string SourceFile { get; init; }

    /// <summary>The postmortem's stable id (<c>id:</c>, written by <c>new</c>), by which a store, a tracker or a browser refers to it; null when the file has none.</summary>
    public string? Id { get; init; }

    /// <summary>Incident or project.</summary>
    public required PostmortemType Type { get; init; }

    /// <summary>Incident title or project name.</summary>
    public required string Title { get; init; }

    /// <summary>Date of the incident, which anchors times written without a date.</summary>
    public LocalDate? Date { get; init; }

    /// <summary>The zone for times that carry none, and the display zone.</summary>
    public required DateTimeZone TimeZone { get; init; }

    /// <summary>Who wrote the postmortem.</summary>
    public string? Author { get; init; }

    /// <summary>When the review happened.</summary>
    public LocalDate? PostmortemDate { get; init; }

    /// <summary>Severity written in the file (e.g. SEV-2), if any.</summary>
    public string? Severity { get; init; }

    /// <summary>Where <see cref="Severity"/> was written (line, column), for diagnostics.</summary>
    public (int Line, int Column) SeverityPosition { get; init; }

    /// <summary>2–3 sentence summary, when written.</summary>
    public string? Summary { get; init; }

    /// <summary>The services the incident affected (<c>services:</c>), as the team names them; empty when not given. Stats groups and finds repeats by them.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Impact facts.</summary>
    public Impact Impact { get; init; } = new();

    /// <summary>What fixed it.</summary>
    public string? Resolution { get; init; }

    /// <summary>Team context and roster.</summary>
    public Team Team { get; init; } = new();

    /// <summary>Timeline events from notes and structured entries, in input order.</summary>
    public IReadOnlyList<TimelineEvent> Events { get; init; } = [];

    /// <summary>Exports to read into the timeline (incident file 'sources').</summary>
    public IReadOnlyList<ExportSource> Sources { get; init; } = [];

    /// <summary>The window exports are read for (incident file 'window'); null: derived from the notes.</summary>
    public IncidentWindow? Window { get; init; }

    /// <summary>Contributing factors.</summary>
    public IReadOnlyList<ContributingFactor> Factors { get; init; } = [];

    /// <summary>Detection-and-response assessment rows given in the file.</summary>
    public IReadOnlyList<AssessmentRow> Assessment { get; init; } = [];

    /// <summary>What went well.</summary>
    public IReadOnlyList<string> WentWell { get; init; } = [];

    /// <summary>Action items.</summary>
    public IReadOnlyList<ActionItem> Actions { get; init; } = [];

    /// <summary>Silent stretches longer than this are flagged (minutes); null takes the team's or the default.</summary>
    public int? SilenceThresholdMinutes { get; init; }

    /// <summary>Key timestamps a Markdown record states in its front matter (they win over the computed ones); null: all computed.</summary>
    public RecordedKeys? RecordedKeys { get; init; }

    /// <summary>Project-mode parts; null for incidents.</summary>
    public ProjectDetails? Project { get; init; }
}
