using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Postmortem.Store;
using Postmortem.Web.Accounts;
using Postmortem.Web.Hosting;
using Postmortem.Web.Meetings;

namespace Postmortem.Web.Pages.Meetings;

/// <summary>Editors and admins: start a review meeting on an indexed postmortem, with its length; or rejoin one.</summary>
[Authorize(Policy = Roles.EditorPolicy)]
public sealed class StartModel(WebSettings settings, TimeProvider clock, MeetingRegistry registry) : WebPage(settings, clock)
{
    [BindProperty(SupportsGet = true)]
    public string? Path { get; set; }

    [BindProperty]
    public int Minutes { get; set; } = 50;

    public IndexedDocument? Document { get; private set; }

    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    public IActionResult OnGet() => Load() ?? Page();

    public IActionResult OnPost()
    {
        if (Load() is { } refused)
        {
            return refused;
        }

        if (Minutes is < MeetingRules.MinMinutes or > MeetingRules.MaxMinutes)
        {
            return Refuse($"the meeting's length must be {MeetingRules.MinMinutes} to {MeetingRules.MaxMinutes} minutes");
        }

        var meeting = registry.Start(Document!.Path, Document.Title ?? Document.Path, Minutes, User.Identity?.Name ?? "facilitator");
        return RedirectToPage("/Meetings/Room", new { id = meeting.Id });
    }

    // Only a path the index holds names a postmortem (the index is the list of what may be opened).
    private IActionResult? Load()
    {
        if (string.IsNullOrEmpty(Path) || Path.Length > 1000)
        {
            return Refuse("path is required: the postmortem's file as the index lists it");
        }

        using (var session = Settings.Open())
        {
            Document = DocumentQuery.Get(session, Path);
        }

        if (Document is null || Settings.FullPath(Document.Path) is not { } file || !System.IO.File.Exists(file))
        {
            return NotFound("no postmortem with that path is in the index");
        }

        Meetings = registry.For(Document.Path);
        return null;
    }
}
