using Postmortem.Diagnostics;

namespace Postmortem.Trackers;

/// <summary>
/// An issue tracker as <c>sync</c> sees it: list the issues it made, create one, move one to a state. GitHub and Jira
/// implement it; Linear or GitLab would be one more class and one more case in <see cref="TrackerFactory"/>, with the
/// sync (<see cref="SyncEngine"/>) unchanged. Failures are diagnostics (PM0704–PM0710), never exceptions.
/// </summary>
public interface ITracker : IDisposable
{
    /// <summary>The name used in the sync state and in messages: <c>github</c>, <c>jira</c>.</summary>
    string Name { get; }

    /// <summary>How long a just-created issue may take to show in <see cref="ListAsync"/> (Jira's search is eventually
    /// consistent); <see cref="FindAsync"/> is asked again over this window before a started create is repeated.</summary>
    TimeSpan ListingLag { get; }

    /// <summary>Every issue this tool created (found by its marker), open and closed, across all pages; pull requests left out.</summary>
    Task<Result<IReadOnlyList<RemoteIssue>>> ListAsync(CancellationToken cancellation);

    /// <summary>The issue of one action, or a result without value and without error when there is none.</summary>
    Task<Result<RemoteIssue>> FindAsync(string actionId, CancellationToken cancellation);

    /// <summary>Creates the issue of one action, with its marker.</summary>
    Task<Result<RemoteIssue>> CreateAsync(IssueDraft draft, CancellationToken cancellation);

    /// <summary>Moves the issue to <paramref name="state"/> (<see cref="Model.ActionStatus"/> words).</summary>
    Task<Result<RemoteIssue>> SetStateAsync(RemoteIssue issue, string state, CancellationToken cancellation);
}

/// <summary>An issue in a tracker that follows an action.</summary>
/// <param name="ActionId">The action id its marker names.</param>
/// <param name="Key">Its short name: <c>#42</c>, <c>OPS-7</c>.</param>
/// <param name="Url">Its web address (what is written into the postmortem).</param>
/// <param name="State">open, done or not-doing (<see cref="Model.ActionStatus"/>).</param>
/// <param name="ApiId">What the tracker's API calls it (issue number, Jira key).</param>
public sealed record RemoteIssue(string ActionId, string Key, string Url, string State, string ApiId);

/// <summary>What a new issue says, independent of the tracker's format (each tracker renders the body its way).</summary>
/// <param name="ActionId">The action's minted id (the marker).</param>
/// <param name="Title">The action's text, as the issue title.</param>
/// <param name="PostmortemTitle">The postmortem's title.</param>
/// <param name="PostmortemLink">Where the postmortem is: the web app's URL when configured, else the file path and anchor.</param>
/// <param name="Fields">Type, owner, due date, severity, as label and value, in order.</param>
/// <param name="Labels">Labels to add (the tracker adds its marker label).</param>
/// <param name="Assignee">The tracker user mapped from the owner, when a mapping exists.</param>
/// <param name="Due">The due date (Jira's duedate), ISO.</param>
public sealed record IssueDraft(string ActionId, string Title, string PostmortemTitle, string PostmortemLink, IReadOnlyList<(string Label, string Value)> Fields,
    IReadOnlyList<string> Labels, string? Assignee, string? Due);
