using Postmortem.Analysis.Lint;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Prose;

namespace Postmortem.Analysis.Actions;

/// <summary>The action-item checks of seed steps 5 and 6, as rules with stable ids (docs/lint-rules.md).</summary>
internal static class ActionRules
{
    private static readonly ProseContext[] Actions = [ProseContext.Action];

    /// <summary>Every action item gets an owner.</summary>
    public static readonly LintRule Owner = new("PM1101", "action-owner", DiagnosticSeverity.Warning,
        "action {0} has no owner", "Name the team or role that owns it: no orphan items", Actions);

    /// <summary>Every action item gets a due date.</summary>
    public static readonly LintRule Due = new("PM1102", "action-due", DiagnosticSeverity.Warning,
        "action {0} has no due date", "Give it a date; the action item review is two weeks after the postmortem", Actions);

    /// <summary>Incident action items say whether they prevent, detect, mitigate or improve process.</summary>
    public static readonly LintRule Type = new("PM1103", "action-type", DiagnosticSeverity.Warning,
        "action {0} has no type", "Set Prevent, Detect, Mitigate or Process: it decides the action's leverage", Actions);

    /// <summary>A due date on or before the postmortem is a mistake.</summary>
    public static readonly LintRule DueAfterPostmortem = new("PM1104", "action-due-date", DiagnosticSeverity.Warning,
        "action {0} is due on {1}, not after the postmortem date {2}", "Give it a date after the review", Actions);

    /// <summary>"Improve monitoring" names no metric, threshold, alert or artefact.</summary>
    public static readonly LintRule Vague = new("PM1105", "action-vague", DiagnosticSeverity.Warning,
        "action {0} is vague: '{1}'", "What does it mean concretely? Name the metric, threshold, alert, runbook or artefact", Actions);

    /// <summary>One action per item.</summary>
    public static readonly LintRule Compound = new("PM1106", "action-compound", DiagnosticSeverity.Info,
        "action {0} holds more than one action", "Split it so each part gets its own owner and date", Actions);

    /// <summary>The same action twice.</summary>
    public static readonly LintRule Duplicate = new("PM1107", "action-duplicate", DiagnosticSeverity.Warning,
        "action {0} repeats action {1}", "Merge them", Actions);

    /// <summary>Every contributing factor is addressed by an action or accepted as a risk.</summary>
    public static readonly LintRule FactorCovered = new("PM1108", "factor-uncovered", DiagnosticSeverity.Warning,
        "contributing factor {0} has no action{1}", "Link an action to it ('factors: [id]') or accept the risk ('acceptedRisk: true')", Actions);

    /// <summary>An open action breaks one of the team's <c>actionPolicies</c>.</summary>
    public static readonly LintRule Policy = new("PM1109", "action-policy", DiagnosticSeverity.Warning,
        "action {0} breaks a team policy: {1}", "Meet the policy (.postmortem.yml, actionPolicies), or settle with the team why this action is the exception", Actions);

    /// <summary>All action rules.</summary>
    public static IReadOnlyList<LintRule> All { get; } = [Owner, Due, Type, DueAfterPostmortem, Vague, Compound, Duplicate, FactorCovered, Policy];
}
