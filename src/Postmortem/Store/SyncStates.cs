using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Postmortem.Store;

/// <summary>An action as <c>sync</c> needs it: the indexed action with its postmortem's id and severity.</summary>
/// <param name="Action">The indexed action.</param>
/// <param name="PostmortemId">The postmortem's id, when it has one.</param>
/// <param name="Severity">The postmortem's severity, when known.</param>
internal sealed record SyncAction(IndexedAction Action, string? PostmortemId, string? Severity);

/// <summary>What the last sync of one action with one tracker left behind (<c>pm_sync</c>, schema 5).</summary>
/// <param name="Tracker">The tracker's name (<c>github</c>, <c>jira</c>).</param>
/// <param name="ActionId">The action's minted id.</param>
/// <param name="IssueKey">The issue's key (<c>#42</c>, <c>OPS-7</c>); null while a create is under way (the journal).</param>
/// <param name="IssueUrl">The issue's web address, when known.</param>
/// <param name="LocalState">The action's state (open, done, not-doing) when last synced.</param>
/// <param name="RemoteState">The issue's state in the same words when last synced.</param>
/// <param name="SyncedAt">When.</param>
internal sealed record SyncedAction(string Tracker, string ActionId, string? IssueKey, string? IssueUrl, string LocalState, string RemoteState, Instant SyncedAt);

/// <summary>Reads and writes the sync state; each write is its own short transaction, so a crash keeps every step before it.</summary>
internal static class SyncStates
{
    /// <summary>Every indexed action with its postmortem's id and severity, by file and position.</summary>
    public static IReadOnlyList<SyncAction> Actions(StoreSession session)
    {
        using var command = session.Command(
            """
            SELECT a.path, d.title, a.action_id, a.action, a.type, a.owner, a.due, a.status, a.state, a.line, d.postmortem_id, d.severity
            FROM pm_actions a JOIN pm_documents d ON d.path = a.path
            ORDER BY a.path, a.seq
            """);
        using var reader = command.ExecuteReader();
        var actions = new List<SyncAction>();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            LocalDate? due = Text(6) is { } d && LocalDatePattern.Iso.Parse(d) is { Success: true } parsed ? parsed.Value : null;
            var action = new IndexedAction(reader.GetString(0), Text(1), reader.GetString(2), reader.GetString(3), Text(4), Text(5), due, reader.GetString(7), reader.GetString(8),
                Convert.ToInt32(reader.GetValue(9), CultureInfo.InvariantCulture));
            actions.Add(new SyncAction(action, Text(10), Text(11)));
        }

        return actions;
    }

    /// <summary>The state of every action synced with <paramref name="tracker"/>, by action id.</summary>
    public static IReadOnlyDictionary<string, SyncedAction> Load(StoreSession session, string tracker)
    {
        using var command = session.Command(
            "SELECT action_id, issue_key, issue_url, local_state, remote_state, synced_at FROM pm_sync WHERE tracker = @tracker", null, ("tracker", tracker));
        using var reader = command.ExecuteReader();
        var states = new Dictionary<string, SyncedAction>(StringComparer.Ordinal);
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var at = InstantPattern.ExtendedIso.Parse(reader.GetString(5)) is { Success: true } parsed ? parsed.Value : Instant.MinValue;
            states[reader.GetString(0)] = new SyncedAction(tracker, reader.GetString(0), Text(1), Text(2), reader.GetString(3), reader.GetString(4), at);
        }

        return states;
    }

    /// <summary>Writes (inserts or replaces) one action's state.</summary>
    public static void Save(StoreSession session, SyncedAction state)
    {
        using var transaction = session.BeginWrite();
        var parameters = new (string, object?)[]
        {
            ("tracker", state.Tracker), ("id", state.ActionId), ("key", state.IssueKey), ("url", state.IssueUrl),
            ("local", state.LocalState), ("remote", state.RemoteState), ("at", InstantPattern.ExtendedIso.Format(state.SyncedAt)),
        };
        session.Execute("DELETE FROM pm_sync WHERE tracker = @tracker AND action_id = @id", transaction, parameters[0], parameters[1]);
        session.Execute(
            "INSERT INTO pm_sync (tracker, action_id, issue_key, issue_url, local_state, remote_state, synced_at) VALUES (@tracker, @id, @key, @url, @local, @remote, @at)",
            transaction, parameters);
        transaction.Commit();
    }
}
