using Microsoft.AspNetCore.Mvc;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Pages;

/// <summary>Editors and admins: index the configured folders again (what <c>postmortem index</c> does), then back to the list.</summary>
public sealed class ReindexModel(WebSettings settings, TimeProvider clock) : WebPage(settings, clock)
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public IActionResult OnPost()
    {
        var roots = Settings.Roots.Where(r => Path.Exists(Path.Combine(Settings.BaseDirectory, r))).ToList();
        var report = WebApp.Reindex(Settings, roots, Clock);
        TempData["Indexed"] = $"{report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged, {report.Removed} removed";
        return RedirectToPage("/Index");
    }
}
