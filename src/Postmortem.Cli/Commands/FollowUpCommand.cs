using System.CommandLine;
using NodaTime;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem followup FILE [--as-of DATE]</c>: the action-item review — done, due, overdue.</summary>
internal static class FollowUpCommand
{
    public static Command Create(CliConsole console, IClock clock)
    {
        var file = new Argument<string>("FILE") { Description = "Incident or project file (YAML)" };
        var asOf = OptionValues.Date("--as-of", "Review date (YYYY-MM-DD); default today", "2023-12-11");
        var output = CommonOptions.Output();
        var config = CommonOptions.Config();
        var allow = CommonOptions.AllowOutside();
        var command = new Command("followup", "Action item review: done, due soon, overdue (exit 1 when any is overdue)")
        {
            file, asOf, output, config, allow,
        };
        command.SetAction(p =>
        {
            var path = p.GetValue(file)!;
            var date = p.GetValue(asOf) ?? clock.GetCurrentInstant().InUtc().Date;

            if (!CommonOptions.OutputIsNotAnInput(console, p.GetValue(output), path, p.GetValue(config))
                || CommonOptions.LoadAnalyzed(console, path, p.GetValue(config), p.GetValue(allow)) is not { } pm)
            {
                return ExitCodes.InputError;
            }

            var rendered = Postmortems.FollowUp(pm, date, out var overdue);
            if (!CommonOptions.Emit(console, p.GetValue(output), rendered))
            {
                return ExitCodes.InputError;
            }

            return overdue > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }
}
