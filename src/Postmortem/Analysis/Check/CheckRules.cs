using Postmortem.Analysis.Lint;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Prose;

namespace Postmortem.Analysis.Check;

/// <summary>Template completeness rules of <c>postmortem check</c> (docs/lint-rules.md).</summary>
internal static class CheckRules
{
    private static readonly ProseContext[] Document = [ProseContext.Narrative];

    /// <summary>A section of the seed template is missing.</summary>
    public static readonly LintRule SectionMissing = new("PM1201", "section-missing", DiagnosticSeverity.Warning,
        "section '{0}' is missing", "Every section of the template is part of the record", Document);

    /// <summary>A section still holds a placeholder.</summary>
    public static readonly LintRule SectionPlaceholder = new("PM1202", "section-placeholder", DiagnosticSeverity.Warning,
        "section '{0}' is still a placeholder", "Fill it in during the review", Document);

    /// <summary>A key timestamp is unknown.</summary>
    public static readonly LintRule KeyTimestamp = new("PM1203", "key-timestamp", DiagnosticSeverity.Warning,
        "key timestamp '{0}' is unknown: {1}", "Add the event to the timeline (notes or events) so it can be measured", Document);

    /// <summary>What text would settle each unknown key timestamp (the argument of <see cref="KeyTimestamp"/>).</summary>
    public static string Settle(string key) => key switch
    {
        "detection" => "no alert, page or engineer noticing is in the timeline; a timed line such as 'alert fired on the error rate' would settle it",
        "escalation" => "nobody beyond the first responder is seen joining; a timed line such as 'database team paged in' would settle it",
        "mitigation" => "no event says the bleeding stopped; a timed line such as 'rolled back the deploy' would settle it",
        "resolution" => "no event says impact ended; a timed line such as 'error rate back to normal, confirmed stable' would settle it",
        "communication" => "no update to customers or stakeholders is in the timeline; a timed line such as 'status page updated: investigating' would settle it",
        _ => "add the event that marks it",
    };

    /// <summary>The follow-up schedule cannot be set.</summary>
    public static readonly LintRule FollowUp = new("PM1204", "follow-up", DiagnosticSeverity.Warning,
        "the follow-up schedule is incomplete: {0}", "Set the postmortem date (and the team's retro cadence)", Document);

    /// <summary>All completeness rules.</summary>
    public static IReadOnlyList<LintRule> All { get; } = [SectionMissing, SectionPlaceholder, KeyTimestamp, FollowUp];
}
