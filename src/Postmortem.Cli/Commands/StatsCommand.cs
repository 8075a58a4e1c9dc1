using System.CommandLine;
using NodaTime;
using Postmortem.Store;
using Postmortem.Store.Reports;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem stats</c>: response-time medians and p90s with coverage, and action health, from the index (docs/metrics.md).</summary>
internal static class StatsCommand
{
    public static Command Create(CliConsole console, IClock clock)
    {
        var since = OptionValues.Date("--since", "Only incidents on or after this date (YYYY-MM-DD)", "2024-01-01");
        var by = new Option<string?>("--by") { Description = "Group by severity or month" }.AcceptingOnly([.. StatsQuery.Groupings]);
        var asOf = OptionValues.Date("--as-of", "The day overdue actions are counted on (YYYY-MM-DD); default today", "2024-01-15");
        var format = new Option<string>("--format", "-f") { Description = "Output format: " + string.Join(", ", StatsReportWriter.Formats) + " (html: one page with distribution and trend charts)", DefaultValueFactory = _ => StatsReportWriter.Formats[0] }.AcceptingOnly([.. StatsReportWriter.Formats]);
        var output = CommonOptions.Output();
        var store = StoreOptions.Store();
        var command = new Command("stats", "Time to detect, escalate, mitigate, resolve and communicate (median, p90, coverage) and action health, from the index")
        {
            since, by, asOf, format, output, store,
        };
        command.SetAction(p =>
        {
            using var session = StoreOptions.Open(console, p.GetValue(store), StoreOptions.BaseDirectory());
            if (session is null)
            {
                return ExitCodes.InputError;
            }

            var report = StatsQuery.Compute(session, p.GetValue(since), p.GetValue(by), p.GetValue(asOf) ?? clock.GetCurrentInstant().InUtc().Date);
            return CommonOptions.Emit(console, p.GetValue(output), stream => StatsReportWriter.Write(report, p.GetValue(format)!, stream)) ? ExitCodes.Ok : ExitCodes.InputError;
        });
        return command;
    }
}
