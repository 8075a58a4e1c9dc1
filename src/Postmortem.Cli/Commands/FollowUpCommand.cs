using System.CommandLine;
using NodaTime;
using NodaTime.Text;
using Postmortem.Diagnostics;
using Postmortem.Rendering.Review;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem followup FILE [--as-of DATE]</c>: the action-item review — done, due, overdue.</summary>
internal static class FollowUpCommand
{
    public static Command Create(CliConsole console, IClock clock)
    {
        var file = new Argument<string>("FILE") { Description = "Incident or project file (YAML)" };
        var asOf = new Option<string?>("--as-of") { Description = "Review date (YYYY-MM-DD); default today" };
        var output = CommonOptions.Output();
        var config = CommonOptions.Config();
        var command = new Command("followup", "Action item review: done, due soon, overdue (exit 1 when any is overdue)")
        {
            file, asOf, output, config,
        };
        command.SetAction(p =>
        {
            var path = p.GetValue(file)!;
            LocalDate date;
            if (p.GetValue(asOf) is { } text)
            {
                var parsed = LocalDatePattern.Iso.Parse(text);
                if (!parsed.Success || !Postmortem.Model.DateRange.Contains(parsed.Value))
                {
                    DiagnosticPrinter.Print([DiagnosticCatalog.InvalidArgument("--as-of", text, "a date such as 2023-12-11 (years 2 to 9998)")], console);
                    return ExitCodes.InputError;
                }

                date = parsed.Value;
            }
            else
            {
                date = clock.GetCurrentInstant().InUtc().Date;
            }

            if (CommonOptions.LoadAnalyzed(console, path, p.GetValue(config)) is not { } pm)
            {
                return ExitCodes.InputError;
            }

            var rendered = FollowUpRenderer.Render(pm, date, out var overdue);
            if (!CommonOptions.Emit(console, p.GetValue(output), rendered))
            {
                return ExitCodes.InputError;
            }

            return overdue > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }
}
