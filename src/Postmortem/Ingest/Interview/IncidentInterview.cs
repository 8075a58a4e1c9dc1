using NodaTime.Text;
using Postmortem.Ingest.Notes;
using K = Postmortem.Ingest.Yaml.IncidentFileKeys;

namespace Postmortem.Ingest.Interview;

/// <summary>The seed's step 1 ("Gather inputs") as questions whose answers become an incident or project file.</summary>
public static class IncidentInterview
{
    /// <summary>Every question, in the order they are asked.</summary>
    public static IReadOnlyList<InterviewQuestion> Questions { get; } =
    [
        new("type", "Postmortem type -- incident (default) or project?", QuestionShape.Choice, null, ["incident", "project"]),
        new("title", "Title (the incident in a few words, or the project/engagement name)", QuestionShape.Line, null, null, Required: true),
        new("date", "Date of the incident (YYYY-MM-DD)", QuestionShape.Date, false),
        new("timeZone", "Time zone for times written without one (IANA id such as America/New_York, or UTC)", QuestionShape.Zone, false),
        new("summary", "Summary -- what happened, in plain language?", QuestionShape.Text),
        new("severity", "Severity, if your team already set one (e.g. SEV-2); leave empty to classify from impact", QuestionShape.Line, false),
        new("notes", "Timeline data -- paste alerts, chat, pages, deploy logs, status page updates, customer reports. Raw is fine", QuestionShape.Text, false),
        new("resolution", "Resolution -- what fixed it? Who was involved (roles)?", QuestionShape.Text, false),
        new("impact.usersAffected", "Users affected (number or percentage)", QuestionShape.Line, false),
        new("impact.scope", "Who was affected?", QuestionShape.Choice, false, K.Scopes),
        new("impact.effect", "How badly?", QuestionShape.Choice, false, K.Effects),
        new("impact.revenue", "Revenue impact (if measurable)", QuestionShape.Line, false),
        new("impact.sla", "SLA impact (any breach?)", QuestionShape.Line, false),
        new("impact.data", "Data impact (any loss or corruption?)", QuestionShape.Line, false),
        new("period.start", "Engagement start (YYYY-MM-DD)", QuestionShape.Date, true),
        new("period.end", "Engagement end (YYYY-MM-DD)", QuestionShape.Date, true),
        new("goals", "Original goals, one per line: goal | target | actual | met, partially-met or not-met", QuestionShape.Text, true),
        new("delivered.scope", "Delivered vs. planned: scope", QuestionShape.Line, true),
        new("delivered.timeline", "Delivered vs. planned: timeline", QuestionShape.Line, true),
        new("delivered.quality", "Delivered vs. planned: quality", QuestionShape.Line, true),
        new("feedback", "Stakeholder feedback, one item per line", QuestionShape.Text, true),
        new("team.context", "Team context -- who was on call? How experienced is the team with postmortems?", QuestionShape.Text),
        new("team.roster", "Team members and roles, one per line: name | role", QuestionShape.Text),
        new("author", "Author of this postmortem (a team or role)", QuestionShape.Line),
        new("postmortemDate", "Date of the postmortem review (YYYY-MM-DD)", QuestionShape.Date),
    ];

    /// <summary>The questions that apply once the type is known.</summary>
    public static IEnumerable<InterviewQuestion> For(bool project) => Questions.Where(q => q.Project is null || q.Project == project);

    /// <summary>Checks one answer; returns the normalised answer, or an error message.</summary>
    public static (string? Value, string? Error) Check(InterviewQuestion question, string? answer)
    {
        var text = answer?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return question.Required ? (null, "an answer is required") : (null, null);
        }

        switch (question.Shape)
        {
            case QuestionShape.Date:
                return LocalDatePattern.Iso.Parse(text) is { Success: true } date && Model.DateRange.Contains(date.Value) ? (text, null) : (null, "expected a date such as 2023-11-24 (years 2 to 9998)");
            case QuestionShape.Zone:
                return ZoneAbbreviations.ResolveZone(text) is not null
                    ? (text, null)
                    : (null, "expected an IANA zone id such as America/New_York, or UTC");
            case QuestionShape.Choice:
                var choice = question.Choices!.FirstOrDefault(c => c.Equals(text.Replace(' ', '-'), StringComparison.OrdinalIgnoreCase));
                return choice is null ? (null, $"expected one of: {string.Join(", ", question.Choices!)}") : (choice, null);
            default:
                return (answer!.Trim('\n', '\r'), null);
        }
    }
}
