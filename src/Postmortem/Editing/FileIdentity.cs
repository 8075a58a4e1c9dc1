using System.Runtime.InteropServices;

namespace Postmortem.Editing;

/// <summary>What a path names, from <c>statx(2)</c>: the kind of file, its device and inode, its owner and mode.</summary>
/// <remarks>.NET tells a character device or a FIFO from a regular file nowhere in its public API, and the
/// output writer must (a device is written through, never replaced), so this asks the kernel directly.</remarks>
/// <param name="Kind">Regular file, directory, symbolic link, or another (device, FIFO, socket).</param>
/// <param name="Device">Device number (major, minor) packed in one value.</param>
/// <param name="Inode">Inode number.</param>
/// <param name="Uid">Owner.</param>
/// <param name="Gid">Group.</param>
internal sealed partial record FileIdentity(FileKind Kind, ulong Device, ulong Inode, uint Uid, uint Gid)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;

    /// <summary>What <paramref name="path"/> names (the link itself unless <paramref name="followLinks"/>), or null when nothing is there or the kernel cannot say.</summary>
    public static FileIdentity? Of(string path, bool followLinks)
    {
        if (!OperatingSystem.IsLinux())
        {
            return Fallback(path, followLinks);
        }

        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
            {
                return Fallback(path, followLinks);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Fallback(path, followLinks);
        }

        var uid = BitConverter.ToUInt32(buffer, 20);
        var gid = BitConverter.ToUInt32(buffer, 24);
        var mode = BitConverter.ToUInt16(buffer, 28);
        var inode = BitConverter.ToUInt64(buffer, 32);
        var device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            _ => FileKind.Special,
        };
        return new FileIdentity(kind, device, inode, uid, gid);
    }

    /// <summary>True when both paths exist and are the same file (after links).</summary>
    public static bool Same(string a, string b) =>
        Of(a, followLinks: true) is { } x && Of(b, followLinks: true) is { } y && (x.Inode != 0 ? x.Device == y.Device && x.Inode == y.Inode
            : string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal));

    /// <summary>Gives <paramref name="path"/> this owner; false when the system does not allow it (not root).</summary>
    public bool TryGiveOwnership(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return Chown(path, Uid, Gid) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static FileIdentity? Fallback(string path, bool followLinks)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null)
        {
            return null;
        }

        // Without statx, anything under the kernel's device and process trees is taken as special: written through, never replaced.
        var real = followLinks && info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName : info.FullName;
        var kind = info.LinkTarget is not null && !followLinks ? FileKind.SymbolicLink
            : info is DirectoryInfo ? FileKind.Directory
            : real.StartsWith("/dev/", StringComparison.Ordinal) || real.StartsWith("/proc/", StringComparison.Ordinal) || real.StartsWith("/sys/", StringComparison.Ordinal) ? FileKind.Special
            : FileKind.Regular;
        return new FileIdentity(kind, 0, 0, 0, 0);
    }

    [LibraryImport("libc.so.6", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);

    [LibraryImport("libc.so.6", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Chown(string path, uint uid, uint gid);
}
