using Postmortem.Analysis.Lint;

namespace Postmortem.Analysis.Check;

/// <summary>Template completeness rules of <c>postmortem check</c> (docs/lint-rules.md).</summary>
public static class CheckRules
{
    private static readonly ProseContext[] Document = [ProseContext.Narrative];

    /// <summary>A section of the seed template is missing.</summary>
    public static readonly LintRule SectionMissing = new("PM1201", "section-missing", LintSeverity.Warning,
        "section '{0}' is missing", "Every section of the template is part of the record", Document);

    /// <summary>A section still holds a placeholder.</summary>
    public static readonly LintRule SectionPlaceholder = new("PM1202", "section-placeholder", LintSeverity.Warning,
        "section '{0}' is still a placeholder", "Fill it in during the review", Document);

    /// <summary>A key timestamp is unknown.</summary>
    public static readonly LintRule KeyTimestamp = new("PM1203", "key-timestamp", LintSeverity.Warning,
        "key timestamp '{0}' is unknown", "Add the event to the timeline (notes or events) so it can be measured", Document);

    /// <summary>The follow-up schedule cannot be set.</summary>
    public static readonly LintRule FollowUp = new("PM1204", "follow-up", LintSeverity.Warning,
        "the follow-up schedule is incomplete: {0}", "Set the postmortem date (and the team's retro cadence)", Document);

    /// <summary>All completeness rules.</summary>
    public static IReadOnlyList<LintRule> All { get; } = [SectionMissing, SectionPlaceholder, KeyTimestamp, FollowUp];
}
