using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Ingest.Yaml;

/// <summary>A document read from an incident file, or null when errors prevent it, with every diagnostic.</summary>
/// <param name="Document">The document; null when the file could not be read into one.</param>
/// <param name="Diagnostics">Findings with positions.</param>
public sealed record ReadResult(PostmortemDocument? Document, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
