using System.Text.Json.Nodes;
using Postmortem.Model;
using Postmortem.Trackers;

namespace Postmortem.Tests.Trackers;

/// <summary>Sync with GitHub Issues on a loopback server that checks each request against the documented API.</summary>
public sealed class GitHubSyncTests : IDisposable
{
    private readonly SyncBed bed = new();
    private readonly FakeGitHub github = new();

    public void Dispose()
    {
        github.Dispose();
        bed.Dispose();
    }

    [Fact]
    public async Task Open_actions_get_one_issue_each_linked_back_and_a_rerun_creates_nothing()
    {
        bed.Postmortems(files: 2, actionsEach: 3);
        using var tracker = (GitHubTracker)bed.GitHub(github);

        var first = await bed.SyncAsync(tracker);
        var second = await bed.SyncAsync(tracker);

        Assert.Empty(github.Violations);
        Assert.Empty(first.Diagnostics);
        Assert.Equal(6, first.Done.Count(i => i.Step == SyncStep.Create));
        Assert.Equal(6, github.RealIssues.Count());
        Assert.Equal(6, bed.Links());
        Assert.All(bed.Actions(), a => Assert.True(ActionId.IsMinted(a.Action.Id)));
        Assert.Empty(second.Plan);
        Assert.Equal(6, github.RealIssues.Count());

        // Title, body (link back, fields, marker), labels and the mapped assignee, as POST /repos/{owner}/{repo}/issues takes them.
        var create = JsonNode.Parse(github.Requests.First(r => r.Method == "POST").Body)!;
        var action = bed.Actions().First(a => a.Action.Action == create["title"]!.GetValue<string>());
        Assert.Equal(["postmortem", "reliability"], create["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal(["octocat"], create["assignees"]!.AsArray().Select(l => l!.GetValue<string>()));
        var body = create["body"]!.GetValue<string>();
        Assert.Contains($"incidents/pm-000.yml#{action.Action.Id}", body, StringComparison.Ordinal);
        Assert.Contains("| Owner | SRE |", body, StringComparison.Ordinal);
        Assert.Contains("| Due | 2024-02-01 (overdue as of 2024-02-10) |", body, StringComparison.Ordinal);
        Assert.Contains("| Severity | SEV-2 |", body, StringComparison.Ordinal);
        Assert.EndsWith($"<!-- postmortem-action: {action.Action.Id} -->\n", body, StringComparison.Ordinal);
        var text = File.ReadAllText(Path.Combine(bed.Folder, action.Action.Path));
        Assert.Contains($"\n    id: {action.Action.Id}\n", text, StringComparison.Ordinal);
        Assert.Contains("\n    tracker: https://github.com/acme/ops/issues/", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crash_after_3_of_10_creates_then_a_rerun_ends_with_exactly_10()
    {
        bed.Postmortems(files: 1, actionsEach: 10);
        using var tracker = bed.GitHub(github);

        // The 4th create is made on the server but its answer never comes (the process dies, or the network): the run stops.
        var creates = 0;
        github.Faults.Add(new Fault(r => r.Method == "POST" && ++creates == 4, 0, Delay: TimeSpan.FromSeconds(5), Process: true));
        var crashed = await bed.SyncAsync(tracker);
        var rerun = await bed.SyncAsync(tracker);

        Assert.True(crashed.Stopped);
        Assert.Contains(crashed.Diagnostics, d => d.Code == "PM0709");
        Assert.Equal(3, crashed.Done.Count);
        Assert.False(rerun.Stopped);
        Assert.Equal(1, rerun.Done.Count(i => i.Step == SyncStep.Link));
        Assert.Equal(6, rerun.Done.Count(i => i.Step == SyncStep.Create));
        Assert.Equal(10, github.RealIssues.Count());
        Assert.Equal(10, github.RealIssues.Select(i => i.Body).Distinct().Count());
        Assert.Equal(10, bed.Links());
        Assert.Empty(github.Violations);
    }

    [Fact]
    public async Task A_sync_of_200_actions_killed_at_a_random_point_and_rerun_ends_with_200_issues_and_200_links()
    {
        bed.Postmortems(files: 10, actionsEach: 20);
        using var tracker = bed.GitHub(github);
        var rerun = await bed.KillAtRandomStepAndRerunAsync(tracker, 200);

        Assert.Empty(rerun.Diagnostics);
        Assert.Equal(200, github.RealIssues.Count());
        Assert.Equal(200, github.RealIssues.Select(i => i.Body).Distinct().Count());
        Assert.Equal(200, bed.Links());
        Assert.Empty((await bed.SyncAsync(tracker)).Plan);
    }

    [Fact]
    public async Task Listing_follows_the_link_header_across_pages_and_leaves_out_pull_requests()
    {
        bed.Postmortems(files: 1, actionsEach: 7);
        using var tracker = bed.GitHub(github);
        await bed.SyncAsync(tracker);
        github.PageSize = 3;
        github.AddPullRequest("A pull request that mentions " + GitHubTracker.Marker("act-00000000"));
        var before = github.Requests.Count;

        var listed = await tracker.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(7, listed.Value!.Count);
        Assert.Equal(3, github.Requests.Count - before);
        Assert.DoesNotContain(listed.Value, i => i.ActionId == "act-00000000");
        Assert.Equal(["1", "2", "3"], github.Requests.Skip(before).Select(r => r.Query.GetValueOrDefault("page") ?? "1"));
    }

    [Fact]
    public async Task Status_comes_back_completed_is_done_not_planned_is_not_doing_reopened_is_open()
    {
        bed.Postmortems(files: 1, actionsEach: 3);
        using var tracker = bed.GitHub(github);
        await bed.SyncAsync(tracker);
        var issues = github.RealIssues.ToList();
        (issues[0].State, issues[0].StateReason) = ("closed", "completed");
        (issues[1].State, issues[1].StateReason) = ("closed", "not_planned");

        var pulled = await bed.SyncAsync(tracker);
        issues[0].State = "open";
        issues[0].StateReason = "reopened";
        var reopened = await bed.SyncAsync(tracker);

        Assert.Equal(2, pulled.Done.Count(i => i.Step == SyncStep.Pull));
        Assert.Single(reopened.Done, i => i.Step == SyncStep.Pull && i.Remote == ActionStatus.Open);
        var states = bed.Actions().ToDictionary(a => a.Action.Action, a => a.Action.State);
        Assert.Equal(ActionStatus.Open, states[issues[0].Title]);
        Assert.Equal(ActionStatus.NotDoing, states[issues[1].Title]);
        Assert.Equal(ActionStatus.Open, states[issues[2].Title]);
    }

    [Fact]
    public async Task A_status_set_in_the_postmortem_closes_the_issue_with_its_reason()
    {
        bed.Postmortems(files: 1, actionsEach: 2);
        using var tracker = bed.GitHub(github);
        await bed.SyncAsync(tracker);
        var ids = bed.Actions().Select(a => a.Action.Id).ToList();
        bed.SetStatus(ids[0], "done");
        bed.SetStatus(ids[1], "not-doing");

        var pushed = await bed.SyncAsync(tracker);

        Assert.Equal(2, pushed.Done.Count(i => i.Step == SyncStep.Push));
        Assert.Equal([("closed", "completed"), ("closed", "not_planned")], github.RealIssues.Select(i => (i.State, i.StateReason!)));
        Assert.Empty(github.Violations);
        Assert.Empty((await bed.SyncAsync(tracker)).Plan);
    }

    [Fact]
    public async Task Both_sides_changed_is_a_conflict_with_both_values_and_neither_is_overwritten()
    {
        bed.Postmortems(files: 1, actionsEach: 1);
        using var tracker = bed.GitHub(github);
        await bed.SyncAsync(tracker);
        var id = bed.Actions()[0].Action.Id;
        bed.SetStatus(id, "done");
        var issue = github.RealIssues.Single();
        (issue.State, issue.StateReason) = ("closed", "not_planned");
        var before = bed.Snapshot();
        var writes = github.Writes;

        var report = await bed.SyncAsync(tracker);

        var conflict = Assert.Single(report.Diagnostics);
        Assert.Equal("PM0711", conflict.Code);
        Assert.Contains("'done'", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("'not-doing'", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("To settle it", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("incidents/pm-000.yml", conflict.File);
        Assert.True(conflict.Line > 0);
        Assert.Equal(before, bed.Snapshot());
        Assert.Equal(writes, github.Writes);
        Assert.Equal("not_planned", issue.StateReason);

        // Settled by hand on one side: the next sync records the agreement and changes nothing.
        bed.SetStatus(id, "not-doing");
        var settled = await bed.SyncAsync(tracker);
        Assert.Empty(settled.Diagnostics);
        Assert.Empty((await bed.SyncAsync(tracker)).Plan);
    }

    [Fact]
    public async Task Dry_run_prints_the_plan_and_leaves_files_index_and_tracker_as_they_were()
    {
        bed.Postmortems(files: 2, actionsEach: 2);
        using var tracker = bed.GitHub(github);
        var before = bed.Snapshot();

        var report = await bed.SyncAsync(tracker, dryRun: true);

        Assert.Equal(4, report.Plan.Count(i => i.Step == SyncStep.Create));
        Assert.Empty(report.Done);
        Assert.Equal(before, bed.Snapshot());
        Assert.All(github.Requests, r => Assert.Equal("GET", r.Method));
        Assert.Empty(github.RealIssues);
    }
}
