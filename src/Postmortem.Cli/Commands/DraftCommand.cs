using System.CommandLine;
using Postmortem.Analysis;
using Postmortem.Ingest.Yaml;
using Postmortem.Model;
using Postmortem.Rendering.Json;
using Postmortem.Rendering.Markdown;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem draft FILE</c>: the whole postmortem document from an incident or project file.</summary>
internal static class DraftCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "Incident or project file (YAML; see docs/format.md)" };
        var output = CommonOptions.Output();
        var format = CommonOptions.Format();
        var config = CommonOptions.Config();
        var command = new Command("draft", "Draft the complete postmortem (seed step 5 template) from an incident or project file")
        {
            file, output, format, config,
        };
        command.SetAction(p => Run(console, p.GetValue(file)!, p.GetValue(output), p.GetValue(format)!, p.GetValue(config)));
        return command;
    }

    private static int Run(CliConsole console, string file, string? output, string format, string? configPath)
    {
        var read = IncidentFileReader.ReadFile(file);
        var (options, configDiagnostics) = CommonOptions.LoadConfig(configPath, Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".");
        var readDiagnostics = read.Diagnostics.Concat(configDiagnostics).ToList();
        if (read.Document is null || DiagnosticPrinter.HasErrors(readDiagnostics))
        {
            DiagnosticPrinter.Print(readDiagnostics, console);
            return ExitCodes.InputError;
        }

        var analyzed = Analyzer.Analyze(read.Document, readDiagnostics, options);
        DiagnosticPrinter.Print(analyzed.Diagnostics, console);
        var text = format == "json" ? JsonRenderer.Render(analyzed)
            : read.Document.Type == PostmortemType.Project ? ProjectMarkdownRenderer.Render(analyzed)
            : IncidentMarkdownRenderer.Render(analyzed);
        if (OutputTarget.Write(output, text, console) is { } failure)
        {
            DiagnosticPrinter.Print([failure], console);
            return ExitCodes.InputError;
        }

        return ExitCodes.Ok;
    }
}
