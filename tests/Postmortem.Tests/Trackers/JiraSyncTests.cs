using System.Text.Json.Nodes;
using Postmortem.Model;
using Postmortem.Trackers;

namespace Postmortem.Tests.Trackers;

/// <summary>Sync with Jira Cloud (REST v3) on a loopback server: ADF descriptions, JQL search with nextPageToken, transitions by name.</summary>
public sealed class JiraSyncTests : IDisposable
{
    private readonly SyncBed bed = new();
    private readonly FakeJira jira = new();

    public void Dispose()
    {
        jira.Dispose();
        bed.Dispose();
    }

    [Fact]
    public async Task Open_actions_become_issues_in_the_documented_shape_and_a_rerun_creates_nothing()
    {
        bed.Postmortems(files: 1, actionsEach: 3);
        using var tracker = bed.Jira(jira);

        var first = await bed.SyncAsync(tracker);
        var second = await bed.SyncAsync(tracker);

        Assert.Empty(jira.Violations);
        Assert.Empty(first.Diagnostics);
        Assert.Equal(3, jira.Issues.Count);
        Assert.Empty(second.Plan);
        Assert.Equal(3, bed.Links());
        var fields = jira.Issues[0].Fields;
        var id = bed.Actions().Single(a => a.Action.Action == fields["summary"]!.GetValue<string>()).Action.Id;
        Assert.Equal("2024-02-01", fields["duedate"]!.GetValue<string>());
        Assert.Equal("5b10ac8d82e05b22cc7d4ef5", fields["assignee"]!["accountId"]!.GetValue<string>());
        Assert.Equal(["Platform"], fields["components"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal(["postmortem", "postmortem-" + id, "reliability"], jira.Issues[0].Labels);
        Assert.Contains($"incidents/pm-000.yml#{id}", fields["description"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains($"    tracker: {jira.Url}/browse/OPS-1", File.ReadAllText(bed.Files()[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_pages_with_next_page_token()
    {
        bed.Postmortems(files: 1, actionsEach: 5);
        using var tracker = bed.Jira(jira);
        await bed.SyncAsync(tracker);
        jira.PageSize = 2;
        var before = jira.Requests.Count;

        var listed = await tracker.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(5, listed.Value!.Count);
        var tokens = jira.Requests.Skip(before).Select(r => JsonNode.Parse(r.Body)!["nextPageToken"]?.GetValue<string>()).ToList();
        Assert.Equal([null, "2", "4"], tokens);
    }

    [Fact]
    public async Task Status_moves_both_ways_through_the_workflow_transitions_found_by_name()
    {
        bed.Postmortems(files: 1, actionsEach: 3);
        using var tracker = bed.Jira(jira);
        await bed.SyncAsync(tracker);
        var ids = bed.Actions().ToDictionary(a => a.Action.Action, a => a.Action.Id);

        // In Jira: OPS-1 done, OPS-2 resolved Won't Do. In the postmortem: the third action done.
        (jira.Issues[0].Category, jira.Issues[0].Status, jira.Issues[0].Resolution) = ("done", "Done", "Done");
        (jira.Issues[1].Category, jira.Issues[1].Status, jira.Issues[1].Resolution) = ("done", "Won't Do", "Won't Do");
        bed.SetStatus(ids[jira.Issues[2].Summary], "done");
        var report = await bed.SyncAsync(tracker);

        Assert.Empty(jira.Violations);
        Assert.Equal(2, report.Done.Count(i => i.Step == SyncStep.Pull));
        Assert.Single(report.Done, i => i.Step == SyncStep.Push);
        var states = bed.Actions().ToDictionary(a => a.Action.Action, a => a.Action.State);
        Assert.Equal(ActionStatus.Done, states[jira.Issues[0].Summary]);
        Assert.Equal(ActionStatus.NotDoing, states[jira.Issues[1].Summary]);
        Assert.Equal("done", jira.Issues[2].Category);
        Assert.Contains(jira.Requests, r => r.Method == "POST" && r.Path == "/rest/api/3/issue/OPS-3/transitions" && r.Body.Contains("\"31\"", StringComparison.Ordinal));

        // Reopened in the postmortem: the 'Reopen' transition.
        bed.SetStatus(ids[jira.Issues[2].Summary], "open");
        await bed.SyncAsync(tracker);
        Assert.Equal("new", jira.Issues[2].Category);
    }

    [Fact]
    public async Task A_transition_the_workflow_lacks_is_named_with_the_ones_it_has()
    {
        bed.Postmortems(files: 1, actionsEach: 1);
        using var tracker = TrackerFactory.Create(SyncBed.JiraSettings(jira.Url) with { Jira = new JiraTrackerSettings(jira.Url, "OPS", "Task") { DoneTransition = "Ship it" } }, null,
            v => v switch { "JIRA_EMAIL" => FakeJira.Email, "JIRA_API_TOKEN" => FakeJira.Token, _ => null }, SyncBed.FastHttp).Value!;
        await bed.SyncAsync(tracker);
        bed.SetStatus(bed.Actions()[0].Action.Id, "done");

        var report = await bed.SyncAsync(tracker);

        var missing = Assert.Single(report.Diagnostics);
        Assert.Equal("PM0714", missing.Code);
        Assert.Contains("'Ship it'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("'Done'", missing.Message, StringComparison.Ordinal);
        Assert.Equal("new", jira.Issues[0].Category);
    }

    [Fact]
    public async Task A_create_the_search_does_not_show_yet_is_found_again_before_it_is_repeated()
    {
        bed.Postmortems(files: 1, actionsEach: 4);
        var lagging = SyncBed.FastHttp with { AttemptTimeout = TimeSpan.FromSeconds(1), SearchLag = TimeSpan.FromSeconds(5) };
        using var tracker = bed.Jira(jira, lagging);
        jira.SearchLag = 3;

        // The 2nd create is made but its answer is lost; and the next searches do not show it yet (eventual consistency).
        var creates = 0;
        jira.Faults.Add(new Fault(r => r.Method == "POST" && r.Path == "/rest/api/3/issue" && ++creates == 2, 0, Delay: TimeSpan.FromSeconds(2), Process: true));
        var crashed = await bed.SyncAsync(tracker);
        var rerun = await bed.SyncAsync(tracker);

        Assert.True(crashed.Stopped);
        Assert.Empty(rerun.Diagnostics);
        Assert.Equal(4, jira.Issues.Count);
        Assert.Equal(4, jira.Issues.Select(i => i.Labels[1]).Distinct().Count());
        Assert.Equal(4, bed.Links());
    }

    [Fact]
    public async Task A_sync_of_200_actions_killed_at_a_random_point_and_rerun_ends_with_200_issues_and_200_links()
    {
        bed.Postmortems(files: 10, actionsEach: 20);
        using var tracker = bed.Jira(jira);
        var rerun = await bed.KillAtRandomStepAndRerunAsync(tracker, 200);

        Assert.Empty(rerun.Diagnostics);
        Assert.Equal(200, jira.Issues.Count);
        Assert.Equal(200, jira.Issues.Select(i => i.Labels[1]).Distinct().Count());
        Assert.Equal(200, bed.Links());
        Assert.Empty(jira.Violations);
    }
}
