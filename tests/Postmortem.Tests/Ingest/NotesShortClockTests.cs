using System.Text.RegularExpressions;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The common clock read by hand (TimeScanner.ShortClockLength, docs/benchmarks.md, twentieth session) finds what the clock
/// matcher finds wherever it answers, and the scan with it finds what a scan of the whole pattern finds.
/// </summary>
public sealed class NotesShortClockTests
{
    // The pattern the hand reading stands in for, run by the interpreter (no generated code shared with the scanner).
    private static readonly Regex WholeDigitClock = new(TimeScanner.ClockOfDigits, RegexOptions.None, TimeSpan.FromSeconds(5));

    private static readonly Regex AnchoredClock = new(@"\G" + TimeScanner.ClockOfDigits, RegexOptions.None, TimeSpan.FromSeconds(5));

    [Theory]
    [InlineData("- 14:05 Deploy went out", "14:05")]
    [InlineData("[09:41] @sam: paged", "09:41")]
    [InlineData("Alert fired at 14:07 ET. Then", "14:07 ET")]
    [InlineData("| 14:05 | Rolled back | Slack |", "14:05")]
    [InlineData("14:05–14:10 UTC Checkout stable", "14:05–14:10 UTC")]
    [InlineData("2023 November 4 9:30:15 UTC)", "9:30:15 UTC)")]
    [InlineData("at 7:05 and again", "7:05")]
    [InlineData("14:05Z", "14:05Z")]
    [InlineData("by 9:15 PST, then", "9:15 PST")]
    [InlineData("at 9:15 a bit later", "9:15")]
    public void The_common_clock_is_read_by_hand_as_the_pattern_reads_it(string text, string clock)
    {
        var start = text.IndexOf(clock, StringComparison.Ordinal);
        var end = start + clock.TakeWhile(char.IsAsciiDigit).Count();
        Assert.Equal(clock.Length, TimeScanner.ShortClockLength(text, start, end));
        Assert.Equal(clock, AnchoredClock.Match(text, start).Value);
    }

    [Theory]
    [InlineData("14:05 pm")]
    [InlineData("14:05 a.m.")]
    [InlineData("14:05 AM")]
    [InlineData("14:05 to 15:00")]
    [InlineData("14:05 Uhr")]
    [InlineData("14:05-ish")]
    [InlineData("14:05 UTC+2")]
    [InlineData("14:05 (UTC)")]
    [InlineData("14:05 US/Pacific")]
    [InlineData("14:05 local time")]
    [InlineData("14:05:59.5")]
    [InlineData("14:05  UTC")]
    [InlineData("14:05\u00a0UTC")]
    [InlineData("14:05 UTCé")]
    [InlineData("14:0٥")]
    [InlineData("14:05-15:00 pm")]
    [InlineData("14:05 - 9")]
    public void The_hand_reading_leaves_what_it_cannot_show_to_the_matcher(string text) =>
        Assert.Equal(-1, TimeScanner.ShortClockLength(text, 0, 2));

    [Fact]
    public void Random_clock_text_is_read_by_hand_as_the_matcher_reads_it()
    {
        string[] tokens =
        [
            "14:05", "14:05", "9:30", "23:59:59", "0:00:0", "12:34", "1", "9", "14", "23", "123", ":", ":", "05", "59", "5", ".", ",", " ", " ", "  ", "\t", "\n", "\u00a0", "-", "–", "—", " - ", "+2",
            "a", "A", "p", "P", "m", "am", "pm", "h", "i", "ish", "-ish", "UTC", "GMT", "UT", "Z", "ET", "EST", "CEST", "PST", "AKST", "UK",
            " time", "US/Pacific", "Eastern", "LT", "local", "Uhr", "to", "bis", "until", "(", ")", "|", "]", "[", "_", "T", "x", "é", "٥",
            "Deploy", "Senior", "Checkout", "On-call", "Zendesk", "Rolled", "Customer", "2023", "0645", " Monday", " tues", "Thur", " morning",
            " November", "10/9", "\u2028", "\x1c",
        ];
        var random = new Random(37);
        var answered = 0;
        for (var n = 0; n < 40_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => tokens[random.Next(tokens.Length)]));
            answered += CompareAtEveryStart(text);
            Assert.Equal(WholeDigitClock.Matches(text).Select(m => (m.Index, m.Length)).ToList(), DigitClocks(text));
        }

        Assert.True(answered > 2_000, $"the hand reading answered {answered} times");
    }

    [Fact]
    public void Lines_of_notes_are_read_by_hand_as_the_matcher_reads_them()
    {
        // Lines of the forms notes are written in (ours), with random clocks, zones and words after them.
        string[] after = ["", " ", ".", " UTC", " ET", " ET.", " CET)", "Z", " Deploy went out", "] @sam: looking", " | Slack |", " pm", " PT", " to 15:00", "\n"];
        string[] before = ["", "- ", "[", "at ", "| ", "### 2023 November 4 ", "Nov 4, ", "2023-11-04T", "x", "(", "~"];
        var random = new Random(41);
        for (var n = 0; n < 20_000; n++)
        {
            var clock = $"{random.Next(0, 30)}:{random.Next(0, 70):00}" + (random.Next(4) == 0 ? $":{random.Next(0, 61):00}" : string.Empty);
            var range = random.Next(4) == 0 ? (random.Next(2) == 0 ? "–" : " - ") + $"{random.Next(0, 24):00}:{random.Next(0, 60):00}" : string.Empty;
            var text = before[random.Next(before.Length)] + clock + range + after[random.Next(after.Length)] + after[random.Next(after.Length)];
            CompareAtEveryStart(text);
            Assert.Equal(WholeDigitClock.Matches(text).Select(m => (m.Index, m.Length)).ToList(), DigitClocks(text));
        }
    }

    // At every run of digits where a clock may start, the hand reading either declines or finds the matcher's match; the
    // number of times it answered.
    private static int CompareAtEveryStart(string text)
    {
        var answered = 0;
        for (var start = 0; start < text.Length; start++)
        {
            if (!char.IsDigit(text[start]) || (start > 0 && char.IsDigit(text[start - 1])))
            {
                continue;
            }

            var end = start;
            while (end < text.Length && char.IsDigit(text[end]))
            {
                end++;
            }

            if (!TimeScanner.ClockMayStartAt(text, start, end) || TimeScanner.ShortClockLength(text, start, end) is not (var length and >= 0))
            {
                continue;
            }

            var m = AnchoredClock.Match(text, start);
            Assert.True(m.Success, $"no clock at {start} of \"{text}\"");
            Assert.Equal((start, m.Length), (start, length));
            answered++;
        }

        return answered;
    }

    private static List<(int Index, int Length)> DigitClocks(string text)
    {
        var found = new List<(int Index, int Length)>();
        for (var (index, length) = TimeScanner.NextClock(text, 0); index >= 0; (index, length) = TimeScanner.NextClock(text, index + length))
        {
            found.Add((index, length));
        }

        return found;
    }
}
