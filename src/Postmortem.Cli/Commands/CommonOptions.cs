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

    private static Option<string> AcceptingOnly(this Option<string> option, params string[] values)
    {
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
