using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using NodaTime;
using Postmortem.Store;
using Postmortem.Web.Accounts;
using Postmortem.Web.Content;

namespace Postmortem.Web.Hosting;

/// <summary>
/// The JSON API under <c>/api</c>, for CI (a bearer token) and the edit page's script (the cookie): the list, the action
/// board with its filters, re-indexing, and lint. A POST authenticated by the cookie must carry the antiforgery token
/// (header <c>RequestVerificationToken</c>); one authenticated by a bearer token need not, since a browser never adds
/// that header by itself.
/// </summary>
internal static class ApiEndpoints
{
    /// <summary>What <c>POST /api/lint</c> takes.</summary>
    public sealed record LintRequest(string? Text);

    public static void MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(ApiAuthentication.ReaderPolicy);
        api.MapGet("/postmortems", Postmortems);
        api.MapGet("/actions", Actions);
        api.MapPost("/reindex", Reindex).RequireAuthorization(ApiAuthentication.EditorPolicy).AddEndpointFilter(Antiforgery);
        api.MapPost("/lint", Lint).AddEndpointFilter(Antiforgery);
    }

    private static IResult Postmortems(WebSettings settings, string? q, string? severity, string? month, string? actions, string? service, string? team)
    {
        var (filter, problem) = QueryFilters.Documents(q, severity, month, actions, service, team);
        if (filter is null)
        {
            return Results.BadRequest(new { error = problem });
        }

        using var session = settings.Open();
        return Results.Ok(DocumentQuery.Find(session, filter).Select(d => new
        {
            path = d.Path, id = d.PostmortemId, kind = d.Kind, title = d.Title, incidentDate = Day(d.IncidentDate), severity = d.Severity,
            errors = d.Errors, openActions = d.OpenActions, actions = d.Actions, team = d.Team, services = d.Services,
        }));
    }

    private static IResult Actions(HttpRequest request, WebSettings settings, TimeProvider clock)
    {
        var query = request.Query;
        string? Value(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        var overdueText = Value("overdue");
        var dueText = Value("due-within");
        if ((!string.IsNullOrEmpty(overdueText) && !bool.TryParse(overdueText, out _)) || (!string.IsNullOrEmpty(dueText) && !int.TryParse(dueText, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return Results.BadRequest(new { error = "overdue must be true or false and due-within a number of days" });
        }

        var today = LocalDate.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (filter, problem) = QueryFilters.Actions(Value("owner"), Value("status"), overdueText is { Length: > 0 } o && bool.Parse(o),
            dueText is { Length: > 0 } d ? int.Parse(d, CultureInfo.InvariantCulture) : null, Value("as-of"), today);
        if (filter is null)
        {
            return Results.BadRequest(new { error = problem });
        }

        using var session = settings.Open();
        return Results.Ok(ActionQuery.Find(session, filter).Select(a => new
        {
            reference = a.Reference, path = a.Path, id = a.Id, action = a.Action, type = a.Type, owner = a.Owner, due = Day(a.Due), status = a.Status, state = a.State,
            overdue = a.IsOverdue(filter.AsOf), tracker = a.Tracker, postmortemId = a.PostmortemId, title = a.Title,
        }));
    }

    private static IResult Reindex(WebSettings settings, TimeProvider clock)
    {
        var roots = settings.Roots.Where(r => Path.Exists(Path.Combine(settings.BaseDirectory, r))).ToList();
        var report = WebApp.Reindex(settings, roots, clock);
        return Results.Ok(new { added = report.Added, updated = report.Updated, unchanged = report.Unchanged, removed = report.Removed });
    }

    private static IResult Lint(LintRequest body, WebSettings settings) =>
        body.Text is null ? Results.BadRequest(new { error = "text is required" })
        : body.Text.Length > SectionLint.MaxLength ? Results.BadRequest(new { error = $"text is limited to {SectionLint.MaxLength} characters" })
        : Results.Ok(new { findings = SectionLint.Findings(settings, body.Text) });

    // Cookie-authenticated POSTs carry the antiforgery token; bearer-authenticated ones are not sent by a browser on its own.
    private static async ValueTask<object?> Antiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.AuthenticationType != ApiAuthentication.Bearer
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http).ConfigureAwait(false))
        {
            return Results.BadRequest(new { error = "the antiforgery token is missing or invalid (send it as the RequestVerificationToken header)" });
        }

        return await next(context).ConfigureAwait(false);
    }

    private static string? Day(LocalDate? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
