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
/// <param name="Note">Why the status is what it is, when given.</param>
/// <param name="Tracker">The tracker issue (URL or key) that follows it, when linked.</param>
/// <param name="PostmortemId">The postmortem's id, when it has one.</param>
/// <param name="Severity">The postmortem's severity level, when known.</param>
/// <param name="IncidentDate">The incident's date, when known.</param>
/// <param name="StateSince">When the index saw the state become what it is; null when it has been so since the file was first indexed.</param>
public sealed record IndexedAction(string Path, string? Title, string Id, string Action, string? Type, string? Owner, LocalDate? Due, string Status, string State, int Line,
    string? Note = null, string? Tracker = null, string? PostmortemId = null, string? Severity = null, LocalDate? IncidentDate = null, Instant? StateSince = null)
{
    /// <summary>How <c>actions set</c> names this action: its id when minted (unique on its own), else the file and the id (<c>path#id</c>).</summary>
    public string Reference => Model.ActionId.IsMinted(Id) ? Id : $"{Path}#{Id}";

    /// <summary>Open and due before <paramref name="asOf"/>.</summary>
    public bool IsOverdue(LocalDate asOf) => State == Model.ActionStatus.Open && Due is { } due && due < asOf;
}
