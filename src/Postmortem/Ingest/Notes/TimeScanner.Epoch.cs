using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

// "backend timeouts starting at Unix timestamp 1718101200", "epoch 1718101200123": a moment written as seconds (or milliseconds)
// since 1970 after a word that says so. A bare ten-digit number stays a number ("Last updated 1776211200", an order id): only
// "Unix timestamp", "Unix time", "epoch" or "timestamp" before it make it a moment (session 30). A pass of its own, run only
// on text holding one of those words, with a pattern of fixed words and a run of digits (linear). The word and the number are
// joined by a space, "of", or a sign written as logs write it: "timestamp: 1718101200", "epoch=1718101200123". A JSON key
// ("ts", "time", "timestamp" or "epoch" in quotes, then a colon) or logfmt's "ts=" says as much: {"ts":1715503800000,…},
// {"time":1531171074631} (pino), ts=1715503800 (session 31).
public static partial class TimeScanner
{
    private static readonly SearchValues<string> EpochWords = SearchValues.Create(["timestamp", "epoch", "unix time", "\"ts\"", "\"time\"", "ts="], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?:(?<!\p{L})(?i:unix\s(?:timestamp|time)|epoch(?:\s(?:time|seconds|ms))?|timestamp)(?:\s(?:(?i:of)\s)?|\s?[=:]\s?)|""(?i:ts|time|timestamp|epoch)""\s?:\s?|(?<![\p{L}_.])(?i:ts)=)(?<s>1[0-9]{9})(?<ms>[0-9]{3})?(?![0-9]|[.,][0-9])")]
    private static partial Regex EpochPattern();

    // Read before the clocks (as ISO 8601 is), so that nothing else reads the digits; an exact instant in UTC.
    private static void AddEpochStamps(string text, List<TimeExpression> results)
    {
        if (!text.AsSpan().ContainsAny(EpochWords))
        {
            return;
        }

        foreach (Match m in EpochPattern().Matches(text))
        {
            var seconds = long.Parse(m.Groups["s"].ValueSpan, CultureInfo.InvariantCulture);
            var utc = Instant.FromUnixTimeSeconds(seconds).InUtc().LocalDateTime;
            var digits = m.Groups["s"];
            var length = digits.Length + m.Groups["ms"].Length;
            results.Add(new TimeExpression
            {
                Index = digits.Index,
                Length = length,
                Raw = text.Substring(digits.Index, length),
                Date = utc.Date,
                Time = new LocalTime(utc.Hour, utc.Minute, utc.Second),
                ZoneText = "Z",
                IsoOffset = Offset.Zero,
            });
        }
    }
}
