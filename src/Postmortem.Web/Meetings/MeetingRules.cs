using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Postmortem.Analysis.Actions;
using Postmortem.Ingest.Yaml;
using Postmortem.Model;
using Postmortem.Rendering.Review;

namespace Postmortem.Web.Meetings;

/// <summary>The meeting's rules, apart from HTTP and SignalR: the agenda's clock, what may be added, dot-voting, and what Close requires.</summary>
public static class MeetingRules
{
    /// <summary>Dots each participant has to vote with.</summary>
    public const int VotesPerPerson = 3;

    /// <summary>The longest text one addition may have.</summary>
    public const int MaxText = 500;

    /// <summary>Meeting lengths allowed, in minutes.</summary>
    public const int MinMinutes = 10;

    /// <summary>The longest meeting, in minutes.</summary>
    public const int MaxMinutes = 240;

    /// <summary>The efforts an action may be given.</summary>
    public static IReadOnlyList<string> Efforts { get; } = ["small", "medium", "large"];

    /// <summary>The seven agenda parts with their seconds in a meeting of <paramref name="minutes"/> (the library's agenda timings, scaled).</summary>
    public static IReadOnlyList<(string Title, int Seconds)> Parts(int minutes) =>
        [.. AgendaRenderer.Segments.Zip(AgendaRenderer.Scale(minutes), (s, m) => (s.Title, m * 60))];

    /// <summary>Seconds left in the part under way at <paramref name="now"/> (negative when it runs over).</summary>
    public static long SecondsLeft(Meeting meeting, DateTimeOffset now) =>
        Parts(meeting.Minutes)[meeting.Part].Seconds - (long)Math.Floor((now - meeting.PartStarted).TotalSeconds);

    /// <summary>Moves to the next part; a problem when the meeting is on its last part or closed.</summary>
    public static string? Next(Meeting meeting, DateTimeOffset now)
    {
        if (meeting.Outcome is not null)
        {
            return "the meeting is closed";
        }

        if (meeting.Part >= AgendaRenderer.Segments.Count - 1)
        {
            return "this is the last part: close the meeting";
        }

        meeting.Part++;
        meeting.PartStarted = now;
        return null;
    }

    /// <summary>Adds a factor; a problem when the category or text is not one the record takes.</summary>
    public static string? AddFactor(Meeting meeting, string? category, string? text, string author)
    {
        if ((Open(meeting) ?? Text(text)) is { } problem)
        {
            return problem;
        }

        if (category is null || !IncidentFileKeys.FactorCategories.Contains(category))
        {
            return $"the category must be one of {string.Join(", ", IncidentFileKeys.FactorCategories)}";
        }

        meeting.Factors.Add(new MeetingFactor(category, OneLine(text!), author));
        return null;
    }

    /// <summary>Adds an action with a minted id; a problem when the type, effort or text is not one the record takes.</summary>
    public static string? AddAction(Meeting meeting, string? text, string? type, string? effort, string author)
    {
        if ((Open(meeting) ?? Text(text)) is { } problem)
        {
            return problem;
        }

        if (type is null || !IncidentFileKeys.ActionTypes.Contains(type))
        {
            return $"the type must be one of {string.Join(", ", IncidentFileKeys.ActionTypes)}";
        }

        if (!string.IsNullOrEmpty(effort) && !Efforts.Contains(effort))
        {
            return $"the effort must be one of {string.Join(", ", Efforts)}";
        }

        meeting.Actions.Add(new MeetingAction { Id = ActionId.New(), Text = OneLine(text!), Type = type, Effort = string.IsNullOrEmpty(effort) ? null : effort, Author = author });
        return null;
    }

    /// <summary>Gives or takes back <paramref name="voter"/>'s dot on an action; a problem when the voter has none left.</summary>
    public static string? Vote(Meeting meeting, string actionId, string voter)
    {
        if (Open(meeting) is { } closed)
        {
            return closed;
        }

        if (meeting.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action)
        {
            return $"no action '{actionId}' in this meeting";
        }

        if (action.Voters.Remove(voter))
        {
            return null;
        }

        if (meeting.Actions.Sum(a => a.Voters.Count(v => v == voter)) >= VotesPerPerson)
        {
            return $"you have used your {VotesPerPerson} votes: take one back first";
        }

        action.Voters.Add(voter);
        return null;
    }

    /// <summary>Links an action to a factor added in the meeting (the factor it addresses), or undoes the link.</summary>
    public static string? Link(Meeting meeting, string actionId, int factor)
    {
        if (Open(meeting) is { } closed)
        {
            return closed;
        }

        if (meeting.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action)
        {
            return $"no action '{actionId}' in this meeting";
        }

        if (factor < 0 || factor >= meeting.Factors.Count)
        {
            return "no such factor in this meeting";
        }

        if (!action.Factors.Remove(factor))
        {
            action.Factors.Add(factor);
            action.Factors.Sort();
        }

        return null;
    }

    /// <summary>Sets an action's owner and due date; a problem when the date is not YYYY-MM-DD.</summary>
    public static string? Assign(Meeting meeting, string actionId, string? owner, string? due)
    {
        if (Open(meeting) is { } closed)
        {
            return closed;
        }

        if (meeting.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action)
        {
            return $"no action '{actionId}' in this meeting";
        }

        if (!string.IsNullOrWhiteSpace(due) && !LocalDatePattern.Iso.Parse(due.Trim()).Success)
        {
            return $"the due date must be YYYY-MM-DD, not '{due}'";
        }

        if (owner is { Length: > MaxText })
        {
            return $"the owner is longer than {MaxText} characters";
        }

        action.Owner = string.IsNullOrWhiteSpace(owner) ? null : OneLine(owner);
        action.Due = string.IsNullOrWhiteSpace(due) ? null : due.Trim();
        return null;
    }

    /// <summary>The actions by votes (most first), then by leverage and effort as the library ranks them, then as added.</summary>
    public static IReadOnlyList<MeetingAction> Ranked(Meeting meeting)
    {
        var leverage = ActionChecker.Rank(meeting.Actions.Select(Item)).Select((a, i) => (a.Id, i)).ToDictionary(p => p.Id, p => p.i);
        return [.. meeting.Actions.OrderByDescending(a => a.Voters.Count).ThenBy(a => leverage[a.Id])];
    }

    /// <summary>Why the meeting cannot close on <paramref name="today"/>: every action needs an owner and a due date after today.</summary>
    public static IReadOnlyList<string> CloseProblems(Meeting meeting, LocalDate today)
    {
        if (Open(meeting) is { } closed)
        {
            return [closed];
        }

        var problems = new List<string>();
        foreach (var a in Ranked(meeting))
        {
            if (a.Owner is null)
            {
                problems.Add($"\"{a.Text}\" has no owner");
            }

            if (a.Due is null)
            {
                problems.Add($"\"{a.Text}\" has no due date");
            }
            else if (LocalDatePattern.Iso.Parse(a.Due).Value <= today)
            {
                problems.Add($"\"{a.Text}\" is due {a.Due}, not after today ({today.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)})");
            }
        }

        return problems;
    }

    /// <summary>A meeting action as the library's action item (for ranking and checks).</summary>
    public static ActionItem Item(MeetingAction a) => new()
    {
        Id = a.Id,
        Action = a.Text,
        Type = Enum.Parse<ActionType>(a.Type, ignoreCase: true),
        Effort = a.Effort,
        Owner = a.Owner,
        Due = a.Due is null ? null : LocalDatePattern.Iso.Parse(a.Due).GetValueOrThrow(),
        Status = "Open",
    };

    private static string? Open(Meeting meeting) => meeting.Outcome is null ? null : "the meeting is closed";

    private static string? Text(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "the text is empty" : text.Length > MaxText ? $"the text is longer than {MaxText} characters" : null;

    // The record holds one line per item: line breaks and runs of spaces become one space.
    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
