using System.CommandLine;
using NodaTime;
using Postmortem.Analysis;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Notes;
using Postmortem.Model;
using Postmortem.Rendering.Json;
using Postmortem.Rendering.Markdown;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem timeline [NOTES] [--export PATH]...</c>: raw notes and/or exports → one merged timeline with key timestamps and gaps.</summary>
internal static class TimelineCommand
{
    public static Command Create(CliConsole console)
    {
        var notes = new Argument<string?>("NOTES") { Description = "Raw notes file, or - for standard input (optional with --export)", Arity = ArgumentArity.ZeroOrOne };
        var export = new Option<string[]>("--export", "-e") { Description = "An export to merge in (repeatable): Slack folder or .zip, PagerDuty, Opsgenie, Datadog, Alertmanager, Statuspage, GitHub, Zendesk JSON, or CSV", AllowMultipleArgumentsPerToken = false };
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

        var problems = new List<Diagnostic>();
        var zone = tz ?? DateTimeZone.Utc;
        if (notes is null && exports.Paths.Length == 0)
        {
            problems.Add(DiagnosticCatalog.UsageError("give a notes file (or - for standard input), one or more --export, or both"));
        }

        var window = new IncidentWindow(exports.From, exports.To, null);
        var name = notes is null ? exports.Paths.FirstOrDefault() ?? "<none>" : notes == "-" ? "<stdin>" : notes;
        var text = ReadNotes(console, notes, problems);

        var (options, configDiagnostics) = CommonOptions.LoadConfig(configPath, notes is null or "-" ? "." : Path.GetDirectoryName(Path.GetFullPath(notes)) ?? ".");
        problems.AddRange(configDiagnostics);
        if (DiagnosticPrinter.HasErrors(problems))
        {
            DiagnosticPrinter.Print(problems, console);
            return ExitCodes.InputError;
        }

        var extracted = NotesExtractor.Extract(text, new NotesOptions { File = name, AnchorDate = anchor, DefaultZone = zone });
        text = string.Empty; // The events hold what they need: the whole text need not live through analysis and output (issue 9).
        var sources = exports.Paths.Select(p => new ExportSource(p, exports.Channels, exports.All, exports.Markers.Length == 0 ? null : exports.Markers.Select(m => m.Trim(':')).ToList(),
            new Dictionary<string, string>(), 0, 0)).ToList();
        var document = new PostmortemDocument
        {
            SourceFile = name, Type = PostmortemType.Incident, Title = name, Date = anchor, TimeZone = zone, Events = extracted.Events, Sources = sources, Window = window,
        };
        var (merged, exportDiagnostics) = ExportProgress.Attach(console, document, string.Empty, options);
        if (DiagnosticPrinter.HasErrors(exportDiagnostics))
        {
            DiagnosticPrinter.Print(problems.Concat(extracted.Diagnostics).Concat(exportDiagnostics).ToList(), console);
            return ExitCodes.InputError;
        }

        var analyzed = Analyzer.Analyze(merged, problems.Concat(extracted.Diagnostics).Concat(exportDiagnostics), options with { TimelineOnly = true });
        DiagnosticPrinter.Print(analyzed.Diagnostics, console);
        if (analyzed.HasErrors)
        {
            return ExitCodes.InputError;
        }

        // Streamed to the output: a timeline of a million rows is never one string.
        Action<Stream> render = format == "json" ? stream => JsonRenderer.WriteTimeline(analyzed, stream) : stream => CommonOptions.WriteText(stream, w => IncidentMarkdownRenderer.RenderTimeline(analyzed, w));
        if (OutputTarget.Write(output, render, console) is { } failure)
        {
            DiagnosticPrinter.Print([failure], console);
            return ExitCodes.InputError;
        }

        return ExitCodes.Ok;
    }

    /// <summary>The notes text: standard input for <c>-</c>, the file otherwise, empty when none was given or it cannot be read.</summary>
    private static string ReadNotes(CliConsole console, string? notes, List<Diagnostic> problems)
    {
        if (notes == "-")
        {
            return console.In.ReadToEnd();
        }

        if (notes is null)
        {
            return string.Empty;
        }

        var (file, problem) = Ingest.TextFile.Read(notes);
        if (problem is not null)
        {
            problems.Add(problem);
        }

        return file?.Text ?? string.Empty;
    }
}
