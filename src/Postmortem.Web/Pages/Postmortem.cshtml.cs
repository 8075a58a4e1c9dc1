using Microsoft.AspNetCore.Mvc;
using Postmortem.Diagnostics;
using Postmortem.Rendering.Html;
using Postmortem.Store;
using Postmortem.Web.Content;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Pages;

/// <summary>One postmortem, read from its file and rendered by the library; only a path the index holds can be asked for.</summary>
public sealed class PostmortemModel : WebPage
{
    public PostmortemModel(WebSettings settings, TimeProvider clock)
        : base(settings, clock)
    {
    }

    [BindProperty(SupportsGet = true)]
    public string? Path { get; set; }

    public IndexedDocument? Document { get; private set; }

    /// <summary>The rendered postmortem (encoded by the renderer or by <see cref="SafeHtml"/>), or null when the file has errors.</summary>
    public string? Html { get; private set; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];

    /// <summary>The blameless-language findings, each beside its sentence (written and encoded by the library), or null when the file cannot be linted.</summary>
    public string? Findings { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (file, document, refused) = Locate(Path);
        Document = document;
        if (refused is not null)
        {
            return refused;
        }

        var result = await Postmortems.AnalyzeFileAsync(file!, cancellationToken: cancellationToken).ConfigureAwait(false);
        Diagnostics = result.Diagnostics;
        Html = result.HasErrors || result.Value is null ? null : SafeHtml.Postmortem(result.Value);
        var options = Postmortems.LoadOptions(null, System.IO.Path.GetDirectoryName(file)!).Value ?? new Analysis.AnalysisOptions();
        if (Postmortems.Lint(file!, options.Lint).Value is { } linted)
        {
            Findings = FindingsHtml.Write(linted.Source.Text, linted.Findings);
        }
        return Page();
    }
}
