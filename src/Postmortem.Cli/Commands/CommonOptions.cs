using System.CommandLine;
using System.Reflection;
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

    public static Option<string?> Output() => OptionValues.FilePath("--output",
        "Write to this file instead of standard output (a regular file atomically: a temporary file, then a rename; a device, pipe or link to one is written through)", "-o");

    public static Option<string?> Config() => OptionValues.FilePath("--config",
        $"Team configuration file (default: the nearest {ConfigFile.FileName} at or above the input's folder)");

    public static Option<string[]> AllowOutside() => new("--allow-outside")
    {
        Description = "Let the incident file's notesFiles and sources read this folder or file although it is outside the file's folder and git repository (repeatable)",
    };

    /// <summary>False (PM0306 printed) when <paramref name="output"/> names one of <paramref name="inputs"/>.</summary>
    public static bool OutputIsNotAnInput(CliConsole console, string? output, params IEnumerable<string?> inputs)
    {
        if (OutputTarget.RefuseInput(output, inputs) is { } refused)
        {
            DiagnosticPrinter.Print([refused], console);
            return false;
        }

        return true;
    }

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
    public static AnalyzedPostmortem? LoadAnalyzed(CliConsole console, string file, string? configPath, string[]? allowOutside = null)
    {
        var read = Ingest.Yaml.IncidentFileReader.ReadFile(file, Ingest.InputScope.For(file, allowOutside));
        var (options, configDiagnostics) = LoadConfig(configPath, Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".");
        var readDiagnostics = read.Diagnostics.Concat(configDiagnostics).ToList();
        if (read.Document is null || DiagnosticPrinter.HasErrors(readDiagnostics))
        {
            DiagnosticPrinter.Print(readDiagnostics, console);
            return null;
        }

        var (document, exportDiagnostics) = ExportProgress.Attach(console, read.Document, Path.GetDirectoryName(file) ?? string.Empty, options);
        readDiagnostics.AddRange(exportDiagnostics);
        if (DiagnosticPrinter.HasErrors(readDiagnostics))
        {
            DiagnosticPrinter.Print(readDiagnostics, console);
            return null;
        }

        var analyzed = Analyzer.Analyze(document, readDiagnostics, options);
        DiagnosticPrinter.Print(analyzed.Diagnostics, console);
        return analyzed;
    }

    /// <summary>Writes a rendered result; false (diagnostic printed) when the output cannot be written.</summary>
    public static bool Emit(CliConsole console, string? output, string text) => Emit(console, output, stream => WriteText(stream, w => w.Write(text)));

    /// <summary>Writes what <paramref name="render"/> puts in the stream to standard output or <paramref name="output"/>; false (diagnostic printed) when it cannot be written.</summary>
    public static bool Emit(CliConsole console, string? output, Action<Stream> render)
    {
        if (OutputTarget.Write(output, render, console) is { } failure)
        {
            DiagnosticPrinter.Print([failure], console);
            return false;
        }

        return true;
    }

    /// <summary>Runs a text renderer over <paramref name="stream"/> as UTF-8 without a byte-order mark.</summary>
    public static void WriteText(Stream stream, Action<TextWriter> render)
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        render(writer);
    }

    /// <summary>Reads a whole text file byte-exactly; null (PM0001 or PM0015 printed) when it cannot be read or is not text.</summary>
    public static Ingest.TextFile? ReadText(CliConsole console, string file)
    {
        var (text, problem) = Ingest.TextFile.Read(file);
        if (problem is not null)
        {
            DiagnosticPrinter.Print([problem], console);
        }

        return text;
    }

    /// <summary>The <c>--format</c> option of lint and check: text, json or sarif.</summary>
    public static Option<string> FindingsFormat()
    {
        var format = new Option<string>("--format", "-f") { Description = "text, json or sarif", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        return format;
    }

    /// <summary>The <c>--fail-on</c> option of lint and check.</summary>
    public static Option<string?> FailOn()
    {
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when a finding reaches this level: info, warning (default) or error" };
        failOn.AcceptOnlyFromAmong("info", "warning", "error");
        return failOn;
    }

    /// <summary>Writes findings in the chosen format; false (diagnostic printed) when the output cannot be written.</summary>
    public static bool EmitFindings(CliConsole console, string? output, string format, IReadOnlyList<Analysis.Lint.LintFinding> findings)
    {
        var version = typeof(CommonOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var rendered = format switch
        {
            "json" => Rendering.Lint.LintRenderer.Json(findings),
            "sarif" => Rendering.Lint.LintRenderer.Sarif(findings, version),
            _ => Rendering.Lint.LintRenderer.Text(findings),
        };
        return Emit(console, output, rendered);
    }

    private static Option<string> AcceptingOnly(this Option<string> option, params string[] values)
    {
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
