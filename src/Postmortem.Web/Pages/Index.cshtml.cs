using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Postmortem.Store;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Pages;

/// <summary>The postmortems in the index, with search and filters by severity, month, service, team and the state of their actions.</summary>
public sealed partial class IndexModel : WebPage
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

    public static IReadOnlyList<string> ActionStates { get; } = [Model.ActionStatus.Open, Model.ActionStatus.Done, Model.ActionStatus.NotDoing];

    public IActionResult OnGet()
    {
        if (!string.IsNullOrEmpty(Month) && !MonthPattern().IsMatch(Month))
        {
            return Refuse($"month must be YYYY-MM, not '{Month}'");
        }

        if (OneOf("actions", ActionState, ActionStates) is { } problem)
        {
            return Refuse(problem);
        }

        if (Text?.Length > 200 || Severity?.Length > 50 || Service?.Length > 200 || Team?.Length > 200)
        {
            return Refuse("the search text, the service and the team are limited to 200 characters and the severity to 50");
        }

        using var session = Settings.Open();
        Documents = DocumentQuery.Find(session, new DocumentFilter { Text = Text, Severity = Severity, Month = Month, ActionState = ActionState, Service = Service, Team = Team });
        (Severities, Months) = DocumentQuery.Choices(session);
        (Services, Teams) = DocumentQuery.ServicesAndTeams(session);
        return Page();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex MonthPattern();
}
