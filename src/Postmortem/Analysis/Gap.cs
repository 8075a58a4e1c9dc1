namespace Postmortem.Analysis;

/// <summary>A measured interval between two key timestamps.</summary>
/// <param name="Name">Stable id such as <c>detection-to-escalation</c>.</param>
/// <param name="Label">Words for the document ("Detection to escalation").</param>
/// <param name="Minutes">Whole minutes (negative when the order is wrong), or null when either end is unknown.</param>
/// <param name="From">Key timestamp the gap starts at.</param>
/// <param name="To">Key timestamp the gap ends at.</param>
public sealed record Gap(string Name, string Label, long? Minutes, KeyTimestamp? From, KeyTimestamp? To);
