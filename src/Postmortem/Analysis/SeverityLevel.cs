namespace Postmortem.Analysis;

/// <summary>One level of a severity scale.</summary>
/// <param name="Level">Short name such as SEV-1.</param>
/// <param name="Label">Word such as Critical.</param>
/// <param name="Definition">What the level means, as the scale defines it.</param>
/// <param name="When">Conditions, any one of which qualifies an incident for this level.</param>
public sealed record SeverityLevel(string Level, string Label, string Definition, IReadOnlyList<SeverityCondition> When);
