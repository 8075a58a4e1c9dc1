namespace Postmortem.Trackers;

/// <summary>What <c>sync</c> does for one action (docs/trackers.md).</summary>
public enum SyncStep
{
    /// <summary>Create its issue (minting the action's id first when it has none).</summary>
    Create,

    /// <summary>The issue exists (a rerun after a crash): write its link into the postmortem and record it.</summary>
    Link,

    /// <summary>The postmortem changed the action's state: move the issue to it.</summary>
    Push,

    /// <summary>The issue changed state: write it into the postmortem.</summary>
    Pull,

    /// <summary>Both changed since the last sync, differently: neither is overwritten.</summary>
    Conflict,

    /// <summary>Its linked issue is no longer in the tracker's listing.</summary>
    Missing,
}

/// <summary>One line of the plan, and of the report when done.</summary>
/// <param name="Step">What is (to be) done.</param>
/// <param name="ActionId">The action's id (<c>(new)</c> when it is yet to be minted).</param>
/// <param name="Path">The postmortem file, relative to the store's base folder.</param>
/// <param name="Line">The action's line.</param>
/// <param name="Title">The action's text.</param>
/// <param name="Issue">The issue (key), when there is one.</param>
/// <param name="Local">The action's state in the postmortem.</param>
/// <param name="Remote">The issue's state, when there is one.</param>
public sealed record SyncItem(SyncStep Step, string ActionId, string Path, int Line, string Title, string? Issue, string Local, string? Remote)
{
    /// <summary>The plan's line: <c>create  act-7k2m9xqa  path:12  title</c>.</summary>
    public override string ToString()
    {
        var what = Step switch
        {
            SyncStep.Create => "create",
            SyncStep.Link => $"link     {Issue}",
            SyncStep.Push => $"update   {Issue} -> {Local}",
            SyncStep.Pull => $"pull     {Issue}: {Local} -> {Remote}",
            SyncStep.Conflict => $"conflict {Issue}: postmortem '{Local}', issue '{Remote}'",
            _ => $"missing  {Issue}",
        };
        return $"{what.PadRight(8)}  {ActionId}  {Path}:{Line}  {Title}";
    }
}

/// <summary>The outcome of a sync: the plan, what of it was done, and every finding.</summary>
/// <param name="Plan">Every step decided, in order.</param>
/// <param name="Done">The steps carried out (empty for <c>--dry-run</c>).</param>
/// <param name="Diagnostics">Conflicts, missing issues, failures.</param>
/// <param name="Stopped">True when a failure stopped the run before the plan's end (a rerun continues).</param>
public sealed record SyncReport(IReadOnlyList<SyncItem> Plan, IReadOnlyList<SyncItem> Done, IReadOnlyList<Postmortem.Diagnostics.Diagnostic> Diagnostics, bool Stopped);
