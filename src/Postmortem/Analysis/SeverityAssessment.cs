namespace Postmortem.Analysis;

/// <summary>The severity of an incident and why.</summary>
/// <param name="Level">SEV-1 …, or a team's own level name.</param>
/// <param name="Label">Critical, Major, …</param>
/// <param name="Rationale">A sentence naming the definition and the facts that decided it.</param>
/// <param name="Rule">The condition that matched, or <c>explicit</c>.</param>
/// <param name="Scale">The scale used.</param>
public sealed record SeverityAssessment(string Level, string Label, string Rationale, string Rule, string Scale);
