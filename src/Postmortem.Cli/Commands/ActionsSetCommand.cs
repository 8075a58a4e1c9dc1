using System.CommandLine;
using Postmortem.Diagnostics;
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

        Result<ActionChange> result;
        try
        {
            result = ActionUpdate.SetStatus(session, baseDirectory, reference, state, note, Postmortems.IndexRead, clock);
        }
        catch (Exception e) when (StoreOptions.IsStoreFailure(e))
        {
            DiagnosticPrinter.Print([DiagnosticCatalog.StoreUnavailable(storeValue ?? StoreLocation.DefaultFile, e.Message)], console);
            return ExitCodes.InputError;
        }

        if (!result.Success)
        {
            DiagnosticPrinter.Print(result.Diagnostics, console);
            return ExitCodes.InputError;
        }

        var (before, after, changed) = result.Value;
        console.Error.WriteLine(changed == 0
            ? $"{before.Path}:{after.Line}: action {before.Id} is already '{after.Status}'; nothing changed."
            : $"{before.Path}:{after.Line}: action {before.Id}: '{before.Status}' -> '{after.Status}' ({changed} line{(changed == 1 ? string.Empty : "s")} changed)");
        return ExitCodes.Ok;
    }
}
