namespace Postmortem.Store;

/// <summary>One contributing factor of a recurring group, in the incident that wrote it.</summary>
/// <param name="Incident">The incident.</param>
/// <param name="Category">process, technical, human or organizational.</param>
/// <param name="Text">The factor as written.</param>
public sealed record FactorOccurrence(IncidentRef Incident, string Category, string Text);
