using System.Reflection;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The line tests of the time scanner, made cheaper in the twenty-third session (docs/benchmarks.md), answer as they did, on
/// random text: the shared meridiem's joining words (one case-blind search instead of four), the Vietnamese words behind a search
/// for "ờ" and "à", Turkish "saat " by one search. Tokens meet the words' edges; "ı", "ſ", "İ", the Kelvin sign, no-break spaces
/// and other dashes are among them.
/// </summary>
public sealed class NotesLineGuardsTests
{
    private static bool Private(string name, string text) =>
        (bool)typeof(TimeScanner).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, [text])!;

    // TimeScanner.MayHoldSharedMeridiem before its one search of the joining words.
    private static bool SharedMeridiemAsItWas(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAny('-', '–') < 0 && !span.Contains(" to ", StringComparison.OrdinalIgnoreCase) && !span.Contains(" and ", StringComparison.OrdinalIgnoreCase)
            && !span.Contains(" until ", StringComparison.OrdinalIgnoreCase) && !span.Contains(" till ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var i = span.IndexOfAny('m', 'M'); i >= 0; i = span[(i + 1)..].IndexOfAny('m', 'M') is var next and >= 0 ? i + 1 + next : -1)
        {
            if (i < 2)
            {
                continue;
            }

            var a = i - 1;
            while (a > 0 && span[a] is '.' or ' ')
            {
                a--;
            }

            if (char.ToLowerInvariant(span[a]) is 'a' or 'p' && a > 0 && (char.IsAsciiDigit(span[a - 1]) || (span[a - 1] == ' ' && a > 1 && char.IsAsciiDigit(span[a - 2]))))
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void The_shared_meridiem_test_answers_as_before()
    {
        var tokens = GuardText.Pieces(" to ", " and ", " until ", " till ", "from 5", "between 9", "7 a.m.", "11 pm", "1 p. m", "am", "pm");
        var random = new Random(232);
        for (var n = 0; n < 30_000; n++)
        {
            var text = GuardText.Text(random, tokens);
            Assert.True(SharedMeridiemAsItWas(text) == Private("MayHoldSharedMeridiem", text), $"'{text}'");
        }
    }

    // TimeScanner.MayHoldVietnameseClock before its search for "ờ" and "à".
    private static bool VietnameseAsItWas(string text)
    {
        if (text.Contains("giờ", StringComparison.OrdinalIgnoreCase) || text.Contains("ngày", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        for (var i = text.IndexOf('g', 1); i > 0 && i + 1 < text.Length; i = text.IndexOf('g', i + 1))
        {
            if (char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void The_vietnamese_test_answers_as_before()
    {
        var tokens = GuardText.Pieces("giờ", "ngày", "GIỜ", "Ngày", "gio", "ngay", "ờ", "Ờ", "à", "À", "ơ", "gi", "g", "16g45", "lúc 5 giờ 41", "ngà", "ày");
        var random = new Random(233);
        for (var n = 0; n < 30_000; n++)
        {
            var text = GuardText.Text(random, tokens);
            if (text.Length == 0)
            {
                continue; // Both throw on empty text (IndexOf from 1); the scanner never passes one (FindAll returns first).
            }

            Assert.True(VietnameseAsItWas(text) == Private("MayHoldVietnameseClock", text), $"'{text}'");
        }
    }

    // TimeScanner.MayHoldSuffixedClock before "saat " was one search.
    private static bool SuffixedAsItWas(string text)
    {
        var span = text.AsSpan();
        for (var i = span.IndexOfAny('\'', '’', ','); i > 0 && i + 1 < span.Length; i = span[(i + 1)..].IndexOfAny('\'', '’', ',') is var next and >= 0 ? i + 1 + next : -1)
        {
            if (char.IsAsciiDigit(span[i - 1]) && (span[i] != ',' || char.IsAsciiDigit(span[i + 1])))
            {
                return true;
            }
        }

        return span.Contains("น.", StringComparison.Ordinal) || span.Contains("saat ", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_suffixed_clock_test_answers_as_before()
    {
        var tokens = GuardText.Pieces("saat ", "SAAT", "Saat", "sAat ", "ſaat ", "saa", "at ", "น.", "น", "16.30'da", "13,30", "sat");
        var random = new Random(234);
        for (var n = 0; n < 30_000; n++)
        {
            var text = GuardText.Text(random, tokens);
            Assert.True(SuffixedAsItWas(text) == Private("MayHoldSuffixedClock", text), $"'{text}'");
        }
    }

    [Fact]
    public void The_evening_word_test_answers_as_the_three_searches()
    {
        var tokens = GuardText.Pieces("evening", "tonight", "afternoon", "Evening", "TONIGHT", "this afternoon", "eve", "night", "noon", "ToNıght", "evenİng");
        var random = new Random(236);
        for (var n = 0; n < 30_000; n++)
        {
            var text = GuardText.Text(random, tokens);
            var three = text.Contains("evening", StringComparison.OrdinalIgnoreCase) || text.Contains("tonight", StringComparison.OrdinalIgnoreCase)
                || text.Contains("afternoon", StringComparison.OrdinalIgnoreCase);
            Assert.True(three == Private("MayHoldEveningWord", text), $"'{text}'");
        }
    }
}
