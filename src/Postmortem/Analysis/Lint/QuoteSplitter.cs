using Postmortem.Ingest.Prose;

namespace Postmortem.Analysis.Lint;

/// <summary>Splits a run of text around quoted passages: verbatim quotes ("…", “…”) are evidence, not our prose.</summary>
internal static class QuoteSplitter
{
    public static IEnumerable<ProseSegment> Split(ProseSegment segment)
    {
        var (text, line, column, offset, context) = (segment.Text, segment.Line, segment.Column, segment.Offset, segment.Context);
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var close = text[i] switch { '"' => '"', '“' => '”', _ => '\0' };
            var end = close == '\0' ? -1 : text.IndexOf(close, i + 1);
            if (end < 0)
            {
                i++;
                continue;
            }

            if (i > start)
            {
                yield return new ProseSegment(text[start..i], line, column + start, offset + start, context);
            }

            start = end + 1;
            i = end + 1;
        }

        if (start < text.Length)
        {
            yield return new ProseSegment(text[start..], line, column + start, offset + start, context);
        }
    }
}
