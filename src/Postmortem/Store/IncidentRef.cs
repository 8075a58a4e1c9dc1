namespace Postmortem.Store;

/// <summary>An indexed incident as the stats report names it.</summary>
/// <param name="Path">The file, relative to the index's base folder.</param>
/// <param name="Id">The postmortem's id, when the file has one.</param>
/// <param name="Title">The title.</param>
/// <param name="Date">The incident date (yyyy-MM-dd), when known.</param>
public sealed record IncidentRef(string Path, string? Id, string? Title, string? Date);
