using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// <see cref="ForeignMonths.Find"/> refuses a number by the character after it before reading it as a day (twenty-third session,
/// docs/benchmarks.md): it must find what the reading of every day-like number found, on random text of the tables' months,
/// their pieces, days with "." and "º", "de", years, Thai and clocks.
/// </summary>
public sealed class ForeignMonthsGuardTests
{
    // ForeignMonths.Find before the character after a day was tested ahead of reading it: every day-like number read.
    private static WrittenDate? ForeignMonthAsItWas(ReadOnlySpan<char> sentence)
    {
        var i = sentence.IndexOfAnyInRange('0', '9');
        while (i >= 0)
        {
            var start = i;
            while (i < sentence.Length && char.IsAsciiDigit(sentence[i]))
            {
                i++;
            }

            if (i - start <= 2 && (start == 0 || !char.IsLetterOrDigit(sentence[start - 1]) || (sentence[start - 1] is >= '\u0E00' and <= '\u0E7F'))
                && ForeignMonths.Read(sentence, start, i) is { } date)
            {
                return date;
            }

            var next = sentence[i..].IndexOfAnyInRange('0', '9');
            i = next < 0 ? -1 : i + next;
        }

        return null;
    }

    [Fact]
    public void A_foreign_month_is_found_as_before()
    {
        var tokens = GuardText.Pieces("14 novembre 2019", "novembre", "Mars", "mars", " de ", "enero", "de 2012", "24. Dezember", "12º ", "31 Mart", "กุมภาพันธ์", "ต.ค.",
            "6 กุมภาพันธ์ 2562", "(11 ต.ค.)", "3 maart", "2019", "14:05", "2.5", "31", "99", "0", "mei", "maj");
        var random = new Random(235);
        for (var n = 0; n < 30_000; n++)
        {
            var text = GuardText.Text(random, tokens);
            Assert.True(ForeignMonthAsItWas(text) == ForeignMonths.Find(text), $"'{text}'");
        }
    }
}
