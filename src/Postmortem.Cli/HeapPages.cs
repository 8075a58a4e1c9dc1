using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Postmortem.Cli;

/// <summary>
/// At start, asks the kernel once for the heap pages a command is about to allocate into, instead of one page fault per
/// 4 KB page (NativeAOT on Linux only; docs/benchmarks.md, "thirty-fifth session").
/// </summary>
internal static unsafe class HeapPages
{
    private const int ProtReadWrite = 3;
    private const int MadvDoDump = 17;
    private const int MadvHugePage = 14;
    private const int MadvCollapse = 25;
    private const ulong Block = 2 << 20;

    /// <summary>One line of <c>/proc/self/maps</c>: an address range, whether it is readable and writable, and whether a file backs it.</summary>
    internal readonly record struct Mapping(ulong Start, ulong End, bool Readable, bool Writable, bool Anonymous);

    /// <summary>Runs once at the start of <c>Main</c>; does nothing outside NativeAOT on Linux, and never throws.</summary>
    public static void Prepare()
    {
        if (RuntimeFeature.IsDynamicCodeSupported || !OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            if (!NativeLibrary.TryLoad("libc.so.6", out var libc)
                || !NativeLibrary.TryGetExport(libc, "mprotect", out var mprotectAddress)
                || !NativeLibrary.TryGetExport(libc, "madvise", out var madviseAddress))
            {
                return;
            }

            var mprotect = (delegate* unmanaged<nint, nuint, int, int>)mprotectAddress;
            var madvise = (delegate* unmanaged<nint, nuint, int, int>)madviseAddress;
            var fresh = new byte[16];
            var address = (ulong)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(fresh));
            GC.KeepAlive(fresh);
            var maps = File.ReadAllBytes("/proc/self/maps");
            if (Range(Parse(maps), address) is not var (start, end, _))
            {
                return;
            }

            var length = (nuint)(end - start);
            if (mprotect((nint)start, length, ProtReadWrite) != 0)
            {
                return;
            }

            // One dump flag for the whole range (the collector marks each piece it commits), so that its later commits split
            // nothing; then 2 MB pages for it, and the block being allocated into copied into one at once. A call that fails
            // (MADV_COLLAPSE before Linux 6.1) leaves the range read-write and untouched: the collector may have committed and
            // filled more of it since the maps were read, so no part of it is ever made inaccessible again (review35b).
            if (madvise((nint)start, length, MadvDoDump) == 0 && madvise((nint)start, length, MadvHugePage) == 0)
            {
                _ = madvise((nint)start, (nuint)Block, MadvCollapse);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // No maps to read: the heap stays as the collector made it.
        }
    }

    /// <summary>
    /// The range to prepare around <paramref name="address"/> (a fresh object): the two 2 MB blocks from the one holding it,
    /// when they lie wholly in the writable anonymous mapping that holds it and the one inaccessible anonymous mapping right
    /// after it (the rest of the collector's reservation); otherwise none. <c>CommittedEnd</c> is where the writable part ends.
    /// </summary>
    internal static (ulong Start, ulong End, ulong CommittedEnd)? Range(IReadOnlyList<Mapping> maps, ulong address)
    {
        for (var i = 0; i < maps.Count; i++)
        {
            var m = maps[i];
            if (address < m.Start || address >= m.End)
            {
                continue;
            }

            if (!m.Anonymous || !m.Readable || !m.Writable)
            {
                return null;
            }

            var start = address & ~(Block - 1);
            var end = start + (2 * Block);
            if (start < m.Start || end < start)
            {
                return null;
            }

            if (end <= m.End)
            {
                return (start, end, end);
            }

            // The rest must be the reservation itself: anonymous, no access, starting where the committed part ends.
            if (i + 1 < maps.Count && maps[i + 1] is { Anonymous: true, Readable: false, Writable: false } next
                && next.Start == m.End && end <= next.End)
            {
                return (start, end, m.End);
            }

            return null;
        }

        return null;
    }

    /// <summary>The lines of <c>/proc/self/maps</c> that read as mappings, in order; any other line is skipped.</summary>
    internal static List<Mapping> Parse(ReadOnlySpan<byte> maps)
    {
        var result = new List<Mapping>();
        while (!maps.IsEmpty)
        {
            var newline = maps.IndexOf((byte)'\n');
            var line = newline < 0 ? maps : maps[..newline];
            maps = newline < 0 ? default : maps[(newline + 1)..];
            if (ParseLine(line) is { } mapping)
            {
                result.Add(mapping);
            }
        }

        return result;
    }

    /// <summary>
    /// One line: <c>start-end perms offset dev inode [path]</c>. Anonymous when the inode is 0 and there is no path
    /// (a bracketed name such as <c>[heap]</c> or <c>[stack]</c> is not taken for the collector's memory).
    /// </summary>
    internal static Mapping? ParseLine(ReadOnlySpan<byte> line)
    {
        var range = Field(ref line);
        var perms = Field(ref line);
        _ = Field(ref line); // offset
        _ = Field(ref line); // device
        var inode = Field(ref line);
        var path = line.Trim((byte)' ');
        var dash = range.IndexOf((byte)'-');
        if (inode.IsEmpty || perms.Length < 4 || dash <= 0
            || !Hex(range[..dash], out var start) || !Hex(range[(dash + 1)..], out var end) || end <= start)
        {
            return null;
        }

        var anonymous = inode.SequenceEqual("0"u8) && path.IsEmpty;
        return new Mapping(start, end, perms[0] == (byte)'r', perms[1] == (byte)'w', anonymous);
    }

    /// <summary>The next space-separated field of <paramref name="line"/>, which is left after it.</summary>
    private static ReadOnlySpan<byte> Field(ref ReadOnlySpan<byte> line)
    {
        line = line.TrimStart((byte)' ');
        var space = line.IndexOf((byte)' ');
        var field = space < 0 ? line : line[..space];
        line = space < 0 ? default : line[space..];
        return field;
    }

    private static bool Hex(ReadOnlySpan<byte> digits, out ulong value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 16)
        {
            return false;
        }

        foreach (var c in digits)
        {
            var d = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => -1,
            };
            if (d < 0)
            {
                return false;
            }

            value = (value << 4) | (uint)d;
        }

        return true;
    }
}
