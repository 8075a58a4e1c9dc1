using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Postmortem.Rendering.Markdown;

/// <summary>
/// A small YAML writer for a Markdown record's front matter: block mappings and sequences, two spaces per level, every
/// text double-quoted with <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, brackets and control characters escaped, so that the front
/// matter stays one harmless block whatever a renderer that does not know front matter makes of it.
/// </summary>
internal sealed partial class FrontMatterWriter
{
    private readonly StringBuilder b = new();
    private int depth;

    /// <summary>The front matter with its '---' lines.</summary>
    public override string ToString() => "---\n" + b + "---\n\n";

    /// <summary>A key whose value is a word, a date or a number (written plain when it is safe so, else quoted).</summary>
    public void Plain(string key, object? value)
    {
        if (value is null)
        {
            return;
        }

        Key(key).Append(' ').Append(PlainValue(value)).Append('\n');
    }

    /// <summary>A key whose value is text (always quoted).</summary>
    public void Text(string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        Key(key).Append(' ').Append(Quote(value)).Append('\n');
    }

    /// <summary>A nested mapping, written only when <paramref name="write"/> writes something into it.</summary>
    public void Mapping(string key, Action<FrontMatterWriter> write)
    {
        var mark = b.Length;
        Key(key).Append('\n');
        var body = b.Length;
        depth++;
        write(this);
        depth--;
        if (b.Length == body)
        {
            b.Length = mark;
        }
    }

    /// <summary>A sequence of words or texts; nothing when empty.</summary>
    public void Sequence(string key, IReadOnlyList<string> items, bool plain = false)
    {
        if (items.Count == 0)
        {
            return;
        }

        Key(key).Append('\n');
        foreach (var item in items)
        {
            b.Append(' ', (depth + 1) * 2).Append("- ").Append(plain ? PlainValue(item) : Quote(item)).Append('\n');
        }
    }

    /// <summary>A sequence of mappings; nothing when empty.</summary>
    public void Sequence<T>(string key, IReadOnlyList<T> items, Action<FrontMatterWriter, T> write)
    {
        if (items.Count == 0)
        {
            return;
        }

        Key(key).Append('\n');
        foreach (var item in items)
        {
            // "- " then the mapping's keys one level deeper; the first key goes on the dash's line.
            var start = b.Length;
            depth += 2;
            write(this, item);
            depth -= 2;
            if (b.Length == start)
            {
                continue;
            }

            var indent = new string(' ', (depth + 2) * 2);
            b.Remove(start, indent.Length).Insert(start, new string(' ', (depth + 1) * 2) + "- ");
        }
    }

    private StringBuilder Key(string key) => b.Append(' ', depth * 2).Append(SafeWord().IsMatch(key) ? key : Quote(key)).Append(':');

    private static string PlainValue(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        int or long or double => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        string text when SafeWord().IsMatch(text) && !Special().IsMatch(text) => text,
        _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    /// <summary>A YAML double-quoted scalar (YAML 1.2, 7.3.1) with markup and control characters as escapes.</summary>
    public static string Quote(string text)
    {
        var q = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    q.Append("\\\"");
                    break;
                case '\\':
                    q.Append("\\\\");
                    break;
                case '\n':
                    q.Append("\\n");
                    break;
                case '\t':
                    q.Append("\\t");
                    break;
                case '<' or '>' or '&' or '[' or ']':
                    q.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
                    {
                        q.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        q.Append(c);
                    }

                    break;
            }
        }

        return q.Append('"').ToString();
    }

    // Letters, digits and the punctuation of ids, dates, instants and zone names; starting with a letter or digit.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._/+:-]*$")]
    private static partial Regex SafeWord();

    // Plain words YAML or a reader could take for something else: booleans, nulls, numbers.
    [GeneratedRegex(@"^(?:true|false|yes|no|on|off|null|y|n|[-+]?[0-9][0-9_]*(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Special();
}
