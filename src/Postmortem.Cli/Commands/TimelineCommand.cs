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

/// <summary><c>postmortem timeline NOTES</c>: raw notes alone → the reconstructed timeline with key timestamps and gaps.</summary>
internal static class TimelineCommand
{
    public static Command Create(CliConsole console)
    {
        var notes = new Argument<string>("NOTES") { Description = "Raw notes file, or - for standard input" };
        var date = new Option<string?>("--date") { Description = "Date (YYYY-MM-DD) for times written without one" };
        var tz = new Option<string?>("--tz") { Description = "Zone for times that carry none: an IANA id (America/New_York) or UTC; default UTC" };
        var output = CommonOptions.Output();
        var format = CommonOptions.Format();
        var config = CommonOptions.Config();
        var command = new Command("timeline", "Reconstruct a timeline in UTC from raw notes, with key timestamps and gaps")
        {
            notes, date, tz, output, format, config,
        };
        command.SetAction(p => Run(console, p.GetValue(notes)!, p.GetValue(date), p.GetValue(tz), p.GetValue(output), p.GetValue(format)!, p.GetValue(config)));
        return command;
    }

    private static int Run(CliConsole console, string notes, string? dateText, string? tzText, string? output, string format, string? configPath)
    {
        var problems = new List<Diagnostic>();
        LocalDate? anchor = null;
        if (dateText is not null)
        {
            var parsed = LocalDatePattern.Iso.Parse(dateText);
            if (parsed.Success)
            {
                anchor = parsed.Value;
            }
            else
            {
                problems.Add(DiagnosticCatalog.InvalidArgument("--date", dateText, "a date such as 2023-11-24"));
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

        var name = notes == "-" ? "<stdin>" : notes;
        string text;
        try
        {
            text = notes == "-" ? console.In.ReadToEnd() : File.ReadAllText(notes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add(DiagnosticCatalog.FileUnreadable(name, e.Message));
            text = string.Empty;
        }

        var (options, configDiagnostics) = CommonOptions.LoadConfig(configPath, notes == "-" ? "." : Path.GetDirectoryName(Path.GetFullPath(notes)) ?? ".");
        problems.AddRange(configDiagnostics);
        if (DiagnosticPrinter.HasErrors(problems))
        {
            DiagnosticPrinter.Print(problems, console);
            return ExitCodes.InputError;
        }

        var extracted = NotesExtractor.Extract(text, new NotesOptions { File = name, AnchorDate = anchor, DefaultZone = zone });
        var document = new PostmortemDocument { SourceFile = name, Type = PostmortemType.Incident, Title = name, Date = anchor, TimeZone = zone, Events = extracted.Events };
        var analyzed = Analyzer.Analyze(document, problems.Concat(extracted.Diagnostics), options with { TimelineOnly = true });
        DiagnosticPrinter.Print(analyzed.Diagnostics, console);
        if (analyzed.HasErrors)
        {
            return ExitCodes.InputError;
        }

        var rendered = format == "json" ? JsonRenderer.RenderTimeline(analyzed) : IncidentMarkdownRenderer.RenderTimeline(analyzed);
        if (OutputTarget.Write(output, rendered, console) is { } failure)
        {
            DiagnosticPrinter.Print([failure], console);
            return ExitCodes.InputError;
        }

        return ExitCodes.Ok;
    }
}
