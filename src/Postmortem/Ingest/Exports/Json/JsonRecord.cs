using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Postmortem.Ingest.Exports.Json;

/// <summary>
/// The captured fields of one record of a streamed JSON export. The values point into the reader's
/// buffer and are valid only while the record is being mapped; copy what you keep.
/// </summary>
public sealed class JsonRecord
{
    private readonly List<(int Offset, string Key)> duplicates = [];
    private Capture[] captures = new Capture[32];
    private byte[] buffer = [];

    private LineCounter? lines;
    private int at;
    private (int Line, int Column)? position;

    /// <summary>1-based line of the record's first token (counted when first asked for).</summary>
    public int Line => Position.Line;

    /// <summary>1-based column (in bytes) of the record's first token.</summary>
    public int Column => Position.Column;

    private (int Line, int Column) Position => position ??= lines?.At(buffer, at) ?? (1, 1);

    /// <summary>Keys the format reads that were written a second time in one object (the first value is kept), with the second key's 1-based line and column.</summary>
    public IEnumerable<(int Line, int Column, string Key)> DuplicateKeys
    {
        get
        {
            if (duplicates.Count == 0)
            {
                yield break;
            }

            _ = Position; // Lines are counted forward only: the record's start first, then the keys after it.
            foreach (var (offset, key) in duplicates)
            {
                var (line, column) = lines?.At(buffer, offset) ?? (1, 1);
                yield return (line, column, key);
            }
        }
    }

    /// <summary>Number of captured values.</summary>
    public int Count { get; private set; }

    /// <summary>True when <paramref name="field"/> was captured (with any value, null included).</summary>
    public bool Has(int field) => IndexOf(field, -1) >= 0;

    /// <summary>The first captured value of <paramref name="field"/> as a string (numbers and booleans as written); null when absent or JSON null.</summary>
    public string? String(int field) => String(field, -1);

    /// <summary>The value of <paramref name="field"/> in array item <paramref name="item"/> (-1: the first anywhere).</summary>
    public string? String(int field, int item)
    {
        var i = IndexOf(field, item);
        return i < 0 ? null : StringAt(i);
    }

    /// <summary>Every captured value of <paramref name="field"/>, in document order.</summary>
    public List<string> Strings(int field)
    {
        var list = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            if (captures[i].Field == field && StringAt(i) is { } s)
            {
                list.Add(s);
            }
        }

        return list;
    }

    /// <summary>The raw UTF-8 of the first value of <paramref name="field"/> (string contents without quotes, still escaped), or empty.</summary>
    public ReadOnlySpan<byte> Utf8(int field) => Utf8(field, -1);

    /// <summary>The raw UTF-8 of the value of <paramref name="field"/> in array item <paramref name="item"/>, or empty.</summary>
    public ReadOnlySpan<byte> Utf8(int field, int item)
    {
        var i = IndexOf(field, item);
        return i < 0 || captures[i].Type == JsonTokenType.Null ? default : buffer.AsSpan(captures[i].Start, captures[i].Length);
    }

    /// <summary>True when the first value of <paramref name="field"/> is exactly the ASCII <paramref name="value"/>.</summary>
    public bool Is(int field, ReadOnlySpan<byte> value) => Utf8(field).SequenceEqual(value);

    /// <summary>The array items (of the innermost array) in which <paramref name="field"/> was captured, in order.</summary>
    public List<int> ItemsOf(int field)
    {
        var list = new List<int>();
        for (var i = 0; i < Count; i++)
        {
            if (captures[i].Field == field && (list.Count == 0 || list[^1] != captures[i].Item))
            {
                list.Add(captures[i].Item);
            }
        }

        return list;
    }

    /// <summary>True when the first value of <paramref name="field"/> is JSON true.</summary>
    public bool IsTrue(int field)
    {
        var i = IndexOf(field, -1);
        return i >= 0 && captures[i].Type == JsonTokenType.True;
    }

    internal void Reset(byte[] source, LineCounter counter, int offset)
    {
        buffer = source;
        lines = counter;
        at = offset;
        position = null;
        Count = 0;
        duplicates.Clear();
    }

    internal void Duplicate(int offset, string key) => duplicates.Add((offset, key));

    internal void Add(int field, int item, JsonTokenType type, int start, int length, bool escaped)
    {
        if (Count == captures.Length)
        {
            Array.Resize(ref captures, captures.Length * 2);
        }

        captures[Count++] = new Capture(field, item, type, start, length, escaped);
    }

    private int IndexOf(int field, int item)
    {
        for (var i = 0; i < Count; i++)
        {
            if (captures[i].Field == field && (item < 0 || captures[i].Item == item))
            {
                return i;
            }
        }

        return -1;
    }

    private string? StringAt(int i)
    {
        var c = captures[i];
        if (c.Type == JsonTokenType.Null)
        {
            return null;
        }

        var raw = buffer.AsSpan(c.Start, c.Length);
        return c.Escaped ? Unescape(raw) : Encoding.UTF8.GetString(raw);
    }

    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        // Let the JSON reader undo the escapes: wrap the contents in quotes and read one string token.
        var rented = ArrayPool<byte>.Shared.Rent(raw.Length + 2);
        try
        {
            rented[0] = (byte)'"';
            raw.CopyTo(rented.AsSpan(1));
            rented[raw.Length + 1] = (byte)'"';
            var reader = new Utf8JsonReader(rented.AsSpan(0, raw.Length + 2));
            reader.Read();
            return JsonShape.Text(ref reader);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private readonly record struct Capture(int Field, int Item, JsonTokenType Type, int Start, int Length, bool Escaped);
}
