namespace Postmortem.Rendering.Lint;

// The lint JSON contract and the subset of SARIF 2.1.0 we write; docs/lint-rules.md documents the JSON.

/// <summary>One finding in <c>lint --format json</c>.</summary>
public sealed record LintFindingJson(string File, int Line, int Column, string Rule, string Name, string Severity, string Message, string Suggestion);

/// <summary>A SARIF log.</summary>
public sealed record SarifLog(
    [property: System.Text.Json.Serialization.JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

/// <summary>A SARIF run.</summary>
public sealed record SarifRun(SarifTool Tool, IReadOnlyList<SarifResult> Results, IReadOnlyList<SarifArtifact> Artifacts);

/// <summary>A SARIF tool.</summary>
public sealed record SarifTool(SarifDriver Driver);

/// <summary>The SARIF tool driver and its rules.</summary>
public sealed record SarifDriver(string Name, string Version, string SemanticVersion, IReadOnlyList<SarifRule> Rules);

/// <summary>A SARIF rule descriptor.</summary>
public sealed record SarifRule(string Id, string Name, SarifText ShortDescription, SarifText FullDescription, SarifText Help, SarifConfiguration DefaultConfiguration);

/// <summary>A SARIF default configuration.</summary>
public sealed record SarifConfiguration(string Level);

/// <summary>A SARIF message or description.</summary>
public sealed record SarifText(string Text);

/// <summary>A SARIF result.</summary>
public sealed record SarifResult(string RuleId, int RuleIndex, string Level, SarifText Message, IReadOnlyList<SarifLocation> Locations);

/// <summary>A SARIF location.</summary>
public sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

/// <summary>A SARIF physical location.</summary>
public sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion Region);

/// <summary>A SARIF artifact location.</summary>
public sealed record SarifArtifactLocation(string Uri, int Index);

/// <summary>A SARIF region.</summary>
public sealed record SarifRegion(int StartLine, int StartColumn, int EndLine, int EndColumn);

/// <summary>A SARIF artifact.</summary>
public sealed record SarifArtifact(SarifArtifactLocation Location);
