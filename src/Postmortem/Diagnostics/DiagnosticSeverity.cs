namespace Postmortem.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Something worth knowing; the result is complete.</summary>
    Info,

    /// <summary>The result was produced, but part of it rests on an assumption.</summary>
    Warning,

    /// <summary>The input is wrong; no document is produced from it.</summary>
    Error,
}
