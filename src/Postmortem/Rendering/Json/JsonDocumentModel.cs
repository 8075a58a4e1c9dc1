namespace Postmortem.Rendering.Json;

// The contract's small shapes read best together in one file; docs/json.md documents each field.

/// <summary>The whole analysed record as JSON (docs/json.md). Field names are a stable contract.</summary>
public sealed record PostmortemJson
{
    /// <summary>Format version of this JSON.</summary>
    public string SchemaVersion { get; init; } = "1";

    /// <summary>The postmortem's stable id; left out when the file has none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    public required string Type { get; init; }

    public required string Title { get; init; }

    public string? Date { get; init; }

    public required string TimeZone { get; init; }

    public string? Author { get; init; }

    public string? PostmortemDate { get; init; }

    public string? Summary { get; init; }

    public ImpactJson? Impact { get; init; }

    public string? Resolution { get; init; }

    [System.Text.Json.Serialization.JsonConverter(typeof(StreamedListConverter<EventJson>))]
    public required IReadOnlyList<EventJson> Timeline { get; init; }

    public required KeyTimestampsJson KeyTimestamps { get; init; }

    public long? DurationMinutes { get; init; }

    public required IReadOnlyList<GapJson> Gaps { get; init; }

    public required IReadOnlyList<SilenceJson> Silences { get; init; }

    public SeverityJson? Severity { get; init; }

    public required IReadOnlyList<FactorJson> Factors { get; init; }

    public required IReadOnlyList<AssessmentJson> Assessment { get; init; }

    public required IReadOnlyList<string> WentWell { get; init; }

    public required IReadOnlyList<ActionJson> Actions { get; init; }

    public required FollowUpJson FollowUp { get; init; }

    public ProjectJson? Project { get; init; }

    public required IReadOnlyList<DiagnosticJson> Diagnostics { get; init; }
}

public sealed record ImpactJson(string? UsersAffected, double? UsersAffectedPercent, string? Revenue, string? Sla, string? Data,
    string? Scope, string? Effect, bool? DataLoss, bool? SecurityBreach, bool? Workaround);

public sealed record EventJson
{
    public required string Time { get; init; }

    public string? EndTime { get; init; }

    public required string Event { get; init; }

    public required string Kind { get; init; }

    public required string KindRule { get; init; }

    /// <summary>Every kind the event carries, strongest first, with the phrase or column that gave it.</summary>
    public IReadOnlyList<EvidenceJson> Kinds { get; init; } = [];

    /// <summary>The status a timeline table gave the row, when it had a status column.</summary>
    public string? Status { get; init; }

    public string? Source { get; init; }

    public string? Actor { get; init; }

    public required string WrittenTime { get; init; }

    public required string Zone { get; init; }

    public required bool ZoneAssumed { get; init; }

    public required string ZoneOrigin { get; init; }

    public required double Confidence { get; init; }

    public required ProvenanceJson Provenance { get; init; }

    public required IReadOnlyList<ProvenanceJson> AlsoSeenIn { get; init; }
}

public sealed record ProvenanceJson(string File, int Line, int Column, string Raw);

public sealed record KeyTimeJson(string Time, string Rule, string Event, ProvenanceJson Provenance, IReadOnlyList<EvidenceJson> Evidence, IReadOnlyList<CandidateJson> Candidates);

public sealed record EvidenceJson(string Kind, string Phrase, string Origin, double Strength);

public sealed record CandidateJson(string Time, string Event, IReadOnlyList<EvidenceJson> Evidence, ProvenanceJson Provenance);

public sealed record KeyTimestampsJson(KeyTimeJson? ImpactStart, KeyTimeJson? Detection, string? DetectionMethod, KeyTimeJson? FirstCustomerReport,
    long? DetectionAfterFirstCustomerReportMinutes, KeyTimeJson? Escalation, KeyTimeJson? Mitigation, KeyTimeJson? Resolution, KeyTimeJson? Communication);

public sealed record GapJson(string Name, string Label, long? Minutes);

public sealed record SilenceJson(string From, string To, long Minutes, string Before, string After);

public sealed record SeverityJson(string Level, string Label, string Rationale, string Rule, string Scale);

public sealed record FactorJson(string Id, string Category, string Text, bool AcceptedRisk);

public sealed record AssessmentJson(string Phase, string? WhatHappened, string? WhatWorked, string? WhatDidNot);

public sealed record ActionJson(string Id, string Action, string? Type, string? Owner, string? Due, string Status, string? Effort, IReadOnlyList<string> Factors);

public sealed record FollowUpJson(string? ActionReview, string? RetroCheckIn, string RetroRule);

public sealed record GoalJson(string Goal, string? Target, string? Actual, string? Assessment);

public sealed record MilestoneJson(string Name, string? Planned, string? Actual, int? SlipDays);

public sealed record LessonsJson(IReadOnlyList<string> Process, IReadOnlyList<string> Technical, IReadOnlyList<string> People, IReadOnlyList<string> Client);

public sealed record ProjectJson(string? Start, string? End, IReadOnlyList<GoalJson> Goals, IReadOnlyList<MilestoneJson> Milestones,
    IReadOnlyDictionary<string, string> Delivered, IReadOnlyList<string> StakeholderFeedback, IReadOnlyList<string> DoDifferently,
    LessonsJson Lessons, IReadOnlyList<string> Recommendations);

public sealed record DiagnosticJson(string Code, string Severity, string Message, string File, int Line, int Column);
