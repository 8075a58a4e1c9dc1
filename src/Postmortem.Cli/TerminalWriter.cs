using System.Text;
using Postmortem.Rendering;

namespace Postmortem.Cli;

/// <summary>
/// A writer for a terminal: text from the inputs (a chat message, a lint excerpt, a key name in a diagnostic) reaches
/// it without its control sequences, so a file cannot move the cursor, retitle the window or hide a line.
/// </summary>
internal sealed class TerminalWriter(TextWriter inner) : TextWriter
{
    private readonly ControlText filter = new();
    private readonly StringBuilder buffer = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (filter.Keep(value))
        {
            inner.Write(value);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        this.buffer.Clear();
        filter.Append(this.buffer, buffer);
        foreach (var chunk in this.buffer.GetChunks())
        {
            inner.Write(chunk.Span);
        }
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void WriteLine(string? value)
    {
        Write(value.AsSpan());
        inner.WriteLine();
    }

    public override void Flush() => inner.Flush();
}
