using System.Text.Json;
using System.Text.Json.Serialization;

namespace Postmortem.Trackers;

/// <summary>An issue as GitHub's REST API returns it (the fields sync reads).</summary>
internal sealed record GitHubIssue
{
    public long Number { get; init; }

    public string? HtmlUrl { get; init; }

    public string? Title { get; init; }

    public string? State { get; init; }

    public string? StateReason { get; init; }

    public string? Body { get; init; }

    /// <summary>Present on pull requests, which the issues listing includes.</summary>
    public JsonElement? PullRequest { get; init; }
}

/// <summary>The body of <c>POST /repos/{owner}/{repo}/issues</c>.</summary>
internal sealed record GitHubNewIssue(string Title, string Body, IReadOnlyList<string> Labels, IReadOnlyList<string>? Assignees);

/// <summary>The body of <c>PATCH /repos/{owner}/{repo}/issues/{number}</c> that closes or reopens.</summary>
internal sealed record GitHubStateChange(string State, string StateReason);

/// <summary>Source-generated (NativeAOT, no reflection) JSON for GitHub's snake_case payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GitHubIssue))]
[JsonSerializable(typeof(GitHubIssue[]))]
[JsonSerializable(typeof(GitHubNewIssue))]
[JsonSerializable(typeof(GitHubStateChange))]
internal sealed partial class GitHubJson : JsonSerializerContext;
