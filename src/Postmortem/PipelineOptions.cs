using Postmortem.Analysis;

namespace Postmortem;

/// <summary>How <see cref="Postmortems"/> reads its inputs and which team settings it analyses with.</summary>
public sealed record PipelineOptions
{
    /// <summary>The team configuration file; null: the nearest <c>.postmortem.yml</c> at or above the input's folder, if any.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Team settings to use as given, instead of reading <see cref="ConfigFile"/> (a host that keeps its own).</summary>
    public AnalysisOptions? Analysis { get; init; }

    /// <summary>Folders and files an incident file's notesFiles and sources may read although they lie outside its folder and git repository.</summary>
    public IReadOnlyList<string> AllowOutside { get; init; } = [];

    /// <summary>Told the export being read and the bytes read so far, now and then.</summary>
    public Action<string, long>? Progress { get; init; }
}
