namespace Postmortem.Diagnostics;

/// <summary>A finding about the input with a stable code and a 1-based position.</summary>
/// <param name="Code">Stable identifier such as <c>PM0003</c>.</param>
/// <param name="Severity">How serious the finding is.</param>
/// <param name="Message">Human-readable explanation.</param>
/// <param name="File">File the finding refers to, or a pseudo name such as <c>&lt;stdin&gt;</c>.</param>
/// <param name="Line">1-based line, or 0 when the finding is about the whole file.</param>
/// <param name="Column">1-based column, or 0 when the finding is about the whole line or file.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, string File, int Line, int Column)
{
    /// <summary>Formats the diagnostic as <c>file(line,col): severity CODE: message</c>, the MSBuild convention.</summary>
    public override string ToString()
    {
        var position = Line > 0 ? $"({Line},{Math.Max(Column, 1)})" : string.Empty;
        return $"{File}{position}: {SeverityWord(Severity)} {Code}: {Message}";
    }

    /// <summary>Lower-case word for a severity as printed by compilers.</summary>
    public static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
