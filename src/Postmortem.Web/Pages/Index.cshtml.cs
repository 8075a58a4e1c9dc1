using Microsoft.AspNetCore.Mvc;
using Postmortem.Store;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Pages;

/// <summary>The postmortems in the index, with search and filters by severity, month, service, team and the state of their actions.</summary>
public sealed class IndexModel : WebPage
{
    public IndexModel(WebSettings settings, TimeProvider clock)
        : base(settings, clock)
    {
    }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Severity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Service { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Team { get; set; }

    [BindProperty(SupportsGet = true, Name = "actions")]
    public string? ActionState { get; set; }

    public IReadOnlyList<IndexedDocument> Documents { get; private set; } = [];

    public IReadOnlyList<string> Severities { get; private set; } = [];

    public IReadOnlyList<string> Months { get; private set; } = [];

    public IReadOnlyList<string> Services { get; private set; } = [];

    public IReadOnlyList<string> Teams { get; private set; } = [];

    public static IReadOnlyList<string> ActionStates => QueryFilters.ActionStates;

    public IActionResult OnGet()
    {
        var (filter, problem) = QueryFilters.Documents(Text, Severity, Month, ActionState, Service, Team);
        if (filter is null)
        {
            return Refuse(problem!);
        }

        using var session = Settings.Open();
        Documents = DocumentQuery.Find(session, filter);
        (Severities, Months) = DocumentQuery.Choices(session);
        (Services, Teams) = DocumentQuery.ServicesAndTeams(session);
        return Page();
    }
}
