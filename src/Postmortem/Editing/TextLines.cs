namespace Postmortem.Editing;

/// <summary>A text as lines with their own endings, so that an edit keeps every other byte (CRLF files stay CRLF).</summary>
internal static class TextLines
{
    public static List<(string Text, string Ending)> Split(string text)
    {
        var lines = new List<(string, string)>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                lines.Add((text[start..], string.Empty));
                break;
            }

            var cr = end > start && text[end - 1] == '\r';
            lines.Add((text[start..(cr ? end - 1 : end)], cr ? "\r\n" : "\n"));
            start = end + 1;
        }

        return lines;
    }
}
