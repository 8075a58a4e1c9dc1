using System.Collections;
using System.Text;
using Postmortem.Model;

namespace Postmortem.Ingest;

/// <summary>
/// The lines of a UTF-8 text file kept as the file's bytes and each line's range (issue 9, scale): a line is decoded
/// when it is read, and the events read from it keep their provenance line as a range of these bytes
/// (<see cref="Slice"/>), so a million-line notes file is held once, as UTF-8, instead of as a million strings.
/// Split at <c>\r\n</c>, <c>\r</c> and <c>\n</c>; a final line end gives a last empty line.
/// </summary>
internal sealed class Utf8Lines : IReadOnlyList<string>
{
    private readonly byte[] bytes;
    private readonly int[] starts;
    private readonly int[] ends;
    private int cachedIndex = -1;
    private string cachedLine = string.Empty;

    private Utf8Lines(byte[] bytes, int[] starts, int[] ends, int count)
    {
        this.bytes = bytes;
        this.starts = starts;
        this.ends = ends;
        Count = count;
    }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public string this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            if (index != cachedIndex)
            {
                cachedLine = Encoding.UTF8.GetString(bytes, starts[index], ends[index] - starts[index]);
                cachedIndex = index;
            }

            return cachedLine;
        }
    }

    /// <summary>
    /// The lines of <paramref name="bytes"/> after a byte-order mark of <paramref name="preamble"/> bytes; null when they
    /// are not valid UTF-8 or hold a NUL (the caller reports that as <see cref="TextFile.Read"/> does).
    /// </summary>
    public static Utf8Lines? Split(byte[] bytes, int preamble)
    {
        var body = bytes.AsSpan(preamble);
        if (body.Contains((byte)0) || !System.Text.Unicode.Utf8.IsValid(body))
        {
            return null;
        }

        var capacity = body.Count((byte)'\n') + body.Count((byte)'\r') + 1;
        var starts = new int[capacity];
        var ends = new int[capacity];
        var count = 0;
        var from = preamble;
        while (true)
        {
            var end = bytes.AsSpan(from).IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                (starts[count], ends[count]) = (from, bytes.Length);
                count++;
                break;
            }

            end += from;
            (starts[count], ends[count]) = (from, end);
            count++;
            from = end + (bytes[end] == '\r' && end + 1 < bytes.Length && bytes[end + 1] == '\n' ? 2 : 1);
        }

        return new Utf8Lines(bytes, starts, ends, count);
    }

    /// <summary><paramref name="excerpt"/>, a part of line <paramref name="index"/>, as a range of the file's bytes; null when it is not part of that line.</summary>
    public TextSlice? Slice(int index, string excerpt)
    {
        if (index < 0 || index >= Count)
        {
            return null;
        }

        var line = TextSlice.Utf8(bytes, starts[index], ends[index] - starts[index]);
        var slice = TextSlice.Within(line, TextSlice.Of(excerpt));
        return slice.IsString ? null : slice;
    }

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
