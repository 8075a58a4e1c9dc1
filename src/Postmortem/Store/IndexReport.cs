using Postmortem.Diagnostics;

namespace Postmortem.Store;

/// <summary>What an index run did.</summary>
/// <param name="Added">Files indexed for the first time.</param>
/// <param name="Updated">Files re-read because they or an input they name changed.</param>
/// <param name="Unchanged">Files whose content hash and inputs were as before (not re-read).</param>
/// <param name="Removed">Files no longer there, dropped from the index.</param>
/// <param name="Diagnostics">The diagnostics of each file read in this run, by path relative to the store's base folder.</param>
public sealed record IndexReport(int Added, int Updated, int Unchanged, int Removed, IReadOnlyList<KeyValuePair<string, IReadOnlyList<Diagnostic>>> Diagnostics);
