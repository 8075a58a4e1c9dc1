using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Postmortem.Analysis;
using Postmortem.Web.Accounts;
using Postmortem.Web.Hosting;
using Postmortem.Web.Meetings;

namespace Postmortem.Web.Pages.Meetings;

/// <summary>The live review meeting: anyone signed in joins; an editor or admin closes it (refused, with the reasons, while an action lacks an owner or a due date).</summary>
public sealed class RoomModel(WebSettings settings, TimeProvider clock, MeetingRegistry registry, MeetingCloser closer, IHubContext<MeetingHub> hub)
    : WebPage(settings, clock)
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public Meeting? Meeting { get; private set; }

    public MeetingView? View { get; private set; }

    /// <summary>The postmortem as the library analyses it now (timeline, gaps, silent stretches, factors, draft actions), or null when its file has errors.</summary>
    public AnalyzedPostmortem? Postmortem { get; private set; }

    /// <summary>Why Close was refused.</summary>
    public IReadOnlyList<string> Refused { get; private set; } = [];

    public bool Facilitates => User.IsInRole(Roles.Editor) || User.IsInRole(Roles.Admin);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (registry.Get(Id) is not { } meeting)
        {
            return NotFound("no meeting with that id");
        }

        await Load(meeting, registry.View(meeting), cancellationToken).ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken)
    {
        if (!Facilitates)
        {
            return Forbid();
        }

        if (registry.Get(Id) is not { } meeting)
        {
            return NotFound("no meeting with that id");
        }

        var (problems, view) = closer.Close(meeting);
        if (problems.Count > 0)
        {
            Refused = problems;
            Response.StatusCode = StatusCodes.Status409Conflict;
            await Load(meeting, view, cancellationToken).ConfigureAwait(false);
            return Page();
        }

        await hub.Clients.Group(meeting.Id).SendAsync("state", view, cancellationToken).ConfigureAwait(false);
        return RedirectToPage("/Meetings/Room", new { id = meeting.Id });
    }

    private async Task Load(Meeting meeting, MeetingView view, CancellationToken cancellationToken)
    {
        (Meeting, View) = (meeting, view);
        if (Settings.FullPath(meeting.Path) is { } file && System.IO.File.Exists(file))
        {
            var result = await Postmortems.AnalyzeFileAsync(file, cancellationToken: cancellationToken).ConfigureAwait(false);
            Postmortem = result.HasErrors ? null : result.Value;
        }
    }
}
