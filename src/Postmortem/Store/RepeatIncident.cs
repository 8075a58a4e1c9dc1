namespace Postmortem.Store;

/// <summary>"Fixed, and it came back": a later incident that matches an earlier one whose actions were all closed, at least one done.</summary>
/// <param name="Earlier">The incident whose actions were closed.</param>
/// <param name="Later">The incident that came after it.</param>
/// <param name="Services">The services both affected.</param>
/// <param name="FactorGroups">The numbers of the recurring-factor groups both have a factor in.</param>
/// <param name="EarlierActions">How many actions the earlier incident had (all closed).</param>
/// <param name="EarlierDone">How many of them were done (the rest were not done by decision).</param>
public sealed record RepeatIncident(IncidentRef Earlier, IncidentRef Later, IReadOnlyList<string> Services, IReadOnlyList<int> FactorGroups, int EarlierActions, int EarlierDone);
