namespace Postmortem.Editing;

/// <summary>A contributing factor to add to a source document (the review meeting's outcome).</summary>
/// <param name="Category">process, technical, human or organizational.</param>
/// <param name="Text">The factor as the team wrote it.</param>
public sealed record NewFactor(string Category, string Text);
