using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Ingest.Exports;

/// <summary>What one export gave: its events (inside the window, curated), the diagnostics, and the counts.</summary>
/// <param name="Format">The detected format, e.g. <c>pagerduty-log-entries</c>; null when none was recognised.</param>
/// <param name="Events">Timeline events in file order.</param>
/// <param name="Diagnostics">Problems and notes, with positions.</param>
/// <param name="Records">Records read.</param>
/// <param name="OutsideWindow">Events left out for being outside the window.</param>
/// <param name="LeftOut">Chat messages left out by curation.</param>
/// <param name="Noise">Join/leave notices, deleted, hidden and empty messages dropped (even with --all).</param>
public sealed record ExportResult(string? Format, IReadOnlyList<TimelineEvent> Events, IReadOnlyList<Diagnostic> Diagnostics, long Records, int OutsideWindow, int LeftOut, int Noise)
{
    /// <summary>True when any diagnostic is an error (the export was not read).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
