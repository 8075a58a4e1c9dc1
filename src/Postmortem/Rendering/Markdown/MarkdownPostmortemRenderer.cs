using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Rendering.Markdown;

/// <summary>The <c>markdown</c> format: the seed's incident or project template.</summary>
public sealed class MarkdownPostmortemRenderer : IPostmortemRenderer
{
    /// <inheritdoc/>
    public string Name => "markdown";

    /// <inheritdoc/>
    public void Write(AnalyzedPostmortem postmortem, Stream output) =>
        TextOutput.Write(output, w =>
        {
            if (postmortem.Document.Type == PostmortemType.Project)
            {
                w.Write(ProjectMarkdownRenderer.Render(postmortem));
            }
            else
            {
                IncidentMarkdownRenderer.Render(postmortem, w);
            }
        });

    /// <inheritdoc/>
    public void WriteTimeline(AnalyzedPostmortem postmortem, Stream output) =>
        TextOutput.Write(output, w => IncidentMarkdownRenderer.RenderTimeline(postmortem, w));
}
