using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Postmortem.Rendering.Json;

/// <summary>A read-only list whose items are mapped from a source list when read, so that a million timeline rows are never a million JSON objects at once.</summary>
internal sealed class MappedList<TSource, TResult>(IReadOnlyList<TSource> source, Func<TSource, TResult> map) : IReadOnlyList<TResult>
{
    public int Count => source.Count;

    public TResult this[int index] => map(source[index]);

    public IEnumerator<TResult> GetEnumerator()
    {
        foreach (var item in source)
        {
            yield return map(item);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// Writes a long list item by item and hands what is written to the output stream every 64 KB, so the
/// JSON of a large timeline is never held whole in memory (the serializer otherwise writes into one buffer).
/// </summary>
/// <typeparam name="T">The item type, registered in <see cref="PostmortemJsonContext"/>.</typeparam>
internal sealed class StreamedListConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    private const int FlushBytes = 64 * 1024;

    /// <inheritdoc/>
    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("the JSON contract is written, never read back");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        var item = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var e in value)
        {
            JsonSerializer.Serialize(writer, e, item);
            if (writer.BytesPending > FlushBytes)
            {
                writer.Flush(); // onto the output stream when the writer was made over one (JsonRenderer.Write)
            }
        }

        writer.WriteEndArray();
    }
}
