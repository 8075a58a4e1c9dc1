using System.Text;

namespace Postmortem.Rendering;

/// <summary>
/// Removes terminal control sequences and other control characters from text that came from an input: ANSI/VT100
/// escape sequences (CSI, OSC, two-character ESC forms), C0 controls but tab and line feed, DEL and C1 controls.
/// </summary>
/// <remarks>
/// Written by hand: what counts as a sequence is the small ECMA-48 grammar below, and no library on the registry
/// strips it without also rendering it. Stateful so that a sequence split across two writes is still removed.
/// </remarks>
public sealed class ControlText
{
    private State _state;

    private enum State
    {
        Text,
        Escape,
        ControlSequence,
        OperatingSystemCommand,
        OperatingSystemCommandEscape,
    }

    /// <summary>Strips <paramref name="text"/> in one go; returns it unchanged (the same instance) when it has nothing to strip.</summary>
    public static string Strip(string text)
    {
        if (!HasControl(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        new ControlText().Append(builder, text);
        return builder.ToString();
    }

    /// <summary>True when <paramref name="text"/> holds a character that <see cref="Strip"/> would remove.</summary>
    public static bool HasControl(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends <paramref name="text"/> to <paramref name="builder"/> without control characters, carrying an unfinished sequence over to the next call.</summary>
    public void Append(StringBuilder builder, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (Keep(c))
            {
                builder.Append(c);
            }
        }
    }

    /// <summary>Feeds one character; true when it is text to keep.</summary>
    public bool Keep(char c)
    {
        switch (_state)
        {
            case State.Escape:
                // ESC [ starts a control sequence, ESC ] an operating system command; any other ESC x is two characters.
                _state = c switch { '[' => State.ControlSequence, ']' => State.OperatingSystemCommand, _ => State.Text };
                return false;
            case State.ControlSequence:
                // Parameter and intermediate bytes (0x20-0x3F) continue it; a final byte (0x40-0x7E) or anything else ends it.
                if (c is < (char)0x20 or > (char)0x3F)
                {
                    _state = State.Text;
                }

                return false;
            case State.OperatingSystemCommand:
                _state = c switch { '\a' => State.Text, '\x1b' => State.OperatingSystemCommandEscape, '\x9c' => State.Text, _ => State.OperatingSystemCommand };
                return false;
            case State.OperatingSystemCommandEscape:
                _state = c == '\\' ? State.Text : State.OperatingSystemCommand;
                return false;
        }

        switch (c)
        {
            case '\x1b':
                _state = State.Escape;
                return false;
            case '\x9b':
                _state = State.ControlSequence;
                return false;
            case '\x9d':
                _state = State.OperatingSystemCommand;
                return false;
            default:
                return !IsControl(c);
        }
    }

    private static bool IsControl(char c) => c is (< ' ' and not '\t' and not '\n' and not '\r') or (>= '\x7f' and <= '\x9f');
}
