namespace Postmortem.Analysis.Factors;

/// <summary>The settings of factor grouping (docs/metrics.md, recurring factors), tuned on the train split of the labelled pairs only.</summary>
/// <param name="Version">Named in every stats output; a change to any setting or to <see cref="FactorText"/> is a new version.</param>
/// <param name="WordWeight">The share of the stem cosine in the similarity; the rest is the character n-gram cosine.</param>
/// <param name="Threshold">Two factors are the same cause when their similarity is at least this.</param>
/// <param name="GramLength">The length of the character n-grams, taken over the stems joined by spaces.</param>
public sealed record FactorMethod(string Version, double WordWeight, double Threshold, int GramLength)
{
    /// <summary>The method stats uses.</summary>
    public static FactorMethod Current { get; } = new("1", 0.25, 0.10, 4);
}
