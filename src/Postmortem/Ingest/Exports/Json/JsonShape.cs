using System.Text.Json;

namespace Postmortem.Ingest.Exports.Json;

/// <summary>
/// What the beginning of a JSON file looks like: enough to tell the export formats apart without
/// reading the whole file. Taken from the first bytes, as many as the first record needs (<see cref="Cut"/>).
/// </summary>
public sealed class JsonShape
{
    /// <summary>How many bytes are sniffed.</summary>
    public const int SniffBytes = 64 * 1024;

    private readonly Dictionary<string, HashSet<string>> inner = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    private JsonShape(JsonTokenType root) => Root = root;

    /// <summary>True when the prefix ended inside the first record (the first item of a root array, or a root-level value of a root
    /// object): a longer prefix may show keys that tell the format (a Slack message whose <c>ts</c> follows 64 KB of text).</summary>
    public bool Cut { get; private set; }

    /// <summary><see cref="JsonTokenType.StartObject"/> or <see cref="JsonTokenType.StartArray"/>.</summary>
    public JsonTokenType Root { get; }

    /// <summary>Keys of the root object, or of the first item of a root array.</summary>
    public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>True when the root has <paramref name="key"/> (at the root object or first root-array item).</summary>
    public bool Has(string key) => Keys.Contains(key);

    /// <summary>True when the object (or first array item) under root key <paramref name="key"/> has <paramref name="innerKey"/>.</summary>
    public bool Has(string key, string innerKey) => inner.TryGetValue(key, out var set) && set.Contains(innerKey);

    /// <summary>A short string value seen at <c>key</c> or <c>key.inner</c> (first occurrence), or null.</summary>
    public string? Value(string path) => values.GetValueOrDefault(path);

    /// <summary>Reads the shape of <paramref name="prefix"/>; null when it does not start with an object or array.</summary>
    /// <exception cref="ExportFormatException">The prefix is not well-formed JSON.</exception>
    public static JsonShape? Sniff(ReadOnlySpan<byte> prefix, bool whole)
    {
        if (prefix.StartsWith("\uFEFF"u8))
        {
            prefix = prefix[3..];
        }

        var first = prefix.TrimStart(" \t\r\n"u8);
        if (first.IsEmpty || first[0] is not ((byte)'{' or (byte)'['))
        {
            return null;
        }

        var reader = new Utf8JsonReader(prefix, whole, default);
        try
        {
            reader.Read();
            var shape = new JsonShape(reader.TokenType);
            shape.Walk(ref reader, whole);
            return shape;
        }
        catch (JsonException e)
        {
            throw new ExportFormatException($"malformed JSON: {JsonRecordStream.Reason(e)}", (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
        }
    }

    private void Walk(ref Utf8JsonReader reader, bool whole)
    {
        // Root array: describe its first item as if it were the root.
        if (Root == JsonTokenType.StartArray)
        {
            if (!reader.Read())
            {
                Cut = !whole;
                return;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return;
            }
        }

        while (true)
        {
            if (!reader.Read())
            {
                Cut = !whole;
                return;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                return;
            }

            var key = Text(ref reader);
            Keys.Add(key);
            if (!reader.Read())
            {
                Cut = !whole;
                return;
            }

            if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= 64)
            {
                values.TryAdd(key, Text(ref reader));
            }
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (!Inner(ref reader, key, out var inFirst))
                {
                    // Out of bytes: inside the root array's first item everything counts; under a root object only the first inner object does.
                    Cut = !whole && (Root == JsonTokenType.StartArray || inFirst);
                    return;
                }
            }
        }
    }

    /// <summary>Records the keys of the object (or first object item) the reader is on and moves past it; false when the prefix ran out.</summary>
    private bool Inner(ref Utf8JsonReader reader, string key, out bool inFirst)
    {
        var depth = reader.CurrentDepth;
        var recording = reader.TokenType == JsonTokenType.StartObject;
        var objectDepth = depth;
        var seen = recording;
        var set = inner.TryGetValue(key, out var existing) ? existing : inner[key] = new HashSet<string>(StringComparer.Ordinal);
        string? pending = null;
        inFirst = true;
        while (reader.Read())
        {
            var t = reader.TokenType;
            if (reader.CurrentDepth == depth && t is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                return true;
            }

            if (!seen && t == JsonTokenType.StartObject && reader.CurrentDepth == depth + 1)
            {
                seen = recording = true;
                objectDepth = depth + 1;
            }
            else if (recording && t == JsonTokenType.EndObject && reader.CurrentDepth == objectDepth)
            {
                recording = false;
            }
            else if (recording && reader.CurrentDepth == objectDepth + 1)
            {
                if (t == JsonTokenType.PropertyName)
                {
                    pending = Text(ref reader);
                    set.Add(pending);
                }
                else if (t == JsonTokenType.String && pending is not null && reader.ValueSpan.Length <= 64)
                {
                    values.TryAdd(key + "." + pending, Text(ref reader));
                }
            }
        }

        inFirst = !seen || recording;
        return false;
    }

    /// <summary>The string token's text; invalid UTF-8 (which <see cref="Utf8JsonReader.GetString"/> throws on) is decoded with U+FFFD.</summary>
    internal static string Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        }
    }
}
