using System.Text.Json;
using System.Text.Json.Nodes;
using Postmortem.Tests.Support;
using Postmortem.Trackers;

namespace Postmortem.Tests.Trackers;

/// <summary>Conformance of the tracker payloads with the real API documents in <c>../shared/samples</c> (not copied here):
/// Skipped with the reason when the folder is missing, never Passed.</summary>
public sealed class TrackerSamplesTests
{
    private static string Samples => TestEnvironment.Required(Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "samples")), Directory.Exists,
        "../shared/samples is not beside the repository: tracker conformance not checked on this machine");

    [Fact]
    public void The_github_create_body_uses_only_documented_keys_and_the_documented_answer_reads()
    {
        var operation = JsonNode.Parse(File.ReadAllText(Path.Combine(Samples, "github", "octokit-routes_issues_create.json")))!;
        var documented = operation["requestBody"]!["content"]!["application/json"]!["schema"]!["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        var ours = JsonNode.Parse(JsonSerializer.Serialize(new GitHubNewIssue("t", "b", ["postmortem"], ["octocat"]), GitHubJson.Default.GitHubNewIssue))!.AsObject().Select(p => p.Key);
        var example = operation["responses"]!["201"]!["content"]!["application/json"]!["example"]!.ToJsonString();

        var issue = JsonSerializer.Deserialize(example, GitHubJson.Default.GitHubIssue)!;

        Assert.Subset(documented, ours.ToHashSet());
        Assert.True(issue.Number > 0);
        Assert.StartsWith("https://github.com/", issue.HtmlUrl, StringComparison.Ordinal);
        Assert.Equal("open", issue.State);
    }

    [Fact]
    public void The_github_issue_of_a_webhook_reads_as_an_issue_and_not_a_pull_request()
    {
        var payload = JsonNode.Parse(File.ReadAllText(Path.Combine(Samples, "github", "octokit-webhooks_issues_opened.payload.json")))!;

        var issue = JsonSerializer.Deserialize(payload["issue"]!.ToJsonString(), GitHubJson.Default.GitHubIssue)!;

        Assert.True(issue.Number > 0);
        Assert.Null(issue.PullRequest);
        Assert.NotNull(issue.HtmlUrl);
    }

    [Fact]
    public void Jira_transitions_and_search_results_read_in_the_documented_shape()
    {
        var transitions = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(Samples, "jira", "go-jira_mock-data_transitions.json")), JiraJson.Default.JiraTransitions)!;
        var issues = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(Samples, "jira", "airbyte_source-jira_unit_tests_responses_issues.json")), JiraJson.Default.JiraSearchPage)!;

        Assert.NotEmpty(transitions.Transitions!);
        Assert.All(transitions.Transitions!, t => Assert.False(string.IsNullOrEmpty(t.Id) || string.IsNullOrEmpty(t.Name)));
        Assert.Contains(transitions.Transitions!, t => t.To?.StatusCategory?.Key is { Length: > 0 });
        Assert.NotEmpty(issues.Issues!);
        Assert.All(issues.Issues!, i => Assert.Matches("^[A-Z][A-Z0-9]*-[0-9]+$", i.Key!));
        Assert.Contains(issues.Issues!, i => i.Fields?.Status?.StatusCategory?.Key is "new" or "indeterminate" or "done");
    }
}
