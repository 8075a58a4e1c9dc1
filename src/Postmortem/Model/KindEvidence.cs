namespace Postmortem.Model;

/// <summary>
/// One piece of evidence that a timeline event is of a kind: the phrase or column that says so, where it was
/// found, and how strong it is. An event can carry several kinds ("status page updated to resolved" is a
/// communication and a resolution); <see cref="TimelineEvent.Kind"/> is the strongest.
/// </summary>
/// <param name="Kind">The kind this evidence supports.</param>
/// <param name="Phrase">The words that gave it, as written (lower case).</param>
/// <param name="Origin">Where it was found: <c>explicit</c>, <c>status</c> (a table's status column or a status-page label), <c>text</c>.</param>
/// <param name="Strength">1 for explicit and status evidence, less for a phrase in running text.</param>
public sealed record KindEvidence(EventKind Kind, string Phrase, string Origin, double Strength);
