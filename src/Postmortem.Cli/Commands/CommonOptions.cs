using System.CommandLine;
using Postmortem.Analysis;
using Postmortem.Config;
using Postmortem.Diagnostics;

namespace Postmortem.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string> Format() => new Option<string>("--format", "-f")
    {
        Description = "Output format: markdown or json",
        DefaultValueFactory = _ => "markdown",
    }.AcceptingOnly("markdown", "json");

    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Write to this file (atomically: a temporary file, then a rename) instead of standard output",
    };

    public static Option<string?> Config() => new("--config")
    {
        Description = $"Team configuration file (default: the nearest {ConfigFile.FileName} at or above the input's folder)",
    };

    /// <summary>Loads the explicit or discovered team configuration.</summary>
    public static (AnalysisOptions Options, IReadOnlyList<Diagnostic> Diagnostics) LoadConfig(string? explicitPath, string inputDirectory)
    {
        if (explicitPath is not null)
        {
            return ConfigFile.ReadFile(explicitPath);
        }

        var found = ConfigFile.Find(inputDirectory);
        return found is null ? (new AnalysisOptions(), []) : ConfigFile.ReadFile(found);
    }

    /// <summary>Reads, configures and analyses an incident or project file; null (diagnostics printed) on input errors.</summary>
    public static AnalyzedPostmortem? LoadAnalyzed(CliConsole console, string file, string? configPath)
    {
        var read = Ingest.Yaml.IncidentFileReader.ReadFile(file);
        var (options, configDiagnostics) = LoadConfig(configPath, Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".");
        var readDiagnostics = read.Diagnostics.Concat(configDiagnostics).ToList();
        if (read.Document is null || DiagnosticPrinter.HasErrors(readDiagnostics))
        {
            DiagnosticPrinter.Print(readDiagnostics, console);
            return null;
        }

        var analyzed = Analyzer.Analyze(read.Document, readDiagnostics, options);
        DiagnosticPrinter.Print(analyzed.Diagnostics, console);
        return analyzed;
    }

    /// <summary>Writes a rendered result; false (diagnostic printed) when the output cannot be written.</summary>
    public static bool Emit(CliConsole console, string? output, string text)
    {
        if (OutputTarget.Write(output, text, console) is { } failure)
        {
            DiagnosticPrinter.Print([failure], console);
            return false;
        }

        return true;
    }

    private static Option<string> AcceptingOnly(this Option<string> option, params string[] values)
    {
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
