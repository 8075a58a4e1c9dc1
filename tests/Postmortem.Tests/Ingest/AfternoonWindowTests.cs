using System.Buffers;
using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The afternoon windows a bare clock is read in (<c>ExtractionRun.AfternoonWindows</c>) are collected only from lines that hold a
/// meridiem without its closing word boundary (docs/benchmarks.md, twenty-second session): the same windows as the scan of every
/// line holding "pm" or "p.m", because a moment's text is a part of its line. Random lines of clocks, ranges, meridiems, "APM"
/// and words; and the line filter's search against the two case-blind <c>Contains</c> it stands for.
/// </summary>
public sealed class AfternoonWindowTests
{
    private static readonly string[] Tokens =
    [
        "4:23", "5:03", "4", "5", "12", "11:30", "16:00", "PM", "pm", "p.m.", "P.M", "am", "a.m.", "AM", "noon", "Noon", "midnight", "APM",
        "npm", "between", "and", "to", "from", "until", "-", "–", "—", " ", " ", " ", "\u00a0", "traces", "the", "deploy", "ET", "UTC",
        "(", ")", "pmx", "4pm", "5pm", "4:23pm", "5:03PM", "4 p", "m", ".", "ı", "ſ", "Kelvin\u212a", "٤", "mp", "p", "P", "M",
    ];

    private static string RandomLine(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(0, 16)).Select(_ => Tokens[random.Next(Tokens.Length)]));

    [Fact]
    public void The_windows_are_those_of_the_scan_of_every_pm_line()
    {
        var random = new Random(2206);
        for (var n = 0; n < 4_000; n++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 6)).Select(_ => RandomLine(random)).ToList();
            Assert.Equal(Reference(lines), ExtractionRunWindows(lines));
        }
    }

    [Fact]
    public void A_moment_s_text_is_a_part_of_its_line()
    {
        var random = new Random(22);
        for (var n = 0; n < 20_000; n++)
        {
            var line = RandomLine(random);
            if (TimeScanner.FindAll(line) is { Count: > 0 } times)
            {
                Assert.All(MomentSplitter.Split(line, times), m => Assert.Contains(m.Time.Raw, line, StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [InlineData("The outage ran between 4:23 PM and 5:03 PM for most users", 1)]
    [InlineData("Errors seen in the APM traces from 4:23 to 5:03 UTC", 0)]
    [InlineData("Paged at 4:23pm, resolved at 5:03pm", 0)]
    public void Lines_of_our_own(string line, int windows)
    {
        Assert.Equal(windows, ExtractionRunWindows([line]).Count);
        Assert.Equal(Reference([line]), ExtractionRunWindows([line]));
    }

    [Fact]
    public void The_searches_of_pm_and_ago_are_the_case_blind_contains()
    {
        var pm = SearchValues.Create(["pm", "p.m"], StringComparison.OrdinalIgnoreCase);
        var ago = SearchValues.Create(["ago"], StringComparison.OrdinalIgnoreCase);
        string[] pieces = ["p", "P", "m", "M", ".", "a", "A", "g", "G", "o", "O", "ı", "ſ", "\u212a", "İ", " ", "x"];
        var random = new Random(7);
        for (var n = 0; n < 50_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.Equal(text.Contains("pm", StringComparison.OrdinalIgnoreCase) || text.Contains("p.m", StringComparison.OrdinalIgnoreCase), text.AsSpan().ContainsAny(pm));
            Assert.Equal(text.Contains("ago", StringComparison.OrdinalIgnoreCase), text.AsSpan().ContainsAny(ago));
        }
    }

    private static List<(LocalTime From, LocalTime To)> ExtractionRunWindows(IReadOnlyList<string> lines) => ExtractionRun.AfternoonWindows(lines);

    // The twenty-first session's collection: every line holding "pm" or "p.m" scanned.
    private static List<(LocalTime From, LocalTime To)> Reference(IReadOnlyList<string> lines) =>
        lines.Where(l => l.Contains("pm", StringComparison.OrdinalIgnoreCase) || l.Contains("p.m", StringComparison.OrdinalIgnoreCase))
            .SelectMany(l => TimeScanner.FindAll(l) is { Count: > 0 } times ? MomentSplitter.Split(l, times).Select(m => m.Time) : Enumerable.Empty<TimeExpression>())
            .Where(x => x.EndTime is { } end && end > x.Time && x.Time.Hour >= 12 && NotesExtractor.Meridiem().IsMatch(x.Raw))
            .Select(x => (x.Time, x.EndTime!.Value)).ToList();
}
