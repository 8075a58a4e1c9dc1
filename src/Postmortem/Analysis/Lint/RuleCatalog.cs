namespace Postmortem.Analysis.Lint;

/// <summary>Every rule of <c>lint</c> and <c>check</c>, for configuration, suppressions and SARIF.</summary>
internal static class RuleCatalog
{
    /// <summary>All rules in id order.</summary>
    public static IReadOnlyList<LintRule> All { get; } =
        [.. LintRules.All, .. Actions.ActionRules.All, .. Check.CheckRules.All];

    /// <summary>Finds a rule by id or name (case-insensitive).</summary>
    public static LintRule? Find(string idOrName) =>
        All.FirstOrDefault(r => r.Id.Equals(idOrName.Trim(), StringComparison.OrdinalIgnoreCase) || r.Name.Equals(idOrName.Trim(), StringComparison.OrdinalIgnoreCase));
}
