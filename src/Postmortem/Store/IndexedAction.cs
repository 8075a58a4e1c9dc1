using NodaTime;

namespace Postmortem.Store;

/// <summary>One action item as the index holds it, with the postmortem it belongs to.</summary>
/// <param name="Path">The postmortem file, relative to the store's base folder.</param>
/// <param name="Title">The postmortem's title.</param>
/// <param name="Id">The action's id in its postmortem.</param>
/// <param name="Action">What is to be done.</param>
/// <param name="Type">prevent, detect, mitigate or process, when given.</param>
/// <param name="Owner">Who owns it, when given.</param>
/// <param name="Due">Its due date, when given.</param>
/// <param name="Status">The status as written in the file.</param>
/// <param name="State">open, done or not-doing.</param>
/// <param name="Line">Its line in the file.</param>
public sealed record IndexedAction(string Path, string? Title, string Id, string Action, string? Type, string? Owner, LocalDate? Due, string Status, string State, int Line)
{
    /// <summary>Open and due before <paramref name="asOf"/>.</summary>
    public bool IsOverdue(LocalDate asOf) => State == Model.ActionStatus.Open && Due is { } due && due < asOf;
}
