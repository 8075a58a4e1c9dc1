namespace Postmortem.Model;

/// <summary>
/// A team rule for action items (<c>actionPolicies</c> in <c>.postmortem.yml</c>), e.g. "Prevent and Detect actions of
/// SEV-1 and SEV-2 are due within 28 days of the incident" or "no action without an owner". It applies to open actions
/// whose postmortem's severity and whose type are among those named (all, when none are named).
/// </summary>
public sealed record ActionPolicy
{
    /// <summary>How findings name the policy.</summary>
    public required string Name { get; init; }

    /// <summary>Severity levels it applies to (<c>SEV-1</c>); empty: every severity.</summary>
    public IReadOnlyList<string> Severities { get; init; } = [];

    /// <summary>Action types it applies to; empty: every type.</summary>
    public IReadOnlyList<ActionType> Types { get; init; } = [];

    /// <summary>The action must be due within this many days of the incident's date.</summary>
    public int? DueWithinDays { get; init; }

    /// <summary>The action must name an owner.</summary>
    public bool RequireOwner { get; init; }

    /// <summary>The action must have a due date.</summary>
    public bool RequireDue { get; init; }
}
