using System.Text.Json.Serialization;

namespace Postmortem.Trackers;

/// <summary>A node of Atlassian Document Format (the v3 API's rich text): doc, paragraph, text, bulletList, listItem.</summary>
internal sealed record AdfNode(string Type)
{
    public int? Version { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<AdfMark>? Marks { get; init; }

    public IReadOnlyList<AdfNode>? Content { get; init; }
}

/// <summary>A mark on an ADF text node: strong, code, link (with its href).</summary>
internal sealed record AdfMark(string Type, AdfLink? Attrs = null);

internal sealed record AdfLink(string Href);

internal sealed record JiraKey(string Key);

internal sealed record JiraName(string Name);

internal sealed record JiraId(string Id);

internal sealed record JiraAccount(string AccountId);

/// <summary>The fields of <c>POST /rest/api/3/issue</c>.</summary>
internal sealed record JiraNewFields(JiraKey Project, string Summary, [property: JsonPropertyName("issuetype")] JiraName IssueType, AdfNode Description, IReadOnlyList<string> Labels)
{
    public IReadOnlyList<JiraName>? Components { get; init; }

    [JsonPropertyName("duedate")]
    public string? DueDate { get; init; }

    public JiraAccount? Assignee { get; init; }
}

/// <summary>An entity property set with the create: <c>postmortem</c> = <c>{"actionId": …}</c>.</summary>
internal sealed record JiraProperty(string Key, JiraMarker Value);

internal sealed record JiraMarker(string ActionId);

internal sealed record JiraNewIssue(JiraNewFields Fields, IReadOnlyList<JiraProperty> Properties);

/// <summary>The answer to a create: <c>{"id", "key", "self"}</c>.</summary>
internal sealed record JiraCreated(string? Id, string? Key, string? Self);

/// <summary>The body of <c>POST /rest/api/3/search/jql</c>.</summary>
internal sealed record JiraSearch(string Jql, IReadOnlyList<string> Fields, int MaxResults)
{
    public string? NextPageToken { get; init; }
}

internal sealed record JiraSearchPage
{
    public IReadOnlyList<JiraIssue>? Issues { get; init; }

    public string? NextPageToken { get; init; }

    public bool? IsLast { get; init; }
}

internal sealed record JiraIssue
{
    public string? Id { get; init; }

    public string? Key { get; init; }

    public JiraIssueFields? Fields { get; init; }
}

internal sealed record JiraIssueFields
{
    public IReadOnlyList<string>? Labels { get; init; }

    public JiraStatus? Status { get; init; }

    public JiraResolution? Resolution { get; init; }
}

internal sealed record JiraResolution(string? Name);

internal sealed record JiraStatus(string? Name)
{
    public JiraStatusCategory? StatusCategory { get; init; }
}

/// <summary><c>new</c>, <c>indeterminate</c> or <c>done</c>.</summary>
internal sealed record JiraStatusCategory(string? Key);

internal sealed record JiraTransitions(IReadOnlyList<JiraTransition>? Transitions);

internal sealed record JiraTransition(string? Id, string? Name)
{
    public JiraStatus? To { get; init; }
}

/// <summary>The body of <c>POST /rest/api/3/issue/{key}/transitions</c>.</summary>
internal sealed record JiraDoTransition(JiraId Transition);

/// <summary>Source-generated (NativeAOT, no reflection) JSON for Jira Cloud's camelCase payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JiraNewIssue))]
[JsonSerializable(typeof(JiraCreated))]
[JsonSerializable(typeof(JiraSearch))]
[JsonSerializable(typeof(JiraSearchPage))]
[JsonSerializable(typeof(JiraTransitions))]
[JsonSerializable(typeof(JiraDoTransition))]
internal sealed partial class JiraJson : JsonSerializerContext;
