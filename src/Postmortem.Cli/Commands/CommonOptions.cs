using System.CommandLine;
using System.Reflection;
using Postmortem.Analysis;
using Postmortem.Analysis.Lint;
using Postmortem.Config;
using Postmortem.Rendering;

namespace Postmortem.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    /// <summary>The <c>--format</c> option of the postmortem commands: a name from <see cref="Postmortems.Formats"/>, the first by default.</summary>
    public static Option<string> Format() => new Option<string>("--format", "-f")
    {
        Description = $"Output format: {string.Join(", ", Postmortems.Formats.Names.SkipLast(1))} or {Postmortems.Formats.Names[^1]} (html: one printable page with an SVG timeline)",
        DefaultValueFactory = _ => Postmortems.Formats.Names[0],
    }.AcceptingOnly([.. Postmortems.Formats.Names]);

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

    /// <summary>The explicit or discovered team configuration; null (diagnostics printed) when it has errors.</summary>
    public static AnalysisOptions? LoadConfig(CliConsole console, string? explicitPath, string inputDirectory)
    {
        var config = Postmortems.LoadOptions(explicitPath, inputDirectory);
        if (config.HasErrors)
        {
            DiagnosticPrinter.Print(config.Diagnostics, console);
            return null;
        }

        return config.Value;
    }

    /// <summary>Reads, configures and analyses an incident or project file through the facade; null (diagnostics printed) on input errors.</summary>
    public static AnalyzedPostmortem? LoadAnalyzed(CliConsole console, string file, string? configPath, string[]? allowOutside = null)
    {
        var progress = new ExportProgress(console);
        var result = Postmortems.AnalyzeFileAsync(file, new PipelineOptions { ConfigFile = configPath, AllowOutside = allowOutside ?? [], Progress = progress.Report })
            .GetAwaiter().GetResult();
        progress.Done();
        DiagnosticPrinter.Print(result.Diagnostics, console);
        return result.Value;
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
    public static void WriteText(Stream stream, Action<TextWriter> render) => TextOutput.Write(stream, render);

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
        var names = FindingsFormats.Names;
        var format = new Option<string>("--format", "-f") { Description = $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}", DefaultValueFactory = _ => names[0] };
        format.AcceptOnlyFromAmong([.. names]);
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
    public static bool EmitFindings(CliConsole console, string? output, string format, IReadOnlyList<LintFinding> findings) =>
        Emit(console, output, stream => FindingsFormats.Get(format).Write(findings, stream));

    /// <summary>The findings formats, SARIF naming this tool's version.</summary>
    private static RendererRegistry<IFindingsRenderer> FindingsFormats { get; } =
        Renderers.Findings(typeof(CommonOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");

    /// <summary>Limits an option to some values (a parse error, PM0300, for any other).</summary>
    public static Option<T> AcceptingOnly<T>(this Option<T> option, params string[] values)
    {
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
