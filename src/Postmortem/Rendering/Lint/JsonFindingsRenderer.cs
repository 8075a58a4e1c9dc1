using Postmortem.Analysis.Lint;

namespace Postmortem.Rendering.Lint;

/// <summary>The <c>json</c> findings format.</summary>
internal sealed class JsonFindingsRenderer : IFindingsRenderer
{
    /// <inheritdoc/>
    public string Name => "json";

    /// <inheritdoc/>
    public void Write(IReadOnlyList<LintFinding> findings, Stream output) => TextOutput.Write(output, w => w.Write(LintRenderer.Json(findings)));
}
