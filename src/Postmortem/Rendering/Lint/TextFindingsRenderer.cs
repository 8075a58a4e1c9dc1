using Postmortem.Analysis.Lint;

namespace Postmortem.Rendering.Lint;

/// <summary>The <c>text</c> findings format: <c>file:line:col: severity CODE message</c>.</summary>
internal sealed class TextFindingsRenderer : IFindingsRenderer
{
    /// <inheritdoc/>
    public string Name => "text";

    /// <inheritdoc/>
    public void Write(IReadOnlyList<LintFinding> findings, Stream output) => TextOutput.Write(output, w => w.Write(LintRenderer.Text(findings)));
}
