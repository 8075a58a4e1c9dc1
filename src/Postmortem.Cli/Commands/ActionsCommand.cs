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
        var digest = new Option<bool>("--digest") { Description = "A short Markdown digest instead: overdue, due in the next 7 days, done in the last 7 days" };
        var output = CommonOptions.Output();
        var store = StoreOptions.Store();
        var command = new Command("actions", "Action items across the index: owner, state, overdue, due soon, the team's policies (run 'postmortem index' first)")
        {
            owner, status, overdue, dueWithin, asOf, format, digest, output, store,
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

            // The team's policies come from the .postmortem.yml that governs the current folder, as for every command.
            var settings = Postmortems.LoadOptions(null, Directory.GetCurrentDirectory());
            if (DiagnosticPrinter.HasErrors(settings.Diagnostics))
            {
                DiagnosticPrinter.Print(settings.Diagnostics, console);
                return ExitCodes.InputError;
            }

            var actions = ActionQuery.Find(session, filter);
            if (p.GetValue(digest))
            {
                return CommonOptions.Emit(console, p.GetValue(output), stream => ActionDigest.Write(actions, filter.AsOf, DateTimeZoneProviders.Tzdb.GetSystemDefault(), stream))
                    ? ExitCodes.Ok
                    : ExitCodes.InputError;
            }

            var broken = ActionsReport.Policies(actions, settings.Value?.ActionPolicies ?? []);
            if (!CommonOptions.Emit(console, p.GetValue(output), stream => ActionsReport.Write(actions, filter.AsOf, p.GetValue(format)!, stream, broken)))
            {
                return ExitCodes.InputError;
            }

            return (filter.Overdue && actions.Count > 0) || broken.Count > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }
}
