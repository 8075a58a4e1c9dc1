namespace Postmortem.Model;

/// <summary>The values of <see cref="TimelineEvent.KindRule"/> that are not lexicon phrases.</summary>
internal static class KindRules
{
    /// <summary>The kind was written in the input.</summary>
    public const string Explicit = "explicit";

    /// <summary>Not classified yet: the lexicon decides.</summary>
    public const string Unclassified = "unclassified";

    /// <summary>Prefix of kinds an export reader mapped from the tool's own record type, e.g. <c>export: pagerduty trigger_log_entry</c>.</summary>
    public const string Export = "export: ";

    /// <summary>True when the kind is settled by the input and the lexicon must not override it.</summary>
    public static bool IsFixed(string rule) => rule == Explicit || rule.StartsWith(Export, StringComparison.Ordinal);
}
