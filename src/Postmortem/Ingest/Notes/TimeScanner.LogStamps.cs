using System.Buffers;
using System.Text.RegularExpressions;

namespace Postmortem.Ingest.Notes;

// "10.0.4.7 - - [12/May/2026:14:30:00 +0000] "GET /health HTTP/1.1" 502 0": the stamp of a web server's access log (the Common
// Log Format that Apache and nginx write), an exact instant: in square brackets the day, the month's English abbreviation and the
// year between slashes, a colon, the clock with seconds, and a numeric offset (session 31). Read with the ISO stamps, before the
// clocks, so that nothing reads "14:30:00" again. A pattern of fixed shape (linear), run only on text holding a month between
// slashes ("/May/").
public static partial class TimeScanner
{
    private static readonly SearchValues<string> LogMonths = SearchValues.Create(
        ["/jan/", "/feb/", "/mar/", "/apr/", "/may/", "/jun/", "/jul/", "/aug/", "/sep/", "/oct/", "/nov/", "/dec/"], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\[(?<d>[0-3]?[0-9])/(?<mo>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/(?<y>(?:19|20)[0-9]{2}):(?<h>[01][0-9]|2[0-3]):(?<mi>[0-5][0-9]):(?<s>[0-5][0-9])(?:[.,][0-9]{1,6})?\s(?<off>[+-](?:0[0-9]|1[0-4])[0-5][0-9])\]")]
    private static partial Regex AccessLogStampPattern();

    private static void AddAccessLogStamps(string text, List<TimeExpression> results)
    {
        if (!text.AsSpan().ContainsAny(LogMonths))
        {
            return;
        }

        foreach (Match m in AccessLogStampPattern().Matches(text))
        {
            if (ReadOffsetStamp(m) is { } stamp)
            {
                results.Add(stamp);
            }
        }
    }
}
