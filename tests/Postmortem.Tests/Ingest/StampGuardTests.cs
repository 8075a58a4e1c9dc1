using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// A line's stamp and its "time only" test, made cheaper in the twenty-fourth session (docs/benchmarks.md): the line is trimmed as a
/// span and refused before a string is made of it. They answer as they did, on random lines: white space of every kind, bold and
/// italic marks at the ends, a page's "(11 months ago)", clocks, month and weekday words, prose.
/// </summary>
public sealed class StampGuardTests
{
    private static readonly Type Run = typeof(NotesExtractor).Assembly.GetType("Postmortem.Ingest.Notes.ExtractionRun")!;

    private static T Private<T>(string name, string line) =>
        (T)Run.GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static, [typeof(string)])!.Invoke(null, [line])!;

    private static readonly Regex RelativeAgeAsItWas = new(
        @"\s*(?:[(\[]\s*|[·•|-]\s*)?(?:about |around |almost |over |nearly )?(?:\d{1,3}|an?|one) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago\s*[)\]]?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static string UnemphasisedAsItWas(string line) => line.Trim().Trim(['*', '_']).Trim();

    private static string StampAsItWas(string line) => UnemphasisedAsItWas(line) is var text && text.Contains("ago", StringComparison.OrdinalIgnoreCase)
        ? RelativeAgeAsItWas.Replace(text, string.Empty) : text;

    // ExtractionRun.IsTimeOnly before its refusal on the line's span.
    private static bool IsTimeOnlyAsItWas(string line)
    {
        var text = StampAsItWas(line);
        if (text.Length == 0 || text.Length > 120 || !char.IsAsciiLetterOrDigit(text[0]) || !TimeScanner.MightStartWithTime(text) || HasProseWord(text))
        {
            return false;
        }

        var times = TimeScanner.FindAll(text);
        if (times.Count == 0 || MomentSplitter.Split(text, times).Count != 1)
        {
            return false;
        }

        var rest = new StringBuilder(text);
        for (var i = times.Count - 1; i >= 0; i--)
        {
            rest.Remove(times[i].Index, times[i].Length);
        }

        return NotesExtractor.Tidy(rest.ToString().Replace("/", " ", StringComparison.Ordinal).Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal)).Length == 0;

        static bool HasProseWord(string text)
        {
            var run = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && char.IsLetter(text[i]))
                {
                    run++;
                    continue;
                }

                if (run >= 5 && !TimeScanner.MightStartWithTime(text.AsSpan(i - run, run)))
                {
                    return true;
                }

                run = 0;
            }

            return false;
        }
    }

    private static readonly string[] Tokens =
    [
        "*", "**", "_", "__", " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\u200b", "\u0085", "12:39 PM PDT", "14:05", "9:14", "2018 October 21 22:52 UTC",
        "Sep 23, 2024 17:55 UTC+0", "(11 months ago)", " · about 2 hours ago", "[3 days ago]", " an hours ago", "Mayan", "ago", "AGO", "Monday",
        "around", "noon", "deploy", "went out", "Posted", " / ", "3:28am EDT", "(", ")", "-", "–", "ı", "İ", "ſ", "\u212a", "x", "2",
    ];

    [Fact]
    public void The_stamp_and_the_time_only_test_answer_as_before()
    {
        var random = new Random(2406);
        for (var n = 0; n < 20_000; n++)
        {
            var line = string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => Tokens[random.Next(Tokens.Length)]));
            Assert.True(UnemphasisedAsItWas(line) == Private<string>("Unemphasised", line), $"'{line}'");
            Assert.True(StampAsItWas(line) == Private<string>("Stamp", line), $"'{line}'");
            Assert.True(IsTimeOnlyAsItWas(line) == Private<bool>("IsTimeOnly", line), $"'{line}'");
        }
    }

    [Theory]
    [InlineData("**12:39 PM PDT**", true)]
    [InlineData("  Sep 23, 2024 17:55 UTC+0 (11 months ago)  ", true)]
    [InlineData("- deploy went out at 14:05", false)]
    [InlineData("Mayan an hours ago", false)]
    public void Lines_of_our_own(string line, bool timeOnly)
    {
        Assert.Equal(timeOnly, Private<bool>("IsTimeOnly", line));
        Assert.Equal(IsTimeOnlyAsItWas(line), Private<bool>("IsTimeOnly", line));
    }
}
