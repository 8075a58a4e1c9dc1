using NodaTime;
using NodaTime.Text;
using Postmortem.Diagnostics;
using Postmortem.Editing;
using Postmortem.Model;
using Postmortem.Store;

namespace Postmortem.Trackers;

/// <summary>What a sync works on and with.</summary>
public sealed record SyncRequest
{
    /// <summary>The index (actions, and the sync state of schema 5).</summary>
    public required StoreSession Session { get; init; }

    /// <summary>The folder the index's paths are relative to.</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>The tracker.</summary>
    public required ITracker Tracker { get; init; }

    /// <summary>Labels, assignees, the web app's URL.</summary>
    public required TrackerSettings Settings { get; init; }

    /// <summary>The editor of a postmortem file (path, text), or null when its format has none.</summary>
    public required Func<string, string, ISourceEditor?> FindEditor { get; init; }

    /// <summary>Re-reads the given postmortem files (full paths) into the index after sync changed them.</summary>
    public required Func<IReadOnlyList<string>, IReadOnlyList<Diagnostic>> Reindex { get; init; }

    /// <summary>Plan only: no request that changes the tracker, no file or index written.</summary>
    public bool DryRun { get; init; }

    /// <summary>The day the sync counts as (overdue marks in issue bodies).</summary>
    public LocalDate AsOf { get; init; }

    /// <summary>The clock for the sync state's stamps.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>Called as each step is done (progress for long runs).</summary>
    public Action<SyncItem>? OnStep { get; init; }
}

/// <summary>
/// Two-way sync of action items with a tracker, over the index (docs/trackers.md):
/// <list type="bullet">
/// <item>an open action without an issue gets one (its id minted first), whose link is written into the postmortem;</item>
/// <item>never twice: before a create, a journal row is written; a rerun finds issues by their marker and links them;</item>
/// <item>a state changed on one side since the last sync is carried to the other; changed on both, differently, is a conflict.</item>
/// </list>
/// Each step is written as it is done (the file atomically, then its state row), so a crash loses at most the step under
/// way, which the next run reconciles.
/// </summary>
public static class SyncEngine
{
    private const string NewId = "(new id)";

    /// <summary>Plans and, unless <see cref="SyncRequest.DryRun"/>, carries out the sync.</summary>
    public static async Task<SyncReport> RunAsync(SyncRequest request, CancellationToken cancellation = default)
    {
        var diagnostics = new List<Diagnostic>();
        var tracker = request.Tracker;
        var states = SyncStates.Load(request.Session, tracker.Name);
        var actions = SyncStates.Actions(request.Session);

        // Actions that will need an issue but have no minted id: mint ids in their files first (one added line each).
        var unminted = actions.Where(a => a.Action.State == ActionStatus.Open && !ActionId.IsMinted(a.Action.Id)).Select(a => a.Action.Path).Distinct(StringComparer.Ordinal).ToList();
        if (unminted.Count > 0 && !request.DryRun)
        {
            var minted = new List<string>();
            foreach (var path in unminted)
            {
                if (Edit(request, path, 0, (editor, text, file) => editor.EnsureIds(text, file, () => PostmortemId.New(request.Clock.GetCurrentInstant()), ActionId.New), diagnostics))
                {
                    minted.Add(Full(request, path));
                }
            }

            diagnostics.AddRange(request.Reindex(minted));
            actions = SyncStates.Actions(request.Session);
        }

        var listed = await tracker.ListAsync(cancellation).ConfigureAwait(false);
        if (!listed.TryGetValue(out var issues))
        {
            return new SyncReport([], [], [.. diagnostics, .. listed.Diagnostics], Stopped: true);
        }

        var remote = new Dictionary<string, RemoteIssue>(StringComparer.Ordinal);
        foreach (var issue in issues)
        {
            remote.TryAdd(issue.ActionId, issue);
        }

        var plan = new List<SyncItem>();
        foreach (var (action, _, _) in actions)
        {
            var minted = ActionId.IsMinted(action.Id);
            if (!minted && !request.DryRun)
            {
                // Its file could not be given ids (PM0712 above): nothing can refer to it from a tracker.
                continue;
            }

            var state = minted ? states.GetValueOrDefault(action.Id) : null;
            var issue = minted ? remote.GetValueOrDefault(action.Id) : null;
            if (issue is null && state is not null && tracker.ListingLag > TimeSpan.Zero)
            {
                // A create was started (or made) and the listing does not show it: it may be the search's lag, not a failed
                // create or a deleted issue; asked again over the lag before it is created again or reported missing.
                issue = await FindLateAsync(tracker, action.Id, diagnostics, cancellation).ConfigureAwait(false);
                if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    return new SyncReport(plan, [], diagnostics, Stopped: true);
                }

                if (issue is not null)
                {
                    remote[action.Id] = issue;
                }
            }

            if (Decide(action, minted, state, issue) is { } step)
            {
                plan.Add(new SyncItem(step, minted ? action.Id : NewId, action.Path, action.Line, action.Action, issue?.Key ?? state?.IssueKey, action.State, issue?.State));
            }
        }

        foreach (var item in plan.Where(i => i.Step == SyncStep.Conflict))
        {
            var other = item.Remote == ActionStatus.Open ? "reopen" : $"close it as {item.Remote}";
            diagnostics.Add(DiagnosticCatalog.SyncConflict(item.Path, item.Line, item.ActionId, item.Issue!, item.Local, item.Remote!,
                $"either set the action's status to '{item.Remote}' in the postmortem, or make {item.Issue} '{item.Local}' in the tracker ({(item.Local == ActionStatus.Open ? "reopen it" : $"close it as {item.Local}")}); the next sync records the agreement (the postmortem's '{item.Local}' against the issue's wish to {other})"));
        }

        foreach (var item in plan.Where(i => i.Step == SyncStep.Missing))
        {
            diagnostics.Add(DiagnosticCatalog.SyncIssueMissing(item.Path, item.Line, item.ActionId, item.Issue!));
        }

        if (request.DryRun)
        {
            return new SyncReport(plan, [], diagnostics, Stopped: false);
        }

        var done = new List<SyncItem>();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var byId = actions.Where(a => ActionId.IsMinted(a.Action.Id)).ToDictionary(a => a.Action.Id, StringComparer.Ordinal);
        var stopped = false;
        foreach (var item in plan.Where(i => i.Step is not (SyncStep.Conflict or SyncStep.Missing)))
        {
            var outcome = await ApplyAsync(request, item, byId[item.ActionId], remote.GetValueOrDefault(item.ActionId), states.GetValueOrDefault(item.ActionId), changed, diagnostics, cancellation)
                .ConfigureAwait(false);
            if (outcome == Outcome.Done)
            {
                done.Add(item);
                request.OnStep?.Invoke(item);
            }
            else if (outcome == Outcome.Stop)
            {
                stopped = true;
                break;
            }
        }

        if (changed.Count > 0)
        {
            diagnostics.AddRange(request.Reindex([.. changed]));
        }

        return new SyncReport(plan, done, diagnostics, stopped);
    }

    private enum Outcome
    {
        Done,
        Skipped,
        Stop,
    }

    // The rules of docs/trackers.md. Without a recorded sync, an issue found by its marker was created from an open action
    // (a run that crashed before recording it), so both sides count as 'open' at the last sync.
    private static SyncStep? Decide(IndexedAction action, bool minted, SyncedAction? state, RemoteIssue? issue)
    {
        if (issue is null)
        {
            return state is { IssueKey: not null } ? SyncStep.Missing
                : action.State == ActionStatus.Open && (minted || state is null) ? SyncStep.Create
                : null;
        }

        var linked = state is { IssueKey: not null };
        var (local0, remote0) = linked ? (state!.LocalState, state.RemoteState) : (ActionStatus.Open, ActionStatus.Open);
        var localChanged = action.State != local0;
        var remoteChanged = issue.State != remote0;
        return (localChanged, remoteChanged) switch
        {
            (false, true) => SyncStep.Pull,
            (true, false) => SyncStep.Push,
            (true, true) when action.State != issue.State => SyncStep.Conflict,
            _ => linked ? (state!.LocalState != action.State || state.RemoteState != issue.State ? SyncStep.Link : null) : SyncStep.Link,
        };
    }

    private static async Task<RemoteIssue?> FindLateAsync(ITracker tracker, string actionId, List<Diagnostic> diagnostics, CancellationToken cancellation)
    {
        var until = DateTime.UtcNow + tracker.ListingLag;
        var pause = TimeSpan.FromMilliseconds(Math.Min(2000, Math.Max(50, tracker.ListingLag.TotalMilliseconds / 5)));
        while (true)
        {
            var found = await tracker.FindAsync(actionId, cancellation).ConfigureAwait(false);
            if (found.HasErrors || found.Value is not null || DateTime.UtcNow >= until)
            {
                diagnostics.AddRange(found.Diagnostics);
                return found.Value;
            }

            await Task.Delay(pause, cancellation).ConfigureAwait(false);
        }
    }

    private static async Task<Outcome> ApplyAsync(SyncRequest request, SyncItem item, SyncAction action, RemoteIssue? issue, SyncedAction? state, HashSet<string> changed,
        List<Diagnostic> diagnostics, CancellationToken cancellation)
    {
        var tracker = request.Tracker;
        var now = request.Clock.GetCurrentInstant();
        var local = action.Action.State;
        switch (item.Step)
        {
            case SyncStep.Create:
            {
                // The journal first: a rerun that finds no issue for a started create asks the tracker again before repeating it.
                SyncStates.Save(request.Session, new SyncedAction(tracker.Name, item.ActionId, null, null, local, ActionStatus.Open, now));
                var created = await tracker.CreateAsync(Draft(request, action), cancellation).ConfigureAwait(false);
                if (!created.TryGetValue(out var made))
                {
                    diagnostics.AddRange(created.Diagnostics);
                    return ContinueAfter(created.Diagnostics);
                }

                return Link(request, action, made, local, made.State, changed, diagnostics);
            }

            case SyncStep.Link:
                return Link(request, action, issue!, local, issue!.State, changed, diagnostics);

            case SyncStep.Pull:
            {
                if (!Edit(request, action.Action.Path, action.Action.Line, (editor, text, file) => editor.SetActionField(text, file, item.ActionId, ActionField.Status, issue!.State), diagnostics))
                {
                    return Outcome.Skipped;
                }

                changed.Add(Full(request, action.Action.Path));
                return state is { IssueKey: not null }
                    ? Save(request, item.ActionId, issue!, issue!.State, issue.State)
                    : Link(request, action, issue!, issue!.State, issue.State, changed, diagnostics);
            }

            case SyncStep.Push:
            {
                var moved = await tracker.SetStateAsync(issue!, local, cancellation).ConfigureAwait(false);
                if (!moved.Success)
                {
                    diagnostics.AddRange(moved.Diagnostics);
                    return ContinueAfter(moved.Diagnostics);
                }

                return state is { IssueKey: not null }
                    ? Save(request, item.ActionId, issue!, local, local)
                    : Link(request, action, issue!, local, local, changed, diagnostics);
            }

            default:
                return Outcome.Skipped;
        }
    }

    // A refusal of one issue (422, a missing Jira transition) leaves the others to do; anything else (auth, rate limit, outage) stops the run.
    private static Outcome ContinueAfter(IReadOnlyList<Diagnostic> failures) =>
        failures.All(d => d.Code is "PM0707" or "PM0714") ? Outcome.Skipped : Outcome.Stop;

    // The link goes into the file before the state row: a crash between them leaves a row without a key, which the next run completes.
    private static Outcome Link(SyncRequest request, SyncAction action, RemoteIssue issue, string local, string remote, HashSet<string> changed, List<Diagnostic> diagnostics)
    {
        if (!Edit(request, action.Action.Path, action.Action.Line, (editor, text, file) => editor.SetActionField(text, file, issue.ActionId, ActionField.Tracker, issue.Url), diagnostics))
        {
            return Outcome.Skipped;
        }

        changed.Add(Full(request, action.Action.Path));
        return Save(request, issue.ActionId, issue, local, remote);
    }

    private static Outcome Save(SyncRequest request, string actionId, RemoteIssue issue, string local, string remote)
    {
        SyncStates.Save(request.Session, new SyncedAction(request.Tracker.Name, actionId, issue.Key, issue.Url, local, remote, request.Clock.GetCurrentInstant()));
        return Outcome.Done;
    }

    private static string Full(SyncRequest request, string path) => Path.GetFullPath(path, request.BaseDirectory);

    // One edit of one file, written atomically; false (PM0712) when it could not be made, and then the file is unchanged.
    private static bool Edit(SyncRequest request, string path, int line, Func<ISourceEditor, string, string, Result<EditedText>> edit, List<Diagnostic> diagnostics)
    {
        var full = Full(request, path);
        var (source, problem) = Ingest.TextFile.Read(full);
        if (source is null)
        {
            diagnostics.Add(DiagnosticCatalog.SyncEditFailed(path, line, problem!.Message));
            return false;
        }

        if (request.FindEditor(full, source.Text) is not { } editor)
        {
            diagnostics.Add(DiagnosticCatalog.SyncEditFailed(path, line, "no editor for this file's format"));
            return false;
        }

        var result = edit(editor, source.Text, path);
        if (!result.TryGetValue(out var edited))
        {
            diagnostics.AddRange(result.Diagnostics);
            diagnostics.Add(DiagnosticCatalog.SyncEditFailed(path, line, result.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Message ?? "the edit failed"));
            return false;
        }

        if (edited.ChangedLines > 0 && SafeFile.WriteBytes(full, source.Encode(edited.Text)) is { } failed)
        {
            diagnostics.Add(DiagnosticCatalog.SyncEditFailed(path, line, failed.Message));
            return false;
        }

        return true;
    }

    private static IssueDraft Draft(SyncRequest request, SyncAction action)
    {
        var a = action.Action;
        var fields = new List<(string, string)>();
        if (a.Type is { } type)
        {
            fields.Add(("Type", type));
        }

        if (a.Owner is { } owner)
        {
            fields.Add(("Owner", owner));
        }

        if (a.Due is { } due)
        {
            fields.Add(("Due", LocalDatePattern.Iso.Format(due) + (a.IsOverdue(request.AsOf) ? $" (overdue as of {LocalDatePattern.Iso.Format(request.AsOf)})" : string.Empty)));
        }

        if (action.Severity is { } severity)
        {
            fields.Add(("Severity", severity));
        }

        fields.Add(("Action id", a.Id));
        var web = request.Settings.WebBaseUrl;
        var relative = a.Path.Replace('\\', '/');
        var link = web is null ? $"{relative}#{a.Id}" : $"{web}/{string.Join('/', relative.Split('/').Select(Uri.EscapeDataString))}#{a.Id}";
        var assignee = a.Owner is { } o
            ? request.Settings.Assignees.FirstOrDefault(p => string.Equals(p.Key.Trim(), o.Trim(), StringComparison.OrdinalIgnoreCase)).Value
            : null;
        return new IssueDraft(a.Id, a.Action, a.Title ?? a.Path, link, fields, request.Settings.Labels, assignee, a.Due is { } d ? LocalDatePattern.Iso.Format(d) : null);
    }
}
