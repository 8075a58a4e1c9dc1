namespace Postmortem.Ingest.Exports.Json;

/// <summary>An export that is not what its reader expects; carries the 1-based position of the problem (0 when about the whole file).</summary>
public sealed class ExportFormatException(string message, int line, int column) : Exception(message)
{
    /// <summary>1-based line, or 0.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column, or 0.</summary>
    public int Column { get; } = column;
}
