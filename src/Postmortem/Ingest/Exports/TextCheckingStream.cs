using System.Text;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Exports.Json;

namespace Postmortem.Ingest.Exports;

/// <summary>
/// Passes an export's bytes through and stops at the first byte that is not UTF-8 text (an invalid sequence or NUL)
/// with PM0015 at its line and column, as <see cref="TextFile"/> does for notes: the JSON and CSV readers would
/// otherwise turn such bytes into U+FFFD without a word (issue 9). A file opening with a UTF-16/32 byte-order mark is passed unchecked; the inner stream stays its caller's to dispose.
/// </summary>
internal sealed class TextCheckingStream(Stream inner, string file) : Stream
{
    private readonly Decoder decoder = new UTF8Encoding(false, true).GetDecoder();
    private long offset;
    private long line = 1;
    private long lastNewline = -1;
    private bool? check;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => offset; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Check(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Check(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Check(ReadOnlySpan<byte> chunk)
    {
        check ??= !(chunk is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF, ..]);
        if (check == false)
        {
            return;
        }

        var nul = chunk.IndexOf((byte)0);
        var valid = nul < 0 ? chunk : chunk[..nul];
        try
        {
            decoder.GetCharCount(valid, flush: chunk.IsEmpty);
        }
        catch (DecoderFallbackException e)
        {
            // The index is within this chunk, or just before it when the bad sequence began in the previous one.
            Fail(Math.Max(0, e.Index), "invalid utf-8 at byte " + (offset + e.Index), chunk);
        }

        if (nul >= 0)
        {
            Fail(nul, "a NUL character (binary data?)", chunk);
        }

        var newlines = chunk.Count((byte)'\n');
        if (newlines > 0)
        {
            line += newlines;
            lastNewline = offset + chunk.LastIndexOf((byte)'\n');
        }

        offset += chunk.Length;
    }

    private void Fail(int at, string what, ReadOnlySpan<byte> chunk)
    {
        var before = chunk[..at];
        var newline = before.LastIndexOf((byte)'\n');
        var l = line + before.Count((byte)'\n');
        var column = newline >= 0 ? at - newline : offset + at - lastNewline;
        throw new ExportFormatException(DiagnosticCatalog.NotText(file, (int)Math.Min(l, int.MaxValue), (int)Math.Min(column, int.MaxValue), what));
    }
}
