using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Postmortem.Diagnostics;
using Postmortem.Editing;
using Postmortem.Store;
using Postmortem.Web.Accounts;
using Postmortem.Web.Content;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Pages;

/// <summary>
/// Editors and admins: a postmortem's source edited section by section. The form carries the version it started from
/// (the file's SHA-256, also the page's ETag; a client may send <c>If-Match</c> instead); a save from an older version is
/// a 409 that shows what changed in the section since and keeps the typed text. The text is saved through the library's
/// round trip (<see cref="SectionUpdate"/>), so the file's diff is the lines a person would have changed by hand.
/// </summary>
[Authorize(Policy = Roles.EditorPolicy)]
public sealed class EditModel(WebSettings settings, TimeProvider clock) : WebPage(settings, clock)
{
    [BindProperty(SupportsGet = true)]
    public string? Path { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Section { get; set; }

    /// <summary>The version the edit started from.</summary>
    [BindProperty]
    public string? Version { get; set; }

    /// <summary>The section's text when the edit started, to show what changed since should the file move on.</summary>
    [BindProperty]
    public string? Original { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    /// <summary><c>save</c> or <c>preview</c> (lint only).</summary>
    [BindProperty]
    public string? Intent { get; set; }

    public IndexedDocument? Document { get; private set; }

    public IReadOnlyList<SourceSection> Sections { get; private set; } = [];

    /// <summary>The file's version as read for this request (the ETag).</summary>
    public string? CurrentVersion { get; private set; }

    public SourceSection? Current { get; private set; }

    public IReadOnlyList<SectionFinding> Findings { get; private set; } = [];

    /// <summary>Why the file cannot be edited, or the save was refused.</summary>
    public IReadOnlyList<Diagnostic> Problems { get; private set; } = [];

    /// <summary>On a stale save: the section from the version the edit started from to now.</summary>
    public IReadOnlyList<DiffLine>? Changes { get; private set; }

    public IActionResult OnGet()
    {
        if (Load() is { } refused)
        {
            return refused;
        }

        Version = CurrentVersion;
        if (Current is not null)
        {
            Original = Text = Current.Text;
            Findings = SectionLint.Findings(Settings, Text);
        }

        return Page();
    }

    public IActionResult OnPost()
    {
        if (Load() is { } refused)
        {
            return refused;
        }

        if (Current is null || Text is null || Text.Length > SectionLint.MaxLength)
        {
            return Refuse($"section and text are required, the text at most {SectionLint.MaxLength} characters");
        }

        var startedFrom = IfMatch() ?? Version;
        if (string.IsNullOrEmpty(startedFrom))
        {
            return Refuse("the version the edit started from is required (the form's Version, or an If-Match header)");
        }

        Findings = SectionLint.Findings(Settings, Text);
        if (Intent == "preview")
        {
            return Page();
        }

        Result<SectionSave> saved;
        using (var session = Settings.Open())
        {
            saved = SectionUpdate.Save(session, Settings.BaseDirectory, Path!, Section!, startedFrom, Text, Postmortems.IndexRead, Clock);
        }

        if (saved.Value is { Saved: false } stale)
        {
            // Nothing lost: the typed text stays in the box, now against the current version, with what changed beside it.
            Changes = SectionDiff.Lines(Original ?? string.Empty, stale.Section.Text);
            Version = stale.Version;
            Original = stale.Section.Text;
            Problems = saved.Diagnostics;
            Response.Headers.ETag = Tag(stale.Version);
            Response.StatusCode = StatusCodes.Status409Conflict;
            ModelState.Clear();
            return Page();
        }

        if (!saved.Success)
        {
            Problems = saved.Diagnostics;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData["Saved"] = saved.Value.ChangedLines == 0 ? "Nothing to save: the section already says that."
            : $"Saved: {saved.Value.ChangedLines} line(s) of {Path} changed, and the index updated.";
        return RedirectToPage("/Edit", new { path = Path, section = Section });
    }

    /// <summary>The file's sections, and the one asked for; the ETag of the version read.</summary>
    private IActionResult? Load()
    {
        var (file, document, refused) = Locate(Path);
        Document = document;
        if (refused is not null)
        {
            return refused;
        }

        var read = SectionUpdate.Read(file!);
        if (!read.Success)
        {
            Problems = read.Diagnostics;
            return null;
        }

        Sections = read.Value.Sections;
        CurrentVersion = read.Value.Version;
        Response.Headers.ETag = Tag(read.Value.Version);
        if (!string.IsNullOrEmpty(Section))
        {
            Current = Sections.FirstOrDefault(s => s.Key == Section);
            if (Current is null)
            {
                return NotFound($"no section '{Section}' in {Path}");
            }
        }

        return null;
    }

    // A strong ETag is the quoted version; a weak one (W/) never matches for a write.
    private string? IfMatch()
    {
        var header = Request.Headers.IfMatch.ToString();
        return EntityTagHeaderValue.TryParse(header, out var tag) && !tag.IsWeak ? tag.Tag.ToString().Trim('"') : null;
    }

    private static string Tag(string version) => $"\"{version}\"";
}
