namespace Postmortem.Analysis;

/// <summary>Team settings that shape the analysis (from .postmortem.yml).</summary>
public sealed record AnalysisOptions
{
    /// <summary>Silences longer than this many minutes are flagged when nobody says otherwise.</summary>
    public const int DefaultSilenceThresholdMinutes = 15;

    /// <summary>The severity scale.</summary>
    public SeverityScale Scale { get; init; } = SeverityScale.Default;

    /// <summary>The kind lexicon.</summary>
    public KindLexicon Lexicon { get; init; } = KindLexicon.Default;

    /// <summary>Silence threshold when the incident file sets none.</summary>
    public int? SilenceThresholdMinutes { get; init; }

    /// <summary>True to analyse the timeline only (no severity): the <c>timeline</c> command.</summary>
    public bool TimelineOnly { get; init; }

    /// <summary>Blameless-lint settings.</summary>
    public Lint.LintOptions Lint { get; init; } = new();

    /// <summary>Events of one kind from two inputs this close together are one event (docs/exports.md).</summary>
    public NodaTime.Duration MergeTolerance { get; init; } = TimelineMerger.DefaultTolerance;

    /// <summary>Retro cadence in days when the incident file sets none.</summary>
    public int? RetroCadenceDays { get; init; }

    /// <summary>The index store the team's <c>.postmortem.yml</c> names (<c>store:</c>, docs/cli.md), as written; null for the default.</summary>
    public string? Store { get; init; }

    /// <summary>The team's rules for action items (<c>actionPolicies</c>), checked by <c>check</c> and <c>actions</c>.</summary>
    public IReadOnlyList<Model.ActionPolicy> ActionPolicies { get; init; } = [];
    /// <summary>The <c>tracker:</c> section (<c>sync</c>, docs/trackers.md); null when the file has none.</summary>
    public Model.TrackerSettings? Tracker { get; init; }
}
