using System.CommandLine;
using Postmortem.Diagnostics;
using Postmortem.Store;

namespace Postmortem.Cli.Commands;

/// <summary><c>postmortem index [DIR...]</c>: reads every postmortem under the folders into the store, re-reading only what changed.</summary>
internal static class IndexCommand
{
    public static Command Create(CliConsole console, TimeProvider clock)
    {
        var roots = new Argument<string[]>("DIR") { Description = "Folders (or files) holding postmortems; default the current folder", Arity = ArgumentArity.ZeroOrMore };
        var store = StoreOptions.Store();
        var command = new Command("index", "Index every postmortem under the folders (re-reads only what changed, drops what was deleted; exit 1 when a file has errors)")
        {
            roots, store,
        };
        command.SetAction(p => Run(console, clock, p.GetValue(roots) is { Length: > 0 } given ? given : ["."], p.GetValue(store)));
        return command;
    }

    private static int Run(CliConsole console, TimeProvider clock, string[] roots, string? storeValue)
    {
        var baseDirectory = StoreOptions.BaseDirectory();
        var missing = roots.Where(r => !File.Exists(r) && !Directory.Exists(r)).ToList();
        if (missing.Count > 0)
        {
            DiagnosticPrinter.Print([.. missing.Select(DiagnosticCatalog.IndexRootMissing)], console);
            return ExitCodes.InputError;
        }

        using var session = StoreOptions.Open(console, storeValue, baseDirectory);
        if (session is null)
        {
            return ExitCodes.InputError;
        }

        IndexReport report;
        try
        {
            report = PostmortemIndex.Update(session, baseDirectory, roots, Postmortems.IndexRead, clock);
        }
        catch (Exception e) when (StoreOptions.IsStoreFailure(e))
        {
            DiagnosticPrinter.Print([DiagnosticCatalog.StoreUnavailable(storeValue ?? StoreLocation.DefaultFile, e.Message)], console);
            return ExitCodes.InputError;
        }

        // Errors are printed file by file; warnings are counted (a repository's worth would bury the errors) and kept in the index.
        foreach (var (_, diagnostics) in report.Diagnostics)
        {
            DiagnosticPrinter.Print([.. diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)], console);
        }

        var warned = report.Diagnostics.Where(f => f.Value.Any(d => d.Severity == DiagnosticSeverity.Warning)).ToList();
        console.Error.WriteLine($"Indexed: {report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged, {report.Removed} removed."
            + (warned.Count == 0 ? string.Empty : $" {warned.Sum(f => f.Value.Count(d => d.Severity == DiagnosticSeverity.Warning))} warnings in {warned.Count} files: 'postmortem check FILE' shows them."));
        return report.Diagnostics.Any(f => DiagnosticPrinter.HasErrors(f.Value)) ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
