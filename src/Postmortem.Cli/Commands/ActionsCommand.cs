using System.CommandLine;
using NodaTime;
using Postmortem.Store;
using Postmortem.Store.Reports;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem actions</c>: action items across every indexed postmortem — by owner, state, overdue, due soon.</summary>
internal static class ActionsCommand
{
    public static Command Create(CliConsole console, IClock clock)
    {
        var owner = new Option<string?>("--owner") { Description = "Only this owner (case-insensitive)" };
        var status = new Option<string?>("--status") { Description = "Only this state: open, done or not-doing" }.AcceptingOnly(Model.ActionStatus.Open, Model.ActionStatus.Done, Model.ActionStatus.NotDoing);
        var overdue = new Option<bool>("--overdue") { Description = "Only open actions past their due date (exit 1 when there are any)" };
        var dueWithin = OptionValues.Days("--due-within", "Only open actions due within this many days of --as-of (7d, 2w)");
        var asOf = OptionValues.Date("--as-of", "The day to count from (YYYY-MM-DD); default today", "2024-01-15");
        var format = new Option<string>("--format", "-f") { Description = "table, json or csv", DefaultValueFactory = _ => "table" }.AcceptingOnly([.. ActionsReport.Formats]);
        var output = CommonOptions.Output();
        var store = StoreOptions.Store();
        var command = new Command("actions", "Action items across the index: owner, state, overdue, due soon (run 'postmortem index' first)")
        {
            owner, status, overdue, dueWithin, asOf, format, output, store,
        };
        command.Subcommands.Add(ActionsSetCommand.Create(console, TimeProvider.System));
        command.SetAction(p =>
        {
            var filter = new ActionFilter
            {
                AsOf = p.GetValue(asOf) ?? clock.GetCurrentInstant().InUtc().Date,
                Owner = p.GetValue(owner),
                State = p.GetValue(status),
                Overdue = p.GetValue(overdue),
                DueWithinDays = p.GetValue(dueWithin),
            };
            using var session = StoreOptions.Open(console, p.GetValue(store), StoreOptions.BaseDirectory());
            if (session is null)
            {
                return ExitCodes.InputError;
            }

            var actions = ActionQuery.Find(session, filter);
            if (!CommonOptions.Emit(console, p.GetValue(output), stream => ActionsReport.Write(actions, filter.AsOf, p.GetValue(format)!, stream)))
            {
                return ExitCodes.InputError;
            }

            return filter.Overdue && actions.Count > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }
}
