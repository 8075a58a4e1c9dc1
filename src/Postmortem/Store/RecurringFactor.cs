namespace Postmortem.Store;

/// <summary>Contributing factors of two or more incidents that name the same cause (docs/metrics.md, recurring factors).</summary>
/// <param name="Number">The group's number in this report (1 = most incidents), by which repeat incidents refer to it.</param>
/// <param name="Label">The member most like the others, as written.</param>
/// <param name="Terms">The stems most members share: why they were grouped.</param>
/// <param name="Occurrences">Each factor of the group with its incident, oldest incident first.</param>
public sealed record RecurringFactor(int Number, string Label, IReadOnlyList<string> Terms, IReadOnlyList<FactorOccurrence> Occurrences)
{
    /// <summary>How many distinct incidents the group spans.</summary>
    public int Incidents => Occurrences.Select(o => o.Incident.Path).Distinct(StringComparer.Ordinal).Count();
}
