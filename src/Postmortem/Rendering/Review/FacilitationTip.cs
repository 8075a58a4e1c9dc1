namespace Postmortem.Rendering.Review;

/// <summary>A facilitation tip of seed step 6, and the finding that called for it.</summary>
/// <param name="Tip">What the facilitator says.</param>
/// <param name="Rule">The lint rule (or action check) that found it.</param>
/// <param name="Finding">The finding's message, about the words that were typed.</param>
public sealed record FacilitationTip(string Tip, string Rule, string Finding);
