using System.CommandLine;
using Postmortem.Diagnostics;
using Postmortem.Editing;
using Postmortem.Store;

namespace Postmortem.Cli.Commands;

/// <summary>
/// <c>postmortem actions set ID --status done|not-doing|open [--note TEXT]</c>: changes an action's status in its source
/// document (one line: the status value, or one added line when it had none), then updates the index from the file.
/// </summary>
internal static class ActionsSetCommand
{
    private static readonly string[] States = [Model.ActionStatus.Open, Model.ActionStatus.Done, Model.ActionStatus.NotDoing];

    public static Command Create(CliConsole console, TimeProvider clock)
    {
        var id = new Argument<string>("ID") { Description = "The action: its id (as 'postmortem actions' shows it), or PATH#ID when ids repeat across postmortems" };
        var status = new Option<string>("--status") { Description = "open, done or not-doing", Required = true }.AcceptingOnly(States);
        var note = new Option<string?>("--note") { Description = "Why (written beside the status as the action's note)" };
        var store = StoreOptions.Store();
        var command = new Command("set", "Set an action's status in its postmortem file (a one-line change) and in the index")
        {
            id, status, note, store,
        };
        command.SetAction(p => Run(console, clock, p.GetValue(id)!, p.GetValue(status)!, p.GetValue(note), p.GetValue(store)));
        return command;
    }

    private static int Run(CliConsole console, TimeProvider clock, string reference, string state, string? note, string? storeValue)
    {
        var baseDirectory = StoreOptions.BaseDirectory();
        using var session = StoreOptions.Open(console, storeValue, baseDirectory);
        if (session is null)
        {
            return ExitCodes.InputError;
        }

        var found = ActionQuery.Find(session, new ActionFilter { AsOf = NodaTime.LocalDate.MinIsoValue, Reference = reference });
        if (found.Count != 1)
        {
            DiagnosticPrinter.Print([DiagnosticCatalog.IndexedActionNotFound(reference, [.. found.Select(a => $"{a.Path}#{a.Id}")])], console);
            return ExitCodes.InputError;
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
            DiagnosticPrinter.Print(edit.Diagnostics, console);
            return ExitCodes.InputError;
        }

        if (edit.Value.ChangedLines == 0)
        {
            console.Error.WriteLine($"{action.Path}:{edit.Value.Action.Line}: action {action.Id} is already '{edit.Value.Action.Status}'; nothing changed.");
            return ExitCodes.Ok;
        }

        if (OutputTarget.WriteBytes(file, edit.Value.Bytes) is { } failure)
        {
            DiagnosticPrinter.Print([failure], console);
            return ExitCodes.InputError;
        }

        console.Error.WriteLine($"{action.Path}:{edit.Value.Action.Line}: action {action.Id}: '{action.Status}' -> '{edit.Value.Action.Status}' ({edit.Value.ChangedLines} line{(edit.Value.ChangedLines == 1 ? string.Empty : "s")} changed)");
        try
        {
            PostmortemIndex.Update(session, baseDirectory, [action.Path], IndexCommand.Read, clock);
        }
        catch (Exception e) when (StoreOptions.IsStoreFailure(e))
        {
            // The file is the record and is written; the index catches up on the next 'postmortem index'.
            DiagnosticPrinter.Print([DiagnosticCatalog.StoreUnavailable(storeValue ?? StoreLocation.DefaultFile, e.Message)], console);
            return ExitCodes.InputError;
        }

        return ExitCodes.Ok;
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
