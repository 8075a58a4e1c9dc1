namespace Postmortem.Diagnostics;

/// <summary>Diagnostics of adding items to a source document (the review meeting's outcome): PM0920–PM0939.</summary>
public static partial class DiagnosticCatalog
{
    /// <summary>New factors or actions cannot be added to the document where a person would write them.</summary>
    public static Diagnostic AdditionNotPossible(string file, int line, int column, string why) =>
        new("PM0920", DiagnosticSeverity.Error, $"cannot add the meeting's factors and actions to this file: {why}; nothing was written, add them by hand", file, line, column);

    /// <summary>The document, with the additions, would not read back with them; nothing is written.</summary>
    public static Diagnostic AdditionWouldBreak(string file, string why) =>
        new("PM0921", DiagnosticSeverity.Error, $"the meeting's additions were not written: read back, the file {why}", file, 0, 0);
}
