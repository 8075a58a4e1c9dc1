using System.Buffers;
using System.Reflection;
using System.Text.RegularExpressions;
using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// A relative lead-in ("Two minutes later, …") read by hand in ASCII text (twenty-seventh session, docs/benchmarks.md) against the
/// reading by the pattern it stands for, on random sentences of lead words, numbers in digits and words, units, "later",
/// "afterwards" and "after that" in every case, white space of every kind, word characters after them, and characters outside
/// ASCII (which go to the pattern). Also the afternoon windows' test for "pm" or "p.m" against the case-blind search it replaced.
/// </summary>
public sealed class RelativeTimeLeadInTests
{
    private static readonly Regex Pattern = (Regex)typeof(RelativeTime).GetMethod("Pattern", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, null)!;

    private static readonly SearchValues<string> LeadEnds = SearchValues.Create(["later", "after"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> PmMarks = SearchValues.Create(["pm", "p.m"], StringComparison.OrdinalIgnoreCase);

    private static readonly string[] Tokens =
    [
        " ", "  ", "\t", "\n", "\r", "\v", "\f", "\u00A0", "\u2009", "~", ",", ":", ".", "-", "_", "x", "s", "1", "12", "123", "1234", "٣",
        "about", "Around", "ROUGHLY", "some", "approximately", "abouts", "half", "Half", "a", "an", "AN", "A", "ann", "one", "Two", "three",
        "nine", "ten", "eleven", "Nineteen", "zero", "twenty", "Thirty", "forty", "ninety", "sixty", "twenty-one", "forty-Five", "twenty-",
        "-one", "sixteen", "six", "seconds", "second", "secs", "sec", "Minutes", "minute", "mins", "MIN", "hours", "hour", "hrs", "hr",
        "hrss", "minutess", "later", "LATER", "laters", "later_", "later1", "afterwards", "afterwardsx", "after", "that", "thatx", "After",
        "That", "so", "then", "İ", "ı", "K", "\u212A", "ſ", "P", "p", "M", "m", "pm", "PM", "p.m", "P.M", "p.", "ｐ", "ｍ",
    ];

    private static readonly string[] Leads = ["", "", "", "~", "about ", "Around  ", "some\t", "approximately ", "roughly "];

    private static readonly string[] Numbers =
    [
        "1", "12", "123", "a", "an", "An", "half an", "half  a", "HALF A", "one", "seven", "Nineteen", "twenty", "twenty one", "twenty-one",
        "Forty-Two", "ninety\tnine", "sixty  one", "sixteen", "zero", "0", "000",
    ];

    private static readonly string[] Units = ["seconds", "second", "secs", "sec", "Minutes", "minute", "mins", "MIN", "hours", "hour", "hrs", "hr"];

    private static readonly string[] Spaces = [" ", " ", " ", "  ", "\t", "\n", " \r\n "];

    private static readonly string[] Ends = ["later", "LATER", "afterwards", "after that", "After\tThat", "after  that", "later,", "later:", "later.", "laters", "afterwards_"];

    private static readonly string[] Tails = ["", " ", ", the team", ": paged", "  rolled back", "\u00A0x", "x"];

    [Fact]
    public void The_hand_reading_gives_what_the_pattern_gave()
    {
        var random = new Random(2711);
        string Any(string[] choices) => random.Next(8) == 0 ? Tokens[random.Next(Tokens.Length)] : choices[random.Next(choices.Length)];
        var read = 0;
        for (var n = 0; n < 200_000; n++)
        {
            var text = n % 2 == 0
                ? string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => Tokens[random.Next(Tokens.Length)]))
                : Any(["", "", " ", "\t"]) + Any(Leads) + Any(Numbers) + Any(Spaces) + Any(Units) + Any(Spaces) + Any(Ends) + Any(Tails);
            var expected = Reference(text);
            var actual = RelativeTime.Read(text);
            Assert.True(Equals(expected, actual), $"'{text}': pattern {expected}, by hand {actual}");
            read += expected is null ? 0 : 1;
            Assert.True(text.AsSpan().ContainsAny(PmMarks) == ExtractionRun.HasPmMark(text), $"pm in '{text}'");
        }

        Assert.True(read > 10_000, $"only {read} texts read as a lead-in");
    }

    [Theory]
    [InlineData("Two minutes later, the team rolled back", 120, "Two minutes later")]
    [InlineData("  about 20 mins afterwards: paged", 1200, "about 20 mins afterwards:")]
    [InlineData("Half an hour after that we called it", 1800, "Half an hour after that")]
    [InlineData("twenty-one seconds later", 21, "twenty-one seconds later")]
    [InlineData("forty two hrs later", 151200, "forty two hrs later")]
    [InlineData("1234 minutes later", null, null)]
    [InlineData("Two minutes latest", null, null)]
    [InlineData("~5 min later", 300, "~5 min later")]
    public void Lead_ins_of_our_own(string text, int? seconds, string? raw)
    {
        var read = RelativeTime.Read(text);
        Assert.Equal(Reference(text), read);
        Assert.Equal(seconds, read is { } r ? (int)r.Offset.TotalSeconds : null);
        Assert.Equal(raw, read?.Raw);
    }

    [Theory]
    [InlineData("APM traces", true)]
    [InlineData("4 P.M.", true)]
    [InlineData("p. m", false)]
    [InlineData("14:05 paged", false)]
    public void Pm_marks_of_our_own(string line, bool expected)
    {
        Assert.Equal(expected, ExtractionRun.HasPmMark(line));
        Assert.Equal(expected, line.AsSpan().ContainsAny(PmMarks));
    }

    // RelativeTime.Read as it was before the twenty-seventh session: the pattern's match for every sentence.
    private static (Duration Offset, int Length, string Raw)? Reference(string sentence)
    {
        if (!sentence.AsSpan().ContainsAny(LeadEnds) || Pattern.Match(sentence) is not { Success: true } m)
        {
            return null;
        }

        var amount = m.Groups["half"].Success ? 0.5 : RelativeTime.ParseNumber(m.Groups["n"].ValueSpan);
        if (amount is null or <= 0)
        {
            return null;
        }

        var unit = char.ToLowerInvariant(m.Groups["u"].ValueSpan[0]);
        var seconds = unit == 's' ? amount.Value : unit == 'm' ? amount.Value * 60 : amount.Value * 3600;
        return (Duration.FromSeconds(seconds), m.Length, m.Value.Trim().TrimEnd(','));
    }
}
