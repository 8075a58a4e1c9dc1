using Postmortem.Diagnostics;

namespace Postmortem.Cli;

/// <summary>Prints diagnostics as <c>file(line,col): error PM0003: message</c>, with a caret excerpt on a terminal.</summary>
internal static class DiagnosticPrinter
{
    /// <summary>Prints warnings and errors, and the info notes a reader must see (<see cref="DiagnosticCatalog.AlwaysShown"/>).</summary>
    public static void Print(IEnumerable<Diagnostic> diagnostics, CliConsole console, bool includeInfo = false)
    {
        var cache = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        // In file order, so a reader can walk down the file fixing as they go. A stable sort by file, line and column (the
        // index breaks ties) rather than OrderBy/ThenBy, whose generic virtual calls the AOT binary resolves at run time
        // (0.22 M instructions, about a hundredth of a draft of Meridian).
        var shown = diagnostics
            .Where(d => includeInfo || d.Severity != DiagnosticSeverity.Info || DiagnosticCatalog.AlwaysShown.Contains(d.Code))
            .Select((d, i) => (D: d, I: i))
            .ToArray();
        Array.Sort(shown, static (a, b) =>
        {
            var c = StringComparer.Ordinal.Compare(a.D.File, b.D.File);
            c = c != 0 ? c : a.D.Line.CompareTo(b.D.Line);
            c = c != 0 ? c : a.D.Column.CompareTo(b.D.Column);
            return c != 0 ? c : a.I.CompareTo(b.I);
        });
        foreach (var (d, _) in shown)
        {
            console.Error.WriteLine(d.ToString());
            if (!console.ErrorIsTerminal || d.Line <= 0)
            {
                continue;
            }

            if (!cache.TryGetValue(d.File, out var lines))
            {
                lines = TryRead(d.File);
                cache[d.File] = lines;
            }

            if (lines is not null && d.Line <= lines.Length)
            {
                var line = lines[d.Line - 1].TrimEnd('\r').Replace('\t', ' ');
                console.Error.WriteLine("  " + line);
                console.Error.WriteLine("  " + new string(' ', Math.Clamp(d.Column - 1, 0, line.Length)) + "^");
            }
        }
    }

    public static bool HasErrors(IEnumerable<Diagnostic> diagnostics) => diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    private static string[]? TryRead(string file)
    {
        try
        {
            return File.Exists(file) ? File.ReadAllLines(file) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
