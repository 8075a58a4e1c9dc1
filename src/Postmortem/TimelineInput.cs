using NodaTime;

namespace Postmortem;

/// <summary>What a timeline is reconstructed from when there is no incident file: raw notes and/or exports.</summary>
public sealed record TimelineInput
{
    /// <summary>The name shown for the notes in provenance and diagnostics (a path, <c>&lt;stdin&gt;</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The notes' text, when the host has read it (standard input, a form field).</summary>
    public string? NotesText { get; init; }

    /// <summary>A notes file to read when <see cref="NotesText"/> is null; neither means exports only.</summary>
    public string? NotesFile { get; init; }

    /// <summary>Date for times written without one.</summary>
    public LocalDate? Date { get; init; }

    /// <summary>Zone for times written without one.</summary>
    public DateTimeZone Zone { get; init; } = DateTimeZone.Utc;

    /// <summary>Exports to merge in.</summary>
    public IReadOnlyList<Model.ExportSource> Exports { get; init; } = [];

    /// <summary>Window start; null: the notes' first event minus the margin.</summary>
    public Instant? From { get; init; }

    /// <summary>Window end; null: the notes' last event plus the margin.</summary>
    public Instant? To { get; init; }
}
