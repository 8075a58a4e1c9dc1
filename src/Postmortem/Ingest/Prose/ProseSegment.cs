namespace Postmortem.Ingest.Prose;

/// <summary>A run of prose on one line of a file, with the position of its first character.</summary>
/// <param name="Text">The prose (quotes and code already removed).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column of <paramref name="Text"/>'s first character.</param>
/// <param name="Offset">Offset of the first character in the file's text, for fixes.</param>
/// <param name="Context">Narrative or action item.</param>
public sealed record ProseSegment(string Text, int Line, int Column, int Offset, ProseContext Context);
