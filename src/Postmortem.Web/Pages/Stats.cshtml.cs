using System.Text;
using Microsoft.AspNetCore.Mvc;
using Postmortem.Store;
using Postmortem.Store.Reports;
using Postmortem.Web.Content;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Pages;

/// <summary>The stats dashboard: the HTML report of <c>postmortem stats --format html</c> (strip plots, monthly trends, tables), with its since / by / as-of choices.</summary>
public sealed class StatsModel(WebSettings settings, TimeProvider clock) : WebPage(settings, clock)
{
    [BindProperty(SupportsGet = true)]
    public string? Since { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    [BindProperty(SupportsGet = true, Name = "as-of")]
    public string? AsOf { get; set; }

    public string Html { get; private set; } = string.Empty;

    public IActionResult OnGet()
    {
        var (since, problem) = QueryFilters.Date("since", Since);
        var (asOf, asOfProblem) = QueryFilters.Date("as-of", AsOf);
        if ((problem ?? asOfProblem ?? QueryFilters.OneOf("by", By, StatsQuery.Groupings)) is { } refused)
        {
            return Refuse(refused);
        }

        using var session = Settings.Open();
        var report = StatsQuery.Compute(session, since, string.IsNullOrEmpty(By) ? null : By, asOf ?? Today);
        using var stream = new MemoryStream();
        StatsReportWriter.Write(report, "html", stream);
        Html = SafeHtml.Body(Encoding.UTF8.GetString(stream.ToArray()));
        return Page();
    }
}
