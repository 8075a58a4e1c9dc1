using System.CommandLine;
using NodaTime;
using NodaTime.Text;
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
        var from = new Option<string?>("--from") { Description = "Window start, ISO 8601 (default: the notes' first event minus 60 minutes)" };
        var to = new Option<string?>("--to") { Description = "Window end, ISO 8601 (default: the notes' last event plus 60 minutes)" };
        var all = new Option<bool>("--all") { Description = "Keep every chat message, not only pinned, marked and recognised ones" };
        var marker = new Option<string[]>("--marker") { Description = "Reaction that marks a chat message for the timeline (repeatable; default: pushpin)" };
        var date = new Option<string?>("--date") { Description = "Date (YYYY-MM-DD) for times written without one" };
        var tz = new Option<string?>("--tz") { Description = "Zone for times that carry none: an IANA id (America/New_York) or UTC; default UTC" };
        var output = CommonOptions.Output();
        var format = CommonOptions.Format();
        var config = CommonOptions.Config();
        var command = new Command("timeline", "Reconstruct one UTC timeline from raw notes and/or tool exports (merged, de-duplicated, kept to the window), with key timestamps and gaps")
        {
            notes, export, channel, from, to, all, marker, date, tz, output, format, config,
        };
        command.SetAction(p => Run(console, p.GetValue(notes), new Exports(p.GetValue(export) ?? [], p.GetValue(channel) ?? [], p.GetValue(from), p.GetValue(to), p.GetValue(all), p.GetValue(marker) ?? []),
            p.GetValue(date), p.GetValue(tz), p.GetValue(output), p.GetValue(format)!, p.GetValue(config)));
        return command;
    }

    private sealed record Exports(string[] Paths, string[] Channels, string? From, string? To, bool All, string[] Markers);

    private static int Run(CliConsole console, string? notes, Exports exports, string? dateText, string? tzText, string? output, string format, string? configPath)
    {
        var problems = new List<Diagnostic>();
        LocalDate? anchor = null;
        if (dateText is not null)
        {
            var parsed = LocalDatePattern.Iso.Parse(dateText);
            if (parsed.Success && Postmortem.Model.DateRange.Contains(parsed.Value))
            {
                anchor = parsed.Value;
            }
            else
            {
                problems.Add(DiagnosticCatalog.InvalidArgument("--date", dateText, "a date such as 2023-11-24 (years 2 to 9998)"));
            }
        }

        var zone = DateTimeZone.Utc;
        if (tzText is not null)
        {
            if (ZoneAbbreviations.ResolveZone(tzText) is { } z)
            {
                zone = z;
            }
            else
            {
                problems.Add(DiagnosticCatalog.InvalidArgument("--tz", tzText, "an IANA zone id such as America/New_York, or UTC"));
            }
        }

        if (notes is null && exports.Paths.Length == 0)
        {
            problems.Add(DiagnosticCatalog.UsageError("give a notes file (or - for standard input), one or more --export, or both"));
        }

        var window = new IncidentWindow(Instant("--from", exports.From, problems), Instant("--to", exports.To, problems), null);
        var name = notes is null ? exports.Paths.FirstOrDefault() ?? "<none>" : notes == "-" ? "<stdin>" : notes;
        string text;
        try
        {
            text = notes is null ? string.Empty : notes == "-" ? console.In.ReadToEnd() : File.ReadAllText(notes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add(DiagnosticCatalog.FileUnreadable(name, e.Message));
            text = string.Empty;
        }

        var (options, configDiagnostics) = CommonOptions.LoadConfig(configPath, notes is null or "-" ? "." : Path.GetDirectoryName(Path.GetFullPath(notes)) ?? ".");
        problems.AddRange(configDiagnostics);
        if (DiagnosticPrinter.HasErrors(problems))
        {
            DiagnosticPrinter.Print(problems, console);
            return ExitCodes.InputError;
        }

        var extracted = NotesExtractor.Extract(text, new NotesOptions { File = name, AnchorDate = anchor, DefaultZone = zone });
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

    private static Instant? Instant(string option, string? text, List<Diagnostic> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (Ingest.Exports.ExportTime.TryIso(text, out var parsed))
        {
            return parsed.Instant;
        }

        problems.Add(DiagnosticCatalog.InvalidArgument(option, text, "an ISO 8601 time such as 2023-11-24T12:00:00Z"));
        return null;
    }
}
