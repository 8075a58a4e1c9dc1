using System.CommandLine;
using System.Text;
using NodaTime;
using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem timeline [NOTES] [--export PATH]...</c>: raw notes and/or exports → one merged timeline with key timestamps and gaps.</summary>
internal static class TimelineCommand
{
    public static Command Create(CliConsole console)
    {
        var notes = new Argument<string?>("NOTES") { Description = "Raw notes file, or - for standard input (optional with --export)", Arity = ArgumentArity.ZeroOrOne };
        var export = new Option<string[]>("--export", "-e") { Description = "An export to merge in (repeatable): Slack folder or .zip, PagerDuty, Opsgenie, Datadog, Alertmanager, Statuspage, GitHub, Zendesk, Teams (Graph messages), Discord (DiscordChatExporter) JSON, or CSV", AllowMultipleArgumentsPerToken = false };
        var channel = new Option<string[]>("--channel") { Description = "Slack channel to read (repeatable; default: every channel)" };
        var from = OptionValues.Time("--from", "Window start, ISO 8601 with an offset, or without one when --tz names the zone (default: the notes' first event minus 60 minutes)");
        var to = OptionValues.Time("--to", "Window end, ISO 8601 with an offset, or without one when --tz names the zone (default: the notes' last event plus 60 minutes)");
        var all = new Option<bool>("--all") { Description = "Keep every chat message, not only pinned, marked and recognised ones" };
        var marker = new Option<string[]>("--marker") { Description = "Reaction that marks a chat message for the timeline (repeatable; default: pushpin)" };
        var date = OptionValues.Date("--date", "Date (YYYY-MM-DD) for times written without one", "2023-11-24");
        var tz = OptionValues.Zone("--tz", "Zone for times that carry none: an IANA id (America/New_York) or UTC; default UTC", "America/New_York");
        var output = CommonOptions.Output();
        var format = CommonOptions.Format();
        var config = CommonOptions.Config();
        var command = new Command("timeline", "Reconstruct one UTC timeline from raw notes and/or tool exports (merged, de-duplicated, kept to the window), with key timestamps and gaps")
        {
            notes, export, channel, from, to, all, marker, date, tz, output, format, config,
        };
        OptionValues.CheckWindow(command, from, to, tz);
        command.SetAction(p =>
        {
            var (start, end) = OptionValues.Instants(p.GetValue(from), p.GetValue(to), p.GetValue(tz), out _);
            return Run(console, p.GetValue(notes), new Exports(p.GetValue(export) ?? [], p.GetValue(channel) ?? [], start, end, p.GetValue(all), p.GetValue(marker) ?? []),
                p.GetValue(date), p.GetValue(tz), p.GetValue(output), p.GetValue(format)!, p.GetValue(config));
        });
        return command;
    }

    private sealed record Exports(string[] Paths, string[] Channels, Instant? From, Instant? To, bool All, string[] Markers);

    private static int Run(CliConsole console, string? notes, Exports exports, LocalDate? anchor, DateTimeZone? tz, string? output, string format, string? configPath)
    {
        if (!CommonOptions.OutputIsNotAnInput(console, output, [notes, configPath, .. exports.Paths]))
        {
            return ExitCodes.InputError;
        }

        if (notes is null && exports.Paths.Length == 0)
        {
            DiagnosticPrinter.Print([DiagnosticCatalog.UsageError("give a notes file (or - for standard input), one or more --export, or both")], console);
            return ExitCodes.InputError;
        }

        string? stdin = null;
        if (notes == "-")
        {
            // Checked as a notes file is: invalid UTF-8 or NUL on standard input is PM0015, not U+FFFD in the timeline.
            var bytes = console.InBytes is { } raw ? ReadAll(raw) : Encoding.UTF8.GetBytes(console.In.ReadToEnd());
            var (file, problem) = Ingest.TextFile.Decode(bytes, "<stdin>");
            if (problem is not null)
            {
                DiagnosticPrinter.Print([problem], console);
                return ExitCodes.InputError;
            }

            stdin = file?.Text ?? string.Empty;
        }

        var input = new TimelineInput
        {
            Name = notes is null ? exports.Paths[0] : notes == "-" ? "<stdin>" : notes,
            NotesText = stdin,
            NotesFile = notes is null or "-" ? null : notes,
            Date = anchor,
            Zone = tz ?? DateTimeZone.Utc,
            Exports = exports.Paths.Select(p => new ExportSource(p, exports.Channels, exports.All, exports.Markers.Length == 0 ? null : exports.Markers.Select(m => m.Trim(':')).ToList(),
                new Dictionary<string, string>(), 0, 0)).ToList(),
            From = exports.From,
            To = exports.To,
        };
        var progress = new ExportProgress(console);
        var result = Postmortems.AnalyzeTimelineAsync(input, new PipelineOptions { ConfigFile = configPath, Progress = progress.Report }).GetAwaiter().GetResult();
        progress.Done();
        DiagnosticPrinter.Print(result.Diagnostics, console);
        if (result.Value is not { } analyzed || result.HasErrors)
        {
            return ExitCodes.InputError;
        }

        // Streamed to the output: a timeline of a million rows is never one string.
        return CommonOptions.Emit(console, output, stream => Postmortems.RenderTimeline(analyzed, format, stream)) ? ExitCodes.Ok : ExitCodes.InputError;
    }

    private static byte[] ReadAll(Stream input)
    {
        using var copy = new MemoryStream();
        input.CopyTo(copy);
        return copy.ToArray();
    }
}
