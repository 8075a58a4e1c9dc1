namespace Postmortem.Ingest.Exports.Json;

/// <summary>An export that is not what its reader expects; carries the 1-based position of the problem (0 when about the whole file).</summary>
public sealed class ExportFormatException(string message, int line, int column) : Exception(message)
{
    /// <summary>Wraps a diagnostic that says more than "malformed" (a missing channel, a CSV without a time column).</summary>
    public ExportFormatException(Postmortem.Diagnostics.Diagnostic diagnostic)
        : this(diagnostic.Message, diagnostic.Line, diagnostic.Column) => Diagnostic = diagnostic;

    /// <summary>The specific diagnostic, when there is one.</summary>
    public Postmortem.Diagnostics.Diagnostic? Diagnostic { get; }

    /// <summary>1-based line, or 0.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column, or 0.</summary>
    public int Column { get; } = column;
}
