using Postmortem.Analysis;

namespace Postmortem.Rendering.Json;

/// <summary>The <c>json</c> format: the contract of docs/json.md.</summary>
internal sealed class JsonPostmortemRenderer : IPostmortemRenderer
{
    /// <inheritdoc/>
    public string Name => "json";

    /// <inheritdoc/>
    public void Write(AnalyzedPostmortem postmortem, Stream output) => JsonRenderer.Write(postmortem, output);

    /// <inheritdoc/>
    public void WriteTimeline(AnalyzedPostmortem postmortem, Stream output) => JsonRenderer.WriteTimeline(postmortem, output);
}
