using System.Buffers;
using System.Text;

namespace Postmortem.Cli;

/// <summary>A write-only stream that decodes the UTF-8 written to it onto a <see cref="TextWriter"/> (standard output, or a test's console), chunk by chunk.</summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder decoder = new UTF8Encoding(false).GetDecoder();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(16, buffer.Length + 4));
        try
        {
            // A multi-byte character split across writes is kept by the decoder until its last byte arrives.
            var n = decoder.GetChars(buffer, chars, flush: false);
            writer.Write(chars, 0, n);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
