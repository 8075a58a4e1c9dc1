using Postmortem.Diagnostics;
using Postmortem.Ingest.Prose;

namespace Postmortem.Analysis.Lint;

/// <summary>One blameless-writing rule.</summary>
/// <param name="Id">Stable id (PM1001 …), used in config, suppressions and SARIF.</param>
/// <param name="Name">Readable name (counterfactual …), accepted wherever the id is.</param>
/// <param name="DefaultSeverity">Severity unless the config says otherwise.</param>
/// <param name="Message">What the finding says.</param>
/// <param name="Suggestion">How to rewrite it.</param>
/// <param name="Applies">The contexts the rule reads.</param>
public sealed record LintRule(string Id, string Name, DiagnosticSeverity DefaultSeverity, string Message, string Suggestion, IReadOnlyList<ProseContext> Applies);
