using System.Text;
using Postmortem.Diagnostics;

namespace Postmortem.Ingest;

/// <summary>
/// A text input read byte-exactly: its encoding (UTF-8, or UTF-16/UTF-32 named by a byte-order mark), its
/// byte-order mark, and the text. Invalid bytes and NUL are refused with a position instead of being
/// replaced by U+FFFD, so nothing is read quietly wrong and a rewrite can give back every byte it did not change.
/// </summary>
public sealed class TextFile
{
    private TextFile(string text, Encoding encoding, int preambleLength)
    {
        Text = text;
        Encoding = encoding;
        PreambleLength = preambleLength;
    }

    /// <summary>The decoded text (without the byte-order mark).</summary>
    public string Text { get; }

    /// <summary>The encoding the file is in (strict: it throws on invalid data).</summary>
    public Encoding Encoding { get; }

    /// <summary>Length of the byte-order mark, 0 when there is none.</summary>
    public int PreambleLength { get; }

    /// <summary>Reads <paramref name="path"/>; a diagnostic (PM0001 when it cannot be read, PM0015 when it is not text) otherwise.</summary>
    public static (TextFile? File, Diagnostic? Problem) Read(string path)
    {
        byte[] bytes;
        try
        {
            if (Directory.Exists(path))
            {
                return (null, DiagnosticCatalog.FileUnreadable(path, "it is a directory, not a file"));
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (null, DiagnosticCatalog.FileUnreadable(path, e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message));
        }

        return Decode(bytes, path);
    }

    /// <summary>
    /// Reads <paramref name="path"/> as its lines, the way <c>Text</c> split at <c>\r\n</c>, <c>\r</c> and <c>\n</c> would give them
    /// (a final terminator gives a last empty line); its whole text is never in memory (issue 9). A UTF-8 file is kept as its
    /// bytes, each line decoded when it is read (<see cref="Utf8Lines"/>: the events keep their lines as ranges of those
    /// bytes); a UTF-16 or UTF-32 file, or one over <see cref="MaxUtf8Lines"/>, is decoded 1 MB at a time into strings.
    /// Diagnostics are those of <see cref="Read"/>, byte for byte.
    /// </summary>
    public static (IReadOnlyList<string>? Lines, Diagnostic? Problem) ReadLines(string path)
    {
        IReadOnlyList<string>? lines;
        try
        {
            if (Directory.Exists(path))
            {
                return (null, DiagnosticCatalog.FileUnreadable(path, "it is a directory, not a file"));
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            lines = stream.CanSeek && stream.Length <= MaxUtf8Lines ? Utf8(stream) : null;
            if (lines is null)
            {
                stream.Position = 0;
                lines = SplitLines(stream);
            }
        }
        catch (Exception e) when (e is DecoderFallbackException or InvalidDataException)
        {
            // Not text: read it whole once more for the same diagnostic, at the same position, as Read gives.
            var (_, problem) = Read(path);
            return (null, problem ?? DiagnosticCatalog.FileUnreadable(path, "it changed while it was read"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (null, DiagnosticCatalog.FileUnreadable(path, e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message));
        }

        return (lines, null);
    }

    /// <summary>Largest file <see cref="ReadLines"/> keeps as UTF-8 bytes (1 GiB); a larger one is read as strings.</summary>
    internal const long MaxUtf8Lines = 1L << 30;

    // The lines of a UTF-8 stream kept as its bytes; null when the stream is in another encoding. Throws
    // InvalidDataException on invalid UTF-8 or NUL, so the caller can report them as Read does.
    private static Utf8Lines? Utf8(FileStream stream)
    {
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        if (stream.Read(new byte[1]) != 0)
        {
            return null; // Grew while read: the streamed path reads it to its end.
        }

        var (encoding, preamble) = Detect(bytes);
        if (encoding is not UTF8Encoding)
        {
            return null;
        }

        return Utf8Lines.Split(bytes, preamble) ?? throw new InvalidDataException("not UTF-8 text");
    }

    // The lines of a stream in its detected encoding (strict). Throws DecoderFallbackException on invalid data and
    // InvalidDataException on NUL, so the caller can report them as Read does.
    private static List<string> SplitLines(Stream stream)
    {
        var buffer = new byte[1 << 20];
        var filled = 0;
        while (filled < 4 && stream.Read(buffer, filled, 4 - filled) is var n and > 0)
        {
            filled += n;
        }

        var (encoding, preamble) = Detect(buffer.AsSpan(0, filled).ToArray());
        var decoder = encoding.GetDecoder();
        var chars = new char[encoding.GetMaxCharCount(buffer.Length)];
        var lines = new List<string>();
        var pending = new StringBuilder();
        var afterCr = false;
        var start = preamble;
        while (true)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var count = decoder.GetChars(buffer, start, filled - start, chars, 0, flush: read == 0);
            var span = chars.AsSpan(0, count);
            if (span.Contains('\0'))
            {
                throw new InvalidDataException("NUL");
            }

            var from = 0;
            if (afterCr && span.Length > 0 && span[0] == '\n')
            {
                from = 1; // The \n of a \r\n cut by the buffer's end.
            }

            if (span.Length > 0)
            {
                afterCr = false;
            }

            while (from < span.Length)
            {
                var end = span[from..].IndexOfAny('\r', '\n');
                if (end < 0)
                {
                    pending.Append(span[from..]);
                    break;
                }

                end += from;
                if (pending.Length > 0)
                {
                    pending.Append(span[from..end]);
                    lines.Add(pending.ToString());
                    pending.Clear();
                }
                else
                {
                    lines.Add(new string(span[from..end]));
                }

                from = end + 1;
                if (span[end] == '\r')
                {
                    if (from < span.Length)
                    {
                        from += span[from] == '\n' ? 1 : 0;
                    }
                    else
                    {
                        afterCr = true;
                    }
                }
            }

            if (read == 0)
            {
                break;
            }

            filled = 0;
            start = 0;
        }

        lines.Add(pending.ToString());
        return lines;
    }

    /// <summary>Decodes <paramref name="bytes"/> named <paramref name="path"/> in diagnostics.</summary>
    public static (TextFile? File, Diagnostic? Problem) Decode(byte[] bytes, string path)
    {
        var (encoding, preamble) = Detect(bytes);
        string text;
        try
        {
            text = encoding.GetString(bytes, preamble, bytes.Length - preamble);
        }
        catch (DecoderFallbackException e)
        {
            var offset = preamble + Math.Max(e.Index, 0);
            var (line, column) = Position(bytes, Math.Min(offset, bytes.Length));
            return (null, DiagnosticCatalog.NotText(path, line, column, $"invalid {encoding.WebName} at byte {offset}"));
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var (line, column) = Position(text, nul);
            return (null, DiagnosticCatalog.NotText(path, line, column, "a NUL character (binary data?)"));
        }

        return (new TextFile(text, encoding, preamble), null);
    }

    /// <summary>The bytes of <paramref name="text"/> in this file's encoding, with its byte-order mark.</summary>
    public byte[] Encode(string text)
    {
        var body = Encoding.GetBytes(text);
        var preamble = Encoding.GetPreamble();
        return PreambleLength == 0 ? body : [.. preamble, .. body];
    }

    private static (Encoding Encoding, int Preamble) Detect(byte[] b) => b switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(true, true), 3),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(false, true, true), 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(true, true, true), 4),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(false, true, true), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(true, true, true), 2),
        _ => (new UTF8Encoding(false, true), 0),
    };

    private static (int Line, int Column) Position(byte[] bytes, int offset)
    {
        var before = bytes.AsSpan(0, offset);
        var lastNewline = before.LastIndexOf((byte)'\n');
        return (before.Count((byte)'\n') + 1, offset - lastNewline);
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var before = text.AsSpan(0, index);
        var lastNewline = before.LastIndexOf('\n');
        return (before.Count('\n') + 1, index - lastNewline);
    }
}
