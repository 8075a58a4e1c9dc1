using Postmortem.Rendering.Html;
using Postmortem.Rendering.Json;
using Postmortem.Rendering.Lint;
using Postmortem.Rendering.Markdown;

namespace Postmortem.Rendering;

/// <summary>The built-in renderers.</summary>
public static class Renderers
{
    /// <summary>Postmortem formats: <c>markdown</c> (the default), <c>json</c> and <c>html</c>.</summary>
    public static RendererRegistry<IPostmortemRenderer> Postmortem { get; } =
        new([new MarkdownPostmortemRenderer(), new JsonPostmortemRenderer(), new HtmlPostmortemRenderer()], r => r.Name);

    /// <summary>Findings formats: <c>text</c> (the default), <c>json</c> and <c>sarif</c>; SARIF names the tool at <paramref name="toolVersion"/>.</summary>
    public static RendererRegistry<IFindingsRenderer> Findings(string toolVersion) =>
        new([new TextFindingsRenderer(), new JsonFindingsRenderer(), new SarifFindingsRenderer(toolVersion)], r => r.Name);
}
