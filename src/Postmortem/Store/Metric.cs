namespace Postmortem.Store;

/// <summary>One response-time metric: the minutes from one key timestamp to another.</summary>
/// <param name="Name">"time to detect", …</param>
/// <param name="From">The key it starts at (a column of the index).</param>
/// <param name="To">The key it ends at.</param>
public sealed record Metric(string Name, string From, string To);
