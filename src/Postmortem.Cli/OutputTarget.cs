using System.Text;
using Postmortem.Diagnostics;
using Postmortem.Editing;

namespace Postmortem.Cli;

/// <summary>
/// The one writer every command uses for its output and for files it rewrites. A regular file is replaced
/// atomically (a temporary file beside it, then a rename) and keeps its permissions and, where the system
/// allows, its owner; a link to a regular file rewrites the target and keeps the link; a device, FIFO or a
/// link to one (<c>/dev/null</c>, <c>/proc/self/fd/1</c>) is written through, never replaced.
/// </summary>
internal static class OutputTarget
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="content"/> as UTF-8; returns a diagnostic when the file cannot be written (nothing is left half-written).</summary>
    public static Diagnostic? Write(string? path, string content, CliConsole console)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            console.Out.Write(content);
            console.Out.Flush();
            return null;
        }

        return WriteBytes(path, Utf8.GetBytes(content));
    }

    /// <summary>
    /// Writes what <paramref name="write"/> puts in the UTF-8 stream it is given: to standard output as it goes; to a
    /// file through the same safe path as <see cref="WriteBytes"/> (devices written through, regular files replaced whole).
    /// </summary>
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

        // Streamed into the temporary file (or through the device): a million-row timeline is never one buffer in memory.
        return SafeFile.WriteStream(path, write);
    }

    /// <summary>PM0306 when <paramref name="output"/> names one of <paramref name="inputs"/> (the same file, by any path or link); else null.</summary>
    public static Diagnostic? RefuseInput(string? output, IEnumerable<string?> inputs)
    {
        if (string.IsNullOrEmpty(output) || output == "-")
        {
            return null;
        }

        foreach (var input in inputs)
        {
            if (!string.IsNullOrEmpty(input) && input != "-" && SafeFile.IsSameFile(output, input))
            {
                return DiagnosticCatalog.OutputIsInput(output, input);
            }
        }

        return null;
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> (<see cref="SafeFile"/>).</summary>
    public static Diagnostic? WriteBytes(string path, byte[] bytes) => SafeFile.WriteBytes(path, bytes);
}
