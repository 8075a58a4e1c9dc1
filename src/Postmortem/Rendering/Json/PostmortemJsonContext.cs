using System.Text.Json.Serialization;

namespace Postmortem.Rendering.Json;

/// <summary>Source-generated serialization for the JSON contract: no reflection, so the CLI can ship as NativeAOT.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PostmortemJson))]
[JsonSerializable(typeof(TimelineJson))]
[JsonSerializable(typeof(List<DiagnosticJson>))]
[JsonSerializable(typeof(EventJson))]
internal sealed partial class PostmortemJsonContext : JsonSerializerContext;
