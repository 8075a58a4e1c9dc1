namespace Postmortem.Model;

/// <summary>Where an event came from, so that every row of a timeline can be traced to its input.</summary>
/// <param name="File">Input file (or <c>&lt;stdin&gt;</c>).</param>
/// <param name="Line">1-based line of the time expression or record.</param>
/// <param name="Column">1-based column of the time expression, or 1.</param>
/// <param name="RawText">The input text the event was read from, verbatim.</param>
public sealed record Provenance(string File, int Line, int Column, string RawText);
