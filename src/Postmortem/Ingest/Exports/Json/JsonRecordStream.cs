using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Postmortem.Ingest.Exports.Json;

/// <summary>Turns one captured record into zero or more results.</summary>
internal delegate void RecordMapper<T>(JsonRecord record, List<T> output);

/// <summary>
/// Streams the records of a JSON export with <see cref="Utf8JsonReader"/> over a bounded buffer: one
/// pass, only the wanted fields captured, memory bounded by the largest record rather than the file.
/// </summary>
/// <remarks>
/// Each step (a record, or a property skipped on the way to the records) is parsed from a saved
/// reader state; when the buffer ends inside a step, the step is parsed again once more bytes are in.
/// Every refill fills the buffer (whatever the stream hands out per read) and a step that does not fit
/// doubles it, so a record is parsed at most about twice per buffer size: linear in the record's size.
/// Captured spans stay inside the buffer.
/// </remarks>
internal static class JsonRecordStream
{
    /// <summary>A single record (or a value skipped on the way) may not be larger than this.</summary>
    public const int MaxRecordBytes = 128 * 1024 * 1024;

    private const int InitialBuffer = 1024 * 1024;

    private enum Phase
    {
        Start,
        RootProperties,
        Items,
        Done,
    }

    /// <summary>Reads the records at <paramref name="path"/> in <paramref name="stream"/>, mapping each as it is read.</summary>
    /// <exception cref="ExportFormatException">The bytes are not well-formed JSON, or a record is too large.</exception>
    public static IAsyncEnumerable<T> ReadAsync<T>(Stream stream, RecordPath path, FieldSet fields, RecordMapper<T> map,
        Action<long>? progress = null, CancellationToken cancellationToken = default) =>
        ReadAsync(stream, path, fields, map, progress, InitialBuffer, null, cancellationToken);

    /// <summary>As the public overload, with the first buffer's size and a probe told how many bytes each parse pass covered (tests).</summary>
    internal static async IAsyncEnumerable<T> ReadAsync<T>(Stream stream, RecordPath path, FieldSet fields, RecordMapper<T> map,
        Action<long>? progress, int initialBuffer, Action<int>? parsed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(initialBuffer);
        var state = new State<T>(path, fields, map);
        var output = new List<T>();
        try
        {
            int start = 0, end = 0;
            long total = 0;
            var final = false;
            var bomChecked = false;
            while (true)
            {
                if (start > 0)
                {
                    state.Lines.Flush(buffer, start);
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    state.Lines.Shift(start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    if (buffer.Length >= MaxRecordBytes)
                    {
                        throw new ExportFormatException($"a single record is larger than {MaxRecordBytes / (1024 * 1024)} MB", state.Lines.Line, 1);
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, bigger, 0, end);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                // Fill the buffer before parsing: a decompressing stream (a zip entry) hands out a few KB per
                // read, and a record larger than that would otherwise be parsed again from its start after
                // every read (quadratic in the record's size: 35 s for one 120 MB message).
                var wanted = buffer.Length - end;
                var n = await stream.ReadAtLeastAsync(buffer.AsMemory(end), wanted, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                final = n < wanted;
                if (n > 0)
                {
                    end += n;
                    total += n;
                    progress?.Invoke(total);
                }

                if (!bomChecked && (end >= 3 || final))
                {
                    bomChecked = true;
                    if (end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                    {
                        start = 3;
                        state.Lines.Skip(3);
                    }
                }

                if (!bomChecked)
                {
                    continue; // Fewer than three bytes so far: a byte-order mark may still be arriving.
                }

                parsed?.Invoke(end - start);
                start += Parse(buffer, start, end, final, state, output);
                foreach (var item in output)
                {
                    yield return item;
                }

                output.Clear();
                if (final)
                {
                    yield break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Parse<T>(byte[] buffer, int start, int end, bool final, State<T> state, List<T> output)
    {
        var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), final, state.Reader);
        try
        {
            while (true)
            {
                var mark = reader.CurrentState;
                var markPos = (int)reader.BytesConsumed;
                if (!Step(ref reader, buffer, start, state, output))
                {
                    state.Reader = mark;
                    return markPos;
                }
            }
        }
        catch (JsonException e)
        {
            throw new ExportFormatException($"malformed JSON: {Reason(e)}", (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
        }
    }

    /// <summary>One step of the walk; false when the bytes ran out inside it (or the walk is over).</summary>
    private static bool Step<T>(ref Utf8JsonReader reader, byte[] buffer, int start, State<T> state, List<T> output)
    {
        var path = state.Path;
        switch (state.Phase)
        {
            case Phase.Start:
                if (!reader.Read())
                {
                    return false;
                }

                if (path.Property is null && path.Each && reader.TokenType == JsonTokenType.StartArray)
                {
                    state.Phase = Phase.Items;
                    return true;
                }

                if (path.Property is not null && reader.TokenType == JsonTokenType.StartObject)
                {
                    state.Phase = Phase.RootProperties;
                    return true;
                }

                if (!Record(ref reader, buffer, start, state, output))
                {
                    return false;
                }

                state.Phase = Phase.Done;
                return true;

            case Phase.RootProperties:
                if (!reader.Read())
                {
                    return false;
                }

                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    state.Phase = Phase.Done;
                    return true;
                }

                var wanted = reader.ValueTextEquals(state.PropertyUtf8);
                if (!reader.Read())
                {
                    return false;
                }

                if (!wanted)
                {
                    return reader.TrySkip();
                }

                if (path.Each && reader.TokenType == JsonTokenType.StartArray)
                {
                    state.Phase = Phase.Items;
                    return true;
                }

                return reader.TokenType is JsonTokenType.StartObject ? Record(ref reader, buffer, start, state, output) : reader.TrySkip();

            case Phase.Items:
                if (!reader.Read())
                {
                    return false;
                }

                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    state.Phase = path.Property is null ? Phase.Done : Phase.RootProperties;
                    return true;
                }

                return reader.TokenType is JsonTokenType.StartObject ? Record(ref reader, buffer, start, state, output) : reader.TrySkip();

            default:
                if (reader.Read())
                {
                    throw new ExportFormatException("unexpected content after the end of the JSON value", 0, 0);
                }

                return false;
        }
    }

    private static bool Record<T>(ref Utf8JsonReader reader, byte[] buffer, int start, State<T> state, List<T> output)
    {
        var at = start + (int)reader.TokenStartIndex;
        state.Record.Reset(buffer, state.Lines, at);
        if (!Capture(ref reader, state.Fields.Root, -1, start, state.Record))
        {
            return false;
        }

        state.Map(state.Record, output);
        return true;
    }

    /// <summary>Captures the value the reader is on (and what it contains) as <paramref name="node"/> asks.</summary>
    private static bool Capture(ref Utf8JsonReader reader, FieldSet.Node node, int item, int start, JsonRecord record)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject when node.HasChildren:
                List<FieldSet.Node>? seen = null;
                while (true)
                {
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        return true;
                    }

                    var child = reader.ValueIsEscaped ? node.Find(Encoding.UTF8.GetBytes(JsonShape.Text(ref reader))) : node.Find(reader.ValueSpan);
                    if (child is not null)
                    {
                        // A key the format reads, written twice in one object: keep the first value and say so (PM0411).
                        seen ??= [];
                        if (seen.Contains(child))
                        {
                            record.Duplicate(start + (int)reader.TokenStartIndex, Encoding.UTF8.GetString(child.Name));
                            child = null;
                        }
                        else
                        {
                            seen.Add(child);
                        }
                    }
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (child is null ? !reader.TrySkip() : !Capture(ref reader, child, item, start, record))
                    {
                        return false;
                    }
                }

            case JsonTokenType.StartArray when node.Items is { } items:
                var index = 0;
                while (true)
                {
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        return true;
                    }

                    if (!Capture(ref reader, items, index++, start, record))
                    {
                        return false;
                    }
                }

            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var from = (int)reader.TokenStartIndex;
                if (!reader.TrySkip())
                {
                    return false;
                }

                if (node.Field >= 0)
                {
                    record.Add(node.Field, item, JsonTokenType.StartObject, start + from, (int)reader.BytesConsumed - from, false);
                }

                return true;

            default:
                if (node.Field >= 0)
                {
                    var quoted = reader.TokenType == JsonTokenType.String ? 1 : 0;
                    record.Add(node.Field, item, reader.TokenType, start + (int)reader.TokenStartIndex + quoted, reader.ValueSpan.Length, reader.ValueIsEscaped);
                }

                return true;
        }
    }

    /// <summary>The reader's message without its position suffix and advice about reader options.</summary>
    internal static string Reason(JsonException e)
    {
        var message = e.Message;
        foreach (var tail in new[] { " Path:", " LineNumber:", " Change the reader options." })
        {
            var cut = message.IndexOf(tail, StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
        }

        return message.TrimEnd('.', ' ');
    }

    private sealed class State<T>(RecordPath path, FieldSet fields, RecordMapper<T> map)
    {
        public RecordPath Path { get; } = path;

        public FieldSet Fields { get; } = fields;

        public RecordMapper<T> Map { get; } = map;

        public byte[] PropertyUtf8 { get; } = Encoding.UTF8.GetBytes(path.Property ?? string.Empty);

        public JsonRecord Record { get; } = new();

        public LineCounter Lines { get; } = new();

        public Phase Phase { get; set; }

        public JsonReaderState Reader { get; set; } = new(new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
    }
}

/// <summary>
/// Counts lines up to the positions asked for, across buffer refills: newlines are counted once (a
/// vectorised count); a column is found by looking back from its position to the line's start.
/// </summary>
internal sealed class LineCounter
{
    private int counted;
    private int lastNewline = -1; // offset in the buffer of the last newline before 'counted', possibly from before a shift

    public int Line { get; private set; } = 1;

    /// <summary>1-based line and column of buffer position <paramref name="at"/> (never before the last one asked for).</summary>
    public (int Line, int Column) At(byte[] buffer, int at)
    {
        Flush(buffer, at);
        var from = Math.Max(0, lastNewline + 1);
        var back = buffer.AsSpan(from, at - from).LastIndexOf((byte)'\n');
        return (Line, at - (back < 0 ? lastNewline : from + back));
    }

    public void Flush(byte[] buffer, int to)
    {
        if (to <= counted)
        {
            return;
        }

        var lines = buffer.AsSpan(counted, to - counted).Count((byte)'\n');
        if (lines > 0)
        {
            Line += lines;
            lastNewline = counted + buffer.AsSpan(counted, to - counted).LastIndexOf((byte)'\n');
        }

        counted = to;
    }

    public void Shift(int by)
    {
        counted -= by;
        lastNewline -= by;
    }

    public void Skip(int bytes)
    {
        counted += bytes;
        lastNewline += bytes;
    }
}
