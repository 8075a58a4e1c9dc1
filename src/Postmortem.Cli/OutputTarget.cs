using Postmortem.Diagnostics;

namespace Postmortem.Cli;

/// <summary>Writes a result to standard output or, atomically, to a file: a temporary file beside it, then a rename.</summary>
internal static class OutputTarget
{
    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="content"/>; returns a diagnostic when the file cannot be written (nothing is left half-written).</summary>
    public static Diagnostic? Write(string? path, string content, CliConsole console) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, leaveOpen: true);
            writer.Write(content);
        }, console);

    /// <summary>Writes what <paramref name="write"/> puts in the UTF-8 stream it is given, as it goes (a large result is never one string); same safety as the string overload.</summary>
    public static Diagnostic? Write(string? path, Action<Stream> write, CliConsole console)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            using (var stream = new TextWriterStream(console.Out))
            {
                write(stream);
            }

            console.Out.Flush();
            return null;
        }

        string? temp = null;
        try
        {
            var full = Path.GetFullPath(path);
            var directory = Path.GetDirectoryName(full) ?? ".";
            temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(file);
            }

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
