using System.Text;

namespace Postmortem.Rendering;

/// <summary>Text renderers over a stream: UTF-8 without a byte-order mark, the stream left open.</summary>
public static class TextOutput
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Runs <paramref name="render"/> over a writer on <paramref name="output"/>.</summary>
    public static void Write(Stream output, Action<TextWriter> render)
    {
        using var writer = new StreamWriter(output, Utf8, 1 << 16, leaveOpen: true);
        render(writer);
    }
}
