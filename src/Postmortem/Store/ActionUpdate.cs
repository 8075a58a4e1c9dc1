using Postmortem.Diagnostics;
using Postmortem.Editing;

namespace Postmortem.Store;

/// <summary>What <see cref="ActionUpdate.SetStatus"/> did: the action before, as the file reads after, and the lines changed (0: it already said so).</summary>
/// <param name="Before">The action as the index held it.</param>
/// <param name="After">The action as the edited file reads.</param>
/// <param name="ChangedLines">Lines changed or added in the file.</param>
public sealed record ActionChange(IndexedAction Before, Model.ActionItem After, int ChangedLines);

/// <summary>
/// <c>actions set</c> for every host: find the action in the index, change its status (and note) in its source file by
/// one line (<see cref="SourceEdits"/>), write the file safely (<see cref="SafeFile"/>), then bring the index up to date from it.
/// </summary>
public static class ActionUpdate
{
    /// <summary>Sets the state of the action <paramref name="reference"/> names (an id, or <c>path#id</c>).</summary>
    /// <param name="session">The index.</param>
    /// <param name="baseDirectory">The folder the index's paths are relative to.</param>
    /// <param name="reference">The action's id, or <c>path#id</c>.</param>
    /// <param name="state">open, done or not-doing.</param>
    /// <param name="note">Why, written as the action's note; null to leave it.</param>
    /// <param name="read">How a file is read for the index (the facade's pipeline).</param>
    /// <param name="clock">The time the index records.</param>
    public static Result<ActionChange> SetStatus(StoreSession session, string baseDirectory, string reference, string state, string? note, Func<string, IndexedRead> read, TimeProvider clock)
    {
        var found = ActionQuery.Find(session, new ActionFilter { AsOf = NodaTime.LocalDate.MinIsoValue, Reference = reference });
        if (found.Count != 1)
        {
            return new(null, [DiagnosticCatalog.IndexedActionNotFound(reference, [.. found.Select(a => $"{a.Path}#{a.Id}")])]);
        }

        var action = found[0];
        List<(ActionField, string)> changes = [(ActionField.Status, Word(state, action.Status))];
        if (note is not null)
        {
            changes.Add((ActionField.Note, note));
        }

        var file = Path.Combine(baseDirectory, action.Path);
        var edit = SourceEdits.SetAction(file, action.Id, changes);
        if (!edit.Success)
        {
            return new(null, edit.Diagnostics);
        }

        if (edit.Value.ChangedLines > 0)
        {
            if (SafeFile.WriteBytes(file, edit.Value.Bytes) is { } failure)
            {
                return new(null, [failure]);
            }

            // The file is the record and is written; should the index fail now, the next 'postmortem index' catches up.
            PostmortemIndex.Update(session, baseDirectory, [action.Path], read, clock);
        }

        return new(new ActionChange(action, edit.Value.Action, edit.Value.ChangedLines), []);
    }

    // The state in the file's own style: "Done" beside a capitalised "Open", "done" beside "open".
    private static string Word(string state, string current)
    {
        var capital = current.Length > 0 && char.IsUpper(current[0]);
        return (state, capital) switch
        {
            (Model.ActionStatus.NotDoing, true) => "Not doing",
            (_, true) => char.ToUpperInvariant(state[0]) + state[1..],
            _ => state,
        };
    }
}
