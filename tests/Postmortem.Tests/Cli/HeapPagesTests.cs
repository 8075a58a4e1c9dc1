using System.Text;
using Postmortem.Cli;

namespace Postmortem.Tests.Cli;

/// <summary>
/// <see cref="HeapPages"/> reads <c>/proc/self/maps</c> and picks the heap range to prepare by a pure function: these maps are
/// written here (shaped as a NativeAOT draft's), so the choice is tested without the collector's real memory.
/// </summary>
public sealed class HeapPagesTests
{
    // A draft's maps, shortened: the binary, a committed heap region (rw-p) with the collector's reservation after it (---p),
    // a thread stack with its guard page, libc.
    private const string Maps = """
        00400000-00404000 r--p 00000000 fe:01 123456                             /opt/postmortem/postmortem
        00404000-012b3000 r-xp 00004000 fe:01 123456                             /opt/postmortem/postmortem
        01a1e000-02180000 rw-p 0161d000 fe:01 123456                             /opt/postmortem/postmortem
        02180000-021d4000 rw-p 00000000 00:00 0
        350b0000-350d1000 rw-p 00000000 00:00 0                                  [heap]
        7f5bb5800000-7f5bb5821000 rw-p 00000000 00:00 0
        7f5bb5821000-7f5bb5c00000 ---p 00000000 00:00 0
        7f5bb5c00000-7f5bb5c21000 rw-p 00000000 00:00 0
        7f5bb5c21000-7f6778000000 ---p 00000000 00:00 0
        7f677e820000-7f677e821000 ---p 00000000 00:00 0
        7f677e821000-7f677f021000 rw-p 00000000 00:00 0
        7f677f024000-7f677f04a000 r--p 00000000 fe:01 654321                     /usr/lib/x86_64-linux-gnu/libc.so.6
        7ffecd06e000-7ffecd08f000 rw-p 00000000 00:00 0                          [stack]
        """;

    private static List<HeapPages.Mapping> Parsed(string maps) => HeapPages.Parse(Encoding.ASCII.GetBytes(maps.ReplaceLineEndings("\n")));

    [Fact]
    public void Every_line_of_the_maps_reads_with_its_range_access_and_whether_a_file_backs_it()
    {
        var maps = Parsed(Maps);

        Assert.Equal(13, maps.Count);
        Assert.Equal(new HeapPages.Mapping(0x400000, 0x404000, Readable: true, Writable: false, Anonymous: false), maps[0]);
        Assert.Equal(new HeapPages.Mapping(0x2180000, 0x21d4000, true, true, true), maps[3]);
        Assert.False(maps[4].Anonymous); // [heap] is malloc's, not the collector's
        Assert.Equal(new HeapPages.Mapping(0x7f5bb5821000, 0x7f5bb5c00000, false, false, true), maps[6]);
        Assert.False(maps[12].Anonymous);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("7f00-7e00 rw-p 00000000 00:00 0")] // ends before it starts
    [InlineData("7f00-zz00 rw-p 00000000 00:00 0")]
    [InlineData("7f00-7f10 r 00000000 00:00 0")]
    [InlineData("7f00-7f10 rw-p 00000000 00:00")]
    [InlineData("10000000000000000-10000000000001000 rw-p 00000000 00:00 0")] // past 64 bits
    public void A_line_that_is_not_a_mapping_is_skipped(string line)
    {
        Assert.Empty(Parsed(line));
        Assert.Single(Parsed(line + "\n7f00-7f10 rw-p 00000000 00:00 0\n"));
    }

    [Fact]
    public void The_range_is_two_2_MB_blocks_from_the_fresh_object_into_the_collector_reservation_after_it()
    {
        var range = HeapPages.Range(Parsed(Maps), 0x7f5bb5c10040);

        Assert.Equal((0x7f5bb5c00000UL, 0x7f5bb6000000UL, 0x7f5bb5c21000UL), range);
    }

    [Fact]
    public void A_region_whose_reservation_ends_before_the_second_block_gives_none()
    {
        // The object is in the region's second 2 MB block; the next region (committed) starts 2 MB above that block.
        const string maps = """
            7f5bb5800000-7f5bb5a21000 rw-p 00000000 00:00 0
            7f5bb5a21000-7f5bb5c00000 ---p 00000000 00:00 0
            7f5bb5c00000-7f5bb5c21000 rw-p 00000000 00:00 0
            """;
        Assert.Null(HeapPages.Range(Parsed(maps), 0x7f5bb5a10000));
        Assert.Equal((0x7f5bb5800000UL, 0x7f5bb5c00000UL, 0x7f5bb5a21000UL), HeapPages.Range(Parsed(maps), 0x7f5bb5810000));
    }

    [Theory]
    [InlineData(0x350b1000UL)] // malloc's heap
    [InlineData(0x7f677e821010UL)] // a thread stack, its guard page below it
    [InlineData(0x2180010UL)] // the binary's zeroed data
    [InlineData(0x01a1e010UL)] // the binary's data
    [InlineData(0x7f5bb5c21000UL)] // in the reservation itself: no object lives there
    [InlineData(0x1000UL)] // in no mapping
    public void An_address_outside_a_committed_heap_region_with_its_reservation_after_it_gives_none(ulong address)
    {
        Assert.Null(HeapPages.Range(Parsed(Maps), address));
    }

    [Theory]
    // The writable mapping ends where a file mapping starts: nothing after it belongs to the collector.
    [InlineData("7f5bb5c00000-7f5bb5c21000 rw-p 00000000 00:00 0\n7f5bb5c21000-7f5bb6400000 r--p 00000000 fe:01 77 /usr/lib/libm.so.6")]
    // An inaccessible mapping with a gap before it is not the same reservation.
    [InlineData("7f5bb5c00000-7f5bb5c21000 rw-p 00000000 00:00 0\n7f5bb5c22000-7f5bc0000000 ---p 00000000 00:00 0")]
    // The writable mapping starts inside the 2 MB block: below it is memory that is not the region's.
    [InlineData("7f5bb5c08000-7f5bb5c21000 rw-p 00000000 00:00 0\n7f5bb5c21000-7f5bc0000000 ---p 00000000 00:00 0")]
    // Nothing after the writable mapping at all.
    [InlineData("7f5bb5c00000-7f5bb5c21000 rw-p 00000000 00:00 0")]
    public void A_region_without_its_reservation_right_after_it_gives_none(string maps)
    {
        Assert.Null(HeapPages.Range(Parsed(maps), 0x7f5bb5c10100));
    }

    [Fact]
    public void A_region_committed_past_both_blocks_needs_no_reservation()
    {
        const string maps = """
            7f5bb5c00000-7f5bb6100000 rw-p 00000000 00:00 0
            7f5bb6100000-7f5bc0000000 ---p 00000000 00:00 0
            """;
        Assert.Equal((0x7f5bb5c00000UL, 0x7f5bb6000000UL, 0x7f5bb6000000UL), HeapPages.Range(Parsed(maps), 0x7f5bb5c00100));
    }

    [Fact]
    public void Every_line_of_this_process_own_maps_reads_as_a_mapping_on_Linux()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var text = File.ReadAllBytes("/proc/self/maps");
        var lines = text.Count(b => b == (byte)'\n');
        var maps = HeapPages.Parse(text);

        Assert.Equal(lines, maps.Count);
        Assert.All(maps, m => Assert.True(m.Start < m.End));
        Assert.Contains(maps, m => m is { Anonymous: true, Readable: true, Writable: true });
    }

    [Fact]
    public void Preparing_under_the_JIT_does_nothing_and_does_not_throw()
    {
        HeapPages.Prepare();
    }
}
