namespace Postmortem.Model;

/// <summary>The values of <see cref="TimelineEvent.KindRule"/> that are not lexicon phrases.</summary>
internal static class KindRules
{
    /// <summary>The kind was written in the input.</summary>
    public const string Explicit = "explicit";

    /// <summary>Not classified yet: the lexicon decides.</summary>
    public const string Unclassified = "unclassified";

    /// <summary>A time a chat message looks forward to ("ETA 10:45"): a moment still to come when it was said, of no kind.</summary>
    public const string Forecast = "forecast";

    /// <summary>Prefix of kinds an export reader mapped from the tool's own record type, e.g. <c>export: pagerduty trigger_log_entry</c>.</summary>
    public const string Export = "export: ";

    /// <summary>True when the kind is settled by the input and the lexicon must not override it.</summary>
    public static bool IsFixed(string rule) => rule is Explicit or Forecast || rule.StartsWith(Export, StringComparison.Ordinal);
}
