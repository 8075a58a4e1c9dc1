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
