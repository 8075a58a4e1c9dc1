using System.Globalization;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The number of a relative lead-in ("Three minutes later", "twenty-five minutes after") read without strings (twenty-sixth
/// session, docs/benchmarks.md) against <see cref="Reference"/>, the reading by strings it replaced, on random texts of digits,
/// number words in every case, hyphens, white space of every kind, "a"/"an" and characters whose case maps leave ASCII.
/// </summary>
public sealed class RelativeTimeNumberTests
{
    private static readonly string[] Units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] Tokens =
    [
        "one", "Two", "THREE", "twenty", "Forty", "ninety", "nineteen", "zero", "ten", "a", "an", "An", "A", "half", "1", "12", "007",
        "-", "--", " ", "  ", "\t", "\u00A0", "\n", "İ", "ı", "K", "\u212A", "+", "٣", "x", "s", "ty", "TEN",
    ];

    [Fact]
    public void The_reading_without_strings_gives_what_the_reading_by_strings_gave()
    {
        var random = new Random(2607);
        var read = 0;
        for (var n = 0; n < 60_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 6)).Select(_ => Tokens[random.Next(Tokens.Length)]));
            var expected = Reference(text);
            Assert.True(expected == RelativeTime.ParseNumber(text), $"'{text}': before {expected}, now {RelativeTime.ParseNumber(text)}");
            read += expected is null ? 0 : 1;
        }

        Assert.True(read > 5_000, $"only {read} texts read as a number");
    }

    [Theory]
    [InlineData("Three", 3)]
    [InlineData("twenty-five", 25)]
    [InlineData("an", 1)]
    [InlineData(" 40 ", 40)]
    [InlineData("forty two", 42)]
    [InlineData("lots", null)]
    public void Numbers_of_our_own(string text, int? expected)
    {
        Assert.Equal((double?)expected, RelativeTime.ParseNumber(text));
        Assert.Equal((double?)expected, Reference(text));
    }

    // RelativeTime.ParseNumber as it was before the twenty-sixth session.
    private static double? Reference(ReadOnlySpan<char> text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        var word = text.Trim().ToString().ToLowerInvariant().Replace('-', ' ');
        if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out n))
        {
            return n;
        }

        if (word is "a" or "an")
        {
            return 1;
        }

        var total = 0;
        foreach (var part in word.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var unit = Array.IndexOf(Units, part);
            var ten = Array.IndexOf(Tens, part);
            if (unit >= 0)
            {
                total += unit;
            }
            else if (ten >= 2)
            {
                total += ten * 10;
            }
            else
            {
                return null;
            }
        }

        return total;
    }
}
