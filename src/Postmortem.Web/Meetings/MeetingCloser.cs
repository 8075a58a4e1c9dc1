using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Postmortem.Analysis;
using Postmortem.Editing;
using Postmortem.Model;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Meetings;

/// <summary>
/// Closes a meeting: refuses while an action lacks an owner or a due date, else writes the new factors and actions into
/// the postmortem's source document through the library's editing stage (<see cref="Postmortems.AddToSource"/>, then
/// <see cref="SafeFile"/>), records the follow-up schedule the library computes, and indexes the file again.
/// </summary>
public sealed class MeetingCloser(WebSettings settings, MeetingRegistry registry, TimeProvider clock)
{
    /// <summary>Closes <paramref name="meeting"/>; the reasons it was refused (nothing written), or none.</summary>
    public (IReadOnlyList<string> Problems, MeetingView View) Close(Meeting meeting)
    {
        IReadOnlyList<string> problems = [];
        var (problem, view) = registry.Change(meeting, (m, now) =>
        {
            problems = Write(m, now);
            return problems.Count > 0 ? problems[0] : null;
        });
        if (problem is null)
        {
            var roots = settings.Roots.Where(r => Path.Exists(Path.Combine(settings.BaseDirectory, r))).ToList();
            WebApp.Reindex(settings, roots, clock);
        }

        return (problems, view);
    }

    private IReadOnlyList<string> Write(Meeting m, DateTimeOffset now)
    {
        var today = LocalDate.FromDateTime(now.UtcDateTime);
        if (MeetingRules.CloseProblems(m, today) is { Count: > 0 } problems)
        {
            return problems;
        }

        if (settings.FullPath(m.Path) is not { } file || !File.Exists(file))
        {
            return [$"the postmortem's file {m.Path} is no longer there"];
        }

        var factors = m.Factors.Select(f => new NewFactor(f.Category, f.Text)).ToList();
        var added = Postmortems.AddToSource(
            file,
            factors,
            [.. m.Actions.Select(a => new NewAction(a.Id, a.Text, Enum.Parse<ActionType>(a.Type, ignoreCase: true), a.Owner!, LocalDatePattern.Iso.Parse(a.Due!).Value, a.Effort)
            {
                NewFactors = [.. a.Factors.Select(i => factors[i])],
            })]);
        if (!added.Success)
        {
            return [.. added.Diagnostics.Select(d => $"{d.Code}: {d.Message}")];
        }

        if (added.Value.AddedLines > 0 && SafeFile.WriteBytes(file, added.Value.Bytes) is { } unwritten)
        {
            return [$"{unwritten.Code}: {unwritten.Message}"];
        }

        // The follow-up schedule of the library, counted from the postmortem date, or from today's meeting when the file gives none.
        var options = Postmortems.LoadOptions(null, Path.GetDirectoryName(file)!).Value ?? new AnalysisOptions();
        var document = added.Value.Document.PostmortemDate is null ? added.Value.Document with { PostmortemDate = today } : added.Value.Document;
        var schedule = Analyzer.FollowUp(document, options);
        m.Outcome = new MeetingOutcome(now, added.Value.AddedLines, Day(schedule.ActionReview), Day(schedule.RetroCheckIn), schedule.RetroRule);
        return [];
    }

    private static string? Day(LocalDate? date) => date?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
