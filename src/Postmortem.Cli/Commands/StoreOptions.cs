using System.CommandLine;
using System.Data.Common;
using Postmortem.Config;
using Postmortem.Diagnostics;
using Postmortem.Store;

namespace Postmortem.Cli.Commands;

/// <summary>The <c>--store</c> option of <c>index</c>, <c>actions</c> and <c>stats</c>, and opening the store it names.</summary>
internal static class StoreOptions
{
    public static Option<string?> Store() => new("--store")
    {
        Description = $"The index: a SQLite file (default {StoreLocation.DefaultFile} at the repository root), 'sqlite:PATH', or 'postgres' for the connection string in ${StoreLocation.PostgresVariable}",
    };

    /// <summary>The folder the index keys paths by: the enclosing git repository's root, else the current folder.</summary>
    public static string BaseDirectory() => StoreLocation.RepositoryRoot(Directory.GetCurrentDirectory());

    /// <summary>Opens the store; null (PM0501 printed) when it cannot be used.</summary>
    public static StoreSession? Open(CliConsole console, string? value, string baseDirectory)
    {
        // --store, else the team's .postmortem.yml (a path in it is relative to that file), else $POSTMORTEM_STORE, else the default file.
        string? configured = null;
        var configFolder = baseDirectory;
        if (value is null && ConfigFile.Find(Directory.GetCurrentDirectory()) is { } config)
        {
            configured = ConfigFile.ReadFile(config).Value?.Store;
            configFolder = Path.GetDirectoryName(config)!;
        }

        var chosen = value ?? configured ?? Environment.GetEnvironmentVariable("POSTMORTEM_STORE");
        var (location, problem) = StoreLocation.Parse(chosen, value is null && configured is not null ? configFolder : baseDirectory, Environment.GetEnvironmentVariable);
        if (location is null)
        {
            DiagnosticPrinter.Print([DiagnosticCatalog.StoreUnavailable("--store", problem!)], console);
            return null;
        }

        try
        {
            return StoreSession.Open(location);
        }
        catch (Exception e) when (IsStoreFailure(e))
        {
            DiagnosticPrinter.Print([DiagnosticCatalog.StoreUnavailable(location.Display, e.Message)], console);
            return null;
        }
    }

    /// <summary>What a database can throw that is the environment's fault, not a bug: reported as PM0501.</summary>
    public static bool IsStoreFailure(Exception e) =>
        e is StoreException or DbException or IOException or UnauthorizedAccessException or TimeoutException or InvalidOperationException or ArgumentException;
}
