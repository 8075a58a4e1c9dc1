using Postmortem.Analysis;
using Postmortem.Diagnostics;

namespace Postmortem.Store;

/// <summary>What reading and analysing one file gave: the postmortem (null when it could not be read) and its diagnostics.</summary>
/// <param name="Postmortem">The analysed postmortem, or null.</param>
/// <param name="Diagnostics">Everything reported about the file.</param>
public sealed record IndexedRead(AnalyzedPostmortem? Postmortem, IReadOnlyList<Diagnostic> Diagnostics);
