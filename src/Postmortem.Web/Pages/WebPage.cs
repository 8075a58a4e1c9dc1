using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
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

    /// <summary>A YYYY-MM-DD query value; null and a problem when it is not one.</summary>
    protected static (LocalDate? Date, string? Problem) Date(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return (null, null);
        }

        var parsed = LocalDatePattern.Iso.Parse(value);
        return parsed.Success ? (parsed.Value, null) : (null, string.Create(CultureInfo.InvariantCulture, $"{name} must be a date YYYY-MM-DD, not '{value}'"));
    }

    /// <summary>Whether <paramref name="value"/> is empty or one of <paramref name="allowed"/>.</summary>
    protected static string? OneOf(string name, string? value, IReadOnlyList<string> allowed) =>
        string.IsNullOrEmpty(value) || allowed.Contains(value) ? null : $"{name} must be one of {string.Join(", ", allowed)}";
}
