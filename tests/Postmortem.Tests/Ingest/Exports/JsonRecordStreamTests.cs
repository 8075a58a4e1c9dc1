using System.Text;
using Postmortem.Ingest.Exports.Json;

namespace Postmortem.Tests.Ingest.Exports;

public sealed class JsonRecordStreamTests
{
    private static readonly FieldSet Fields = new("id", "who.name", "tags[]", "items[].n", "blob");

    [Theory]
    [InlineData(1, 16)]
    [InlineData(7, 16)]
    [InlineData(7, 64)]
    [InlineData(4096, 16)]
    [InlineData(4096, 1024 * 1024)]
    public async Task Records_are_the_same_whatever_the_chunks_the_stream_delivers_and_the_buffer_size(int chunk, int buffer)
    {
        var json = "\uFEFF{ \"skip\": {\"deep\": [1, {\"x\": \"}\"}]}, \"records\": [\n" +
            string.Join(",\n", Enumerable.Range(0, 50).Select(i =>
                $"{{\"id\": \"r{i}\\u00e9\\\"q\", \"who\": {{\"name\": \"n{i}\", \"other\": [1,2]}}, \"tags\": [\"a\", \"b{i}\"], \"items\": [{{\"n\": {i}}}, {{\"n\": {i + 1}}}], \"blob\": {{\"k\": [true]}} }}")) +
            "\n], \"after\": 1 }";
        var got = await Read(json, RecordPath.ItemsOf("records"), chunk, buffer);
        Assert.Equal(50, got.Count);
        Assert.Equal("r7é\"q", got[7].Id);
        Assert.Equal("n7", got[7].Name);
        Assert.Equal(["a", "b7"], got[7].Tags);
        Assert.Equal("7|8", got[7].Items);
        Assert.Equal("{\"k\": [true]}", got[7].Blob);
        Assert.Equal(2 + 7, got[7].Line); // the first line opens the array, then one record per line
    }

    [Fact]
    public async Task A_root_array_and_a_root_record_are_read()
    {
        Assert.Equal(["1", "2"], (await Read("[{\"id\":1},{\"id\":2}]", RecordPath.RootArray, 3)).Select(r => r.Id));
        Assert.Equal(["x"], (await Read("{\"id\":\"x\"}", RecordPath.Root, 2)).Select(r => r.Id));
    }

    [Theory]
    [InlineData("{\"records\": [ {\"id\": 1}, {\"id\": 2 ] }", 1, 35)]
    [InlineData("{\"records\": [\n  {\"id\": 1},\n  {\"id\": }\n] }", 3, 10)]
    [InlineData("[{\"id\": 1}] trailing", 1, 13)]
    [InlineData("{\"records\": [ {\"id\": 1}", 1, 24)]
    public async Task Malformed_json_is_reported_at_its_line_and_column(string json, int line, int column)
    {
        var e = await Assert.ThrowsAsync<ExportFormatException>(() => Read(json, RecordPath.ItemsOf("records"), 5));
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
    }

    [Fact]
    public async Task A_large_record_from_a_stream_of_small_reads_is_parsed_a_bounded_number_of_times()
    {
        // Given one 4 MB record delivered 8 KB per read, as a zip entry's decompressing stream does
        var text = new string('x', 4 * 1024 * 1024);
        var json = $"[{{\"id\": \"big\", \"blob\": \"{text}\"}}, {{\"id\": \"next\"}}]";
        long parsed = 0;

        // When it is read
        var rows = await Read(json, RecordPath.RootArray, 8192, 1024 * 1024, n => parsed += n);

        // Then both records are read, and the bytes parsed stay a small multiple of the input (a re-parse
        // after every 8 KB read went over the partial record 512 times: about 1,000 times the input)
        Assert.Equal(["big", "next"], rows.Select(r => r.Id));
        Assert.Equal(text, rows[0].Blob);
        Assert.InRange(parsed, json.Length, 4L * json.Length);
    }

    private static async Task<List<Row>> Read(string json, RecordPath path, int chunk, int buffer = 1024 * 1024, Action<int>? parsed = null)
    {
        var rows = new List<Row>();
        await foreach (var row in JsonRecordStream.ReadAsync<Row>(new TrickleStream(Encoding.UTF8.GetBytes(json), chunk), path, Fields, (r, o) =>
            o.Add(new Row(r.String(0), r.String(1), r.Strings(2), string.Join("|", r.Strings(3)), r.String(4), r.Line)), null, buffer, parsed, default))
        {
            rows.Add(row);
        }

        return rows;
    }

    private sealed record Row(string? Id, string? Name, List<string> Tags, string Items, string? Blob, int Line);
}

/// <summary>A stream that hands out at most <c>chunk</c> bytes per read, to split records at every possible place.</summary>
internal sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
{
    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
}
