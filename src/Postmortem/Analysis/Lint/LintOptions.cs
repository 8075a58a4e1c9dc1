using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Analysis.Lint;

/// <summary>How the linter runs: rule severities, allowed phrases, the roster and the failing level.</summary>
public sealed record LintOptions
{
    /// <summary>Severity per rule id, overriding the defaults; null switches the rule off.</summary>
    public IReadOnlyDictionary<string, DiagnosticSeverity?> Severities { get; init; } = new Dictionary<string, DiagnosticSeverity?>();

    /// <summary>Phrases never reported, whatever rule they would trigger ("just-in-time", "should have fired at 75%").</summary>
    public IReadOnlyList<string> Allowed { get; init; } = [];

    /// <summary>Person → role, for names in narrative and for <c>--fix</c>.</summary>
    public IReadOnlyList<TeamMember> Roster { get; init; } = [];

    /// <summary>Findings at or above this level make <c>lint</c> exit 1.</summary>
    public DiagnosticSeverity FailOn { get; init; } = DiagnosticSeverity.Warning;

    /// <summary>The severity a rule runs at; null when it is switched off.</summary>
    public DiagnosticSeverity? SeverityOf(LintRule rule) => Severities.TryGetValue(rule.Id, out var s) ? s : rule.DefaultSeverity;
}
