using Postmortem.Diagnostics;

namespace Postmortem.Cli;

/// <summary>Writes a result to standard output or, atomically, to a file: a temporary file beside it, then a rename.</summary>
internal static class OutputTarget
{
    /// <summary>Writes <paramref name="content"/>; returns a diagnostic when the file cannot be written (nothing is left half-written).</summary>
    public static Diagnostic? Write(string? path, string content, CliConsole console)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            console.Out.Write(content);
            console.Out.Flush();
            return null;
        }

        string? temp = null;
        try
        {
            var full = Path.GetFullPath(path);
            var directory = Path.GetDirectoryName(full) ?? ".";
            temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            File.WriteAllText(temp, content);
            File.Move(temp, full, overwrite: true);
            temp = null;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return DiagnosticCatalog.OutputUnwritable(path, e.Message);
        }
        finally
        {
            if (temp is not null)
            {
                try
                {
                    File.Delete(temp);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Best effort: the temporary file is named so that it is recognisable and harmless.
                }
            }
        }
    }
}
