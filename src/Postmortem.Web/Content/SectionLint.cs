using Postmortem.Web.Hosting;

namespace Postmortem.Web.Content;

/// <summary>A lint finding as the edit page and <c>POST /api/lint</c> show it; the line counts from the section's first line.</summary>
public sealed record SectionFinding(int Line, int Column, string Rule, string Name, string Severity, string Message, string Suggestion);

/// <summary>Lints a section's text the way <c>postmortem lint</c> lints prose, with the team's settings (<c>.postmortem.yml</c> at the base).</summary>
public static class SectionLint
{
    /// <summary>The longest text linted in one request.</summary>
    public const int MaxLength = 200_000;

    /// <summary>The findings in <paramref name="text"/>, by line.</summary>
    public static IReadOnlyList<SectionFinding> Findings(WebSettings settings, string text)
    {
        var options = Postmortems.LoadOptions(null, settings.BaseDirectory).Value?.Lint ?? new Analysis.Lint.LintOptions();
        return [.. Postmortems.LintText("section.md", text, options)
            .OrderBy(f => f.Line).ThenBy(f => f.Column)
            .Select(f => new SectionFinding(f.Line, f.Column, f.Rule.Id, f.Rule.Name, f.Severity.ToString().ToLowerInvariant(), f.Message, f.Suggestion))];
    }
}
