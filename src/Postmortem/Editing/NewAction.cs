using NodaTime;
using Postmortem.Model;

namespace Postmortem.Editing;

/// <summary>An action item to add to a source document (the review meeting's outcome), with its minted id.</summary>
/// <param name="Id">A minted id (<see cref="ActionId.New"/>), so that trackers and browsers can refer to it at once.</param>
/// <param name="Text">The action.</param>
/// <param name="Type">Prevent, detect, mitigate or process.</param>
/// <param name="Owner">The team or role that owns it.</param>
/// <param name="Due">Its due date.</param>
/// <param name="Effort">small, medium or large, when the team gave one.</param>
public sealed record NewAction(string Id, string Text, ActionType Type, string Owner, LocalDate Due, string? Effort)
{
    /// <summary>Ids of contributing factors the document has already that this action addresses.</summary>
    public IReadOnlyList<string> Factors { get; init; } = [];

    /// <summary>Factors added in the same call that this action addresses (their ids are the ones the document will give them).</summary>
    public IReadOnlyList<NewFactor> NewFactors { get; init; } = [];
}
