using System.Globalization;
using Postmortem.Diagnostics;

namespace Postmortem.Editing;

/// <summary>
/// How every file the tool writes is written (a command's output, a file it rewrites, a host's save). A regular file is
/// replaced atomically (a temporary file beside it, then a rename) and keeps its permissions and, where the system
/// allows, its owner; a link to a regular file rewrites the target and keeps the link; a device, FIFO or a link to one
/// (<c>/dev/null</c>, <c>/proc/self/fd/1</c>) is written through, never replaced.
/// </summary>
public static class SafeFile
{
    /// <summary>True when both paths name the same file (by device and inode, through any link).</summary>
    public static bool IsSameFile(string a, string b) => FileIdentity.Same(a, b);

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> as described on the class.</summary>
    public static Diagnostic? WriteBytes(string path, byte[] bytes) => WriteStream(path, stream => stream.Write(bytes));

    /// <summary>Writes what <paramref name="write"/> puts in the stream to <paramref name="path"/> as described on the class; a diagnostic when it cannot (nothing is left half-written).</summary>
    public static Diagnostic? WriteStream(string path, Action<Stream> write)
    {
        try
        {
            var full = Path.GetFullPath(path);
            var self = FileIdentity.Of(full, followLinks: false);
            if (self?.Kind == FileKind.SymbolicLink)
            {
                var target = FileIdentity.Of(full, followLinks: true);
                if (target is null || target.Kind == FileKind.Regular)
                {
                    // Rewrite what the link points at; the link stays a link.
                    var resolved = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
                    return Replace(path, resolved, target, write);
                }

                self = target;
            }

            return self?.Kind switch
            {
                FileKind.Special => WriteThrough(full, write),
                FileKind.Directory => DiagnosticCatalog.OutputUnwritable(path, "it is a directory"),
                _ => Replace(path, full, self, write),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return DiagnosticCatalog.OutputUnwritable(path, e.Message);
        }
    }

    /// <summary>The temporary files of <paramref name="full"/>: <c>.NAME.PID.GUID.tmp</c> beside it.</summary>
    internal static string TempName(string full) =>
        Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");

    private static Diagnostic? WriteThrough(string full, Action<Stream> write)
    {
        // Open without truncating or creating: a device or pipe is written to, never replaced.
        using var stream = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
        write(stream);
        stream.Flush();
        return null;
    }

    private static Diagnostic? Replace(string shown, string full, FileIdentity? existing, Action<Stream> write)
    {
        RemoveStaleTemporaries(full);
        var temp = TempName(full);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (existing is not null && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
                existing.TryGiveOwnership(temp); // only root may give a file away; otherwise the writer owns it, as any editor does
            }

            File.Move(temp, full, overwrite: true);
            temp = null;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return DiagnosticCatalog.OutputUnwritable(shown, e.Message);
        }
        finally
        {
            if (temp is not null)
            {
                TryDelete(temp);
            }
        }
    }

    /// <summary>Removes <c>.NAME.PID.GUID.tmp</c> files that a killed run left beside <paramref name="full"/> (their process is gone).</summary>
    internal static void RemoveStaleTemporaries(string full)
    {
        var directory = Path.GetDirectoryName(full) ?? ".";
        var prefix = "." + Path.GetFileName(full) + ".";
        try
        {
            foreach (var file in Directory.EnumerateFiles(directory, prefix + "*.tmp"))
            {
                var middle = Path.GetFileName(file)[prefix.Length..^".tmp".Length].Split('.');
                if (middle.Length == 2 && middle[1].Length == 32 && int.TryParse(middle[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
                {
                    TryDelete(file);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a folder that cannot be listed is reported by the write itself.
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture));
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary file is named so that the next run removes it.
        }
    }
}
