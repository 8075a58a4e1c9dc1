using Postmortem.Analysis.Actions;

namespace Postmortem.Web.Meetings;

/// <summary>What every participant's page shows of a meeting, sent whole after each change (the page draws it as text).</summary>
public sealed record MeetingView(
    string Id,
    string Title,
    string Path,
    bool Closed,
    int Part,
    IReadOnlyList<MeetingView.PartView> Parts,
    long SecondsLeft,
    DateTimeOffset ServerNow,
    IReadOnlyList<MeetingFactor> Factors,
    IReadOnlyList<MeetingView.ActionView> Actions,
    int VotesPerPerson,
    MeetingOutcome? Outcome)
{
    /// <summary>The meeting at <paramref name="now"/>.</summary>
    public static MeetingView Of(Meeting m, DateTimeOffset now) => new(
        m.Id,
        m.Title,
        m.Path,
        m.Outcome is not null,
        m.Part,
        [.. MeetingRules.Parts(m.Minutes).Select(p => new PartView(p.Title, p.Seconds))],
        MeetingRules.SecondsLeft(m, now),
        now,
        [.. m.Factors],
        [.. MeetingRules.Ranked(m).Select(a => new ActionView(a.Id, a.Text, a.Type, Leverage(a.Type), a.Effort, ActionChecker.IsVague(a.Text), a.Owner, a.Due, a.Voters.Count, [.. a.Voters], [.. a.Factors]))],
        MeetingRules.VotesPerPerson,
        m.Outcome);

    // Seed step 6: prevent > detect > mitigate > process, 1 the highest.
    private static int Leverage(string type) => Array.IndexOf(Ingest.Yaml.IncidentFileKeys.ActionTypes, type) + 1;

    /// <summary>An agenda part and its time in this meeting.</summary>
    public sealed record PartView(string Title, int Seconds);

    /// <summary>
    /// An action with its leverage (1 = prevent … 4 = process), effort, the library's vagueness check, owner, due date,
    /// votes, and the meeting's factors it addresses (their places in <see cref="MeetingView.Factors"/>).
    /// </summary>
    public sealed record ActionView(string Id, string Text, string Type, int Leverage, string? Effort, bool Vague, string? Owner, string? Due, int Votes, IReadOnlyList<string> Voters, IReadOnlyList<int> Factors);
}
