using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Postmortem.Store;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Pages;

/// <summary>The action board across incidents: owner, due, overdue, tracker link; the filters of <c>postmortem actions</c>.</summary>
public sealed class ActionsModel(WebSettings settings, TimeProvider clock) : WebPage(settings, clock)
{
    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "due-within")]
    public int? DueWithin { get; set; }

    [BindProperty(SupportsGet = true, Name = "as-of")]
    public string? AsOfText { get; set; }

    public LocalDate AsOf { get; private set; }

    public IReadOnlyList<IndexedAction> Actions { get; private set; } = [];

    public IActionResult OnGet()
    {
        var (filter, problem) = QueryFilters.Actions(Owner, Status, Overdue, DueWithin, AsOfText, Today);
        problem ??= !ModelState.IsValid ? "overdue must be true or false and due-within a number of days" : null;
        if (filter is null || problem is not null)
        {
            return Refuse(problem!);
        }

        AsOf = filter.AsOf;
        using var session = Settings.Open();
        Actions = ActionQuery.Find(session, filter);
        return Page();
    }

    /// <summary>The tracker as a link target when it is an http(s) URL; a key or anything else is shown as text.</summary>
    public static Uri? TrackerLink(string? tracker) =>
        Uri.TryCreate(tracker, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}
