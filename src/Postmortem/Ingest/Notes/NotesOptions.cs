using NodaTime;

namespace Postmortem.Ingest.Notes;

/// <summary>What the extractor needs besides the text.</summary>
public sealed record NotesOptions
{
    /// <summary>File name for provenance and diagnostics.</summary>
    public required string File { get; init; }

    /// <summary>The date for times written without one (the incident date or --date).</summary>
    public LocalDate? AnchorDate { get; init; }

    /// <summary>The zone for times written without one and not declared (the incident file's timeZone or --tz).</summary>
    public required DateTimeZone DefaultZone { get; init; }

    /// <summary>The first line number of the text within <see cref="File"/> (for notes embedded in YAML).</summary>
    public int FirstLine { get; init; } = 1;

    /// <summary>Column added to positions on every line (indentation of a YAML block scalar).</summary>
    public int ColumnOffset { get; init; }

    /// <summary>
    /// Applied to each event once nothing later in the notes can change it (the analysis's enrichment, issue 9: a million
    /// events are classified while young instead of copied once all are read); null leaves them as read.
    /// </summary>
    internal Func<Postmortem.Model.TimelineEvent, Postmortem.Model.TimelineEvent>? Finish { get; init; }
}
