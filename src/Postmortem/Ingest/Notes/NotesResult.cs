using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Ingest.Notes;

/// <summary>The events read from raw notes and what the extractor had to say about them.</summary>
/// <param name="Events">Events in the order they were written; kinds are not yet classified.</param>
/// <param name="Diagnostics">Findings with positions.</param>
public sealed record NotesResult(IReadOnlyList<TimelineEvent> Events, IReadOnlyList<Diagnostic> Diagnostics);
