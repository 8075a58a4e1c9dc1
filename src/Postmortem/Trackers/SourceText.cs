using System.Text;

namespace Postmortem.Trackers;

/// <summary>
/// A postmortem file read for a one-line edit and written back whole and atomically (a temporary file beside it, then a
/// rename), in its own encoding and byte-order mark and with its permissions: a crash leaves the old file or the new one,
/// never half of either.
/// </summary>
internal sealed class SourceText
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private SourceText(string text, Encoding encoding, byte[] preamble)
    {
        Text = text;
        Encoding = encoding;
        Preamble = preamble;
    }

    public string Text { get; }

    private Encoding Encoding { get; }

    private byte[] Preamble { get; }

    /// <summary>The file's text, or the reason it cannot be read.</summary>
    public static (SourceText? Source, string? Problem) Read(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            var (encoding, bom) = bytes switch
            {
                [0xEF, 0xBB, 0xBF, ..] => (Utf8, 3),
                [0xFF, 0xFE, ..] => ((Encoding)new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
                [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
                _ => (Utf8, 0),
            };
            return (new SourceText(encoding.GetString(bytes, bom, bytes.Length - bom), encoding, bytes[..bom]), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException or ArgumentException)
        {
            return (null, e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e is DecoderFallbackException ? "not valid text in its encoding" : e.Message);
        }
    }

    /// <summary>Writes <paramref name="text"/> in place of the file, atomically; the reason when it could not.</summary>
    public string? Write(string path, string text)
    {
        var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(Preamble);
                stream.Write(Encoding.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
            }

            File.Move(temp, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EncoderFallbackException or ArgumentException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The temporary file stays; the postmortem itself is unchanged.
            }

            return e.Message;
        }
    }
}
