namespace Postmortem.Model;

/// <summary>One row of a project postmortem's goals-vs-outcomes table.</summary>
/// <param name="Name">The goal.</param>
/// <param name="Target">Success criteria.</param>
/// <param name="Actual">What happened.</param>
/// <param name="Assessment">Met, Partially met or Not met.</param>
public sealed record Goal(string Name, string? Target, string? Actual, string? Assessment);
