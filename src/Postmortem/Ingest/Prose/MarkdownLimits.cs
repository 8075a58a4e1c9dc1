using Postmortem.Diagnostics;

namespace Postmortem.Ingest.Prose;

/// <summary>
/// The nesting limit for Markdown, checked in one linear pass before Markdig sees the text: Markdig's block
/// pass costs lines × open containers (a 3,000-level list ran for minutes) and its inline pass throws past
/// its own depth limit, so a line that opens too many containers is refused with PM0011.
/// </summary>
internal static class MarkdownLimits
{
    /// <summary>Most characters of indentation, <c>&gt;</c> and list markers before a line's content.</summary>
    public const int MaxContainerPrefix = 256;

    /// <summary>PM0011 for the first line of <paramref name="text"/> that nests past the limit; null when none does.</summary>
    public static Diagnostic? Check(string text, string file)
    {
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var prefix = ContainerPrefix(text.AsSpan(start, end - start));
            if (prefix > MaxContainerPrefix)
            {
                return DiagnosticCatalog.MarkdownTooDeep(file, line, MaxContainerPrefix + 1,
                    $"this line opens more than {MaxContainerPrefix} characters of indentation, quote and list markers (the limit)");
            }

            line++;
            start = end + 1;
        }

        return null;
    }

    // Indentation, block-quote markers and list markers ("-", "*", "+", "1.", "1)") followed by a space, up to the
    // first other character; a blank line has no content to nest, so it counts as 0.
    private static int ContainerPrefix(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is ' ' or '\t' or '>')
            {
                i++;
                continue;
            }

            var marker = c is '-' or '*' or '+' ? 1 : Ordered(line[i..]);
            if (marker > 0 && i + marker < line.Length && line[i + marker] is ' ' or '\t')
            {
                i += marker;
                continue;
            }

            return i;
        }

        return 0;
    }

    private static int Ordered(ReadOnlySpan<char> rest)
    {
        var digits = 0;
        while (digits < rest.Length && digits < 9 && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < rest.Length && rest[digits] is '.' or ')' ? digits + 1 : 0;
    }
}
