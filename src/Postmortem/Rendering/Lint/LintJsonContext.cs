using System.Text.Json.Serialization;

namespace Postmortem.Rendering.Lint;

/// <summary>Source-generated serialization for lint output (NativeAOT-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(List<LintFindingJson>))]
[JsonSerializable(typeof(SarifLog))]
internal sealed partial class LintJsonContext : JsonSerializerContext;
