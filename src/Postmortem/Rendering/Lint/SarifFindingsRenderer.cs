using Postmortem.Analysis.Lint;

namespace Postmortem.Rendering.Lint;

/// <summary>The <c>sarif</c> findings format (SARIF 2.1.0), naming the tool at <paramref name="toolVersion"/>.</summary>
/// <param name="toolVersion">The version written as the tool's.</param>
internal sealed class SarifFindingsRenderer(string toolVersion) : IFindingsRenderer
{
    /// <inheritdoc/>
    public string Name => "sarif";

    /// <inheritdoc/>
    public void Write(IReadOnlyList<LintFinding> findings, Stream output) => TextOutput.Write(output, w => w.Write(LintRenderer.Sarif(findings, toolVersion)));
}
