namespace Postmortem.Rendering.Lint;

// The lint JSON contract and the subset of SARIF 2.1.0 we write; docs/lint-rules.md documents the JSON.

/// <summary>One finding in <c>lint --format json</c>.</summary>
internal sealed record LintFindingJson(string File, int Line, int Column, string Rule, string Name, string Severity, string Message, string Suggestion);

/// <summary>A SARIF log.</summary>
internal sealed record SarifLog(
    [property: System.Text.Json.Serialization.JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

/// <summary>A SARIF run.</summary>
internal sealed record SarifRun(SarifTool Tool, IReadOnlyList<SarifResult> Results, IReadOnlyList<SarifArtifact> Artifacts);

/// <summary>A SARIF tool.</summary>
internal sealed record SarifTool(SarifDriver Driver);

/// <summary>The SARIF tool driver and its rules.</summary>
internal sealed record SarifDriver(string Name, string Version, string SemanticVersion, IReadOnlyList<SarifRule> Rules);

/// <summary>A SARIF rule descriptor.</summary>
internal sealed record SarifRule(string Id, string Name, SarifText ShortDescription, SarifText FullDescription, SarifText Help, SarifConfiguration DefaultConfiguration);

/// <summary>A SARIF default configuration.</summary>
internal sealed record SarifConfiguration(string Level);

/// <summary>A SARIF message or description.</summary>
internal sealed record SarifText(string Text);

/// <summary>A SARIF result.</summary>
internal sealed record SarifResult(string RuleId, int RuleIndex, string Level, SarifText Message, IReadOnlyList<SarifLocation> Locations);

/// <summary>A SARIF location.</summary>
internal sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

/// <summary>A SARIF physical location.</summary>
internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion Region);

/// <summary>A SARIF artifact location.</summary>
internal sealed record SarifArtifactLocation(string Uri, int Index);

/// <summary>A SARIF region.</summary>
internal sealed record SarifRegion(int StartLine, int StartColumn, int EndLine, int EndColumn);

/// <summary>A SARIF artifact.</summary>
internal sealed record SarifArtifact(SarifArtifactLocation Location);
