namespace Postmortem.Analysis.Factors;

/// <summary>Factors judged to be one cause: indexes into the texts that were grouped.</summary>
/// <param name="Members">The texts in the group, in input order.</param>
/// <param name="Medoid">The member most like the others (highest mean similarity; the first on a tie): the group's label.</param>
/// <param name="Terms">The stems most members share, most shared first (at most five): why they were grouped.</param>
public sealed record FactorCluster(IReadOnlyList<int> Members, int Medoid, IReadOnlyList<string> Terms);
