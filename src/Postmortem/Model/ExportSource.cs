namespace Postmortem.Model;

/// <summary>An export named in the incident file's <c>sources</c> (docs/format.md).</summary>
/// <param name="Path">The export, relative to the incident file (a file, or a Slack export folder).</param>
/// <param name="Channels">Slack channels to read; empty: all.</param>
/// <param name="All">Keep every chat message, not only the curated ones.</param>
/// <param name="Markers">Reactions that mark a chat message as part of the timeline; null: the default (pushpin).</param>
/// <param name="Columns">CSV columns by field (time, event, source, actor, kind).</param>
/// <param name="Line">1-based line of the entry in the incident file.</param>
/// <param name="Column">1-based column of the entry.</param>
public sealed record ExportSource(string Path, IReadOnlyList<string> Channels, bool All, IReadOnlyList<string>? Markers,
    IReadOnlyDictionary<string, string> Columns, int Line, int Column);
