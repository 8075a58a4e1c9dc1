using NodaTime;

namespace Postmortem.Store;

/// <summary>One postmortem as the index holds it: what a list of postmortems shows.</summary>
/// <param name="Path">The file, relative to the store's base folder (forward slashes).</param>
/// <param name="PostmortemId">Its id, when it has one.</param>
/// <param name="Kind">incident or project, when the file could be read.</param>
/// <param name="Title">Its title, when the file could be read.</param>
/// <param name="IncidentDate">The incident's date, when known.</param>
/// <param name="Severity">The severity level, when known.</param>
/// <param name="Errors">How many error diagnostics the last index run found in it.</param>
/// <param name="OpenActions">Its open action items.</param>
/// <param name="Actions">All its action items.</param>
public sealed record IndexedDocument(string Path, string? PostmortemId, string? Kind, string? Title, LocalDate? IncidentDate, string? Severity, int Errors, int OpenActions, int Actions)
{
    /// <summary>The team that owns it, when the file names one.</summary>
    public string? Team { get; init; }

    /// <summary>The services it affected, as the file lists them.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];
}
