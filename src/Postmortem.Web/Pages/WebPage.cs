using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Pages;

/// <summary>What the reading pages share: the settings, today's date, and reading a query value or answering 400 with why.</summary>
public abstract class WebPage : PageModel
{
    protected WebPage(WebSettings settings, TimeProvider clock)
    {
        Settings = settings;
        Clock = clock;
    }

    protected WebSettings Settings { get; }

    protected TimeProvider Clock { get; }

    /// <summary>Why the request was refused (400), when it was.</summary>
    public string? Problem { get; private set; }

    /// <summary>Today in UTC, the day overdue is counted on unless the request names one.</summary>
    protected LocalDate Today => LocalDate.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>400 with <paramref name="problem"/> as plain text.</summary>
    protected BadRequestObjectResult Refuse(string problem)
    {
        Problem = problem;
        return BadRequest(problem);
    }

    /// <summary>The file of an indexed postmortem named by <paramref name="path"/> as the index lists it; else the 400 or 404 that says why.</summary>
    protected (string? File, Postmortem.Store.IndexedDocument? Document, IActionResult? Refused) Locate(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return (null, null, Refuse("path is required: the postmortem's file as the index lists it"));
        }

        // The index keys paths relative to the base folder with forward slashes; nothing else names a postmortem.
        if (path.Length > 1000 || path.Contains('\\', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal) || path.StartsWith('/')
            || path.Split('/').Any(part => part is ".." or "."))
        {
            return (null, null, Refuse("path must be a file as the index lists it, relative to the repository, without '..'"));
        }

        Postmortem.Store.IndexedDocument? document;
        using (var session = Settings.Open())
        {
            document = Postmortem.Store.DocumentQuery.Get(session, path);
        }

        return document is null || Settings.FullPath(path) is not { } file || !System.IO.File.Exists(file)
            ? (null, document, NotFound("no postmortem with that path is in the index"))
            : (file, document, null);
    }
}
