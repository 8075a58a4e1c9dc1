using static Postmortem.Ingest.Notes.TimeScanner;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The marks around a text's digits (TimeScanner.DigitMarks.cs, twenty-eighth session: one walk over the digits instead of a search
/// of the whole text for each pass's letter or mark) answer as the cheap tests they stand for, as FindAll reads them, on random text
/// of digits, the marks and letters those tests look at, in both cases, at the text's edges and among tricky characters.
/// </summary>
public sealed class NotesDigitMarksTests
{
    private static readonly string[] Tokens =
    [
        "0", "1", "5", "12", "800", "1130", "0500", "2023", ".", "..", ",", "'", "’", "h", "h ", " h ", "g", "a", "p", "A", "P", "m", "M",
        "am", "pm", "a.m.", "p. m", "+", "-", "–", " ", "  ", "ha", "h1", "é", "giờ", "ngày", "ờ", "à", "น.", "saat ", "SAAT ", " to ",
        " and ", "x", "Z", "\t",
    ];

    [Fact]
    public void Each_mark_answers_as_its_test()
    {
        var random = new Random(2028);
        for (var n = 0; n < 200_000; n++)
        {
            var text = GuardText.Text(random, Tokens, 16);
            if (text.Length == 0)
            {
                continue; // FindAll asks nothing of an empty text (no digit, no word), and the tests' IndexOf from 1 throws on it.
            }

            var marks = MarksOf(text);
            Assert.True(((marks & DigitMarks.Digit) != 0) == text.Any(char.IsAsciiDigit), $"digit '{text}'");
            Assert.True(((marks & DigitMarks.DottedPair) != 0) == HasDottedPair(text), $"dotted '{text}'");
            Assert.True(((marks & DigitMarks.OneLetter) != 0) == MayHaveOneLetterClock(text), $"one letter '{text}'");
            Assert.True(((marks & DigitMarks.Compact) != 0) == MayHoldCompactClock(text), $"compact '{text}'");
            Assert.True(((marks & DigitMarks.MailOffset) != 0) == MayHoldMailDate(text), $"mail '{text}'");
            Assert.True(((marks & DigitMarks.BareHour) != 0) == MayHoldFrenchBareHour(text), $"bare hour '{text}'");
            Assert.True(((marks & DigitMarks.SpacedHours) != 0) == HasSpacedHours(text), $"spaced '{text}'");
            Assert.True(((marks & DigitMarks.Meridiem) != 0 && HasSpanJoin(text)) == MayHoldSharedMeridiem(text), $"meridiem '{text}'");
            var ascii = System.Text.Ascii.IsValid(text);
            Assert.True(((marks & DigitMarks.DigitG) != 0 || (!ascii && HasVietnameseWord(text))) == MayHoldVietnameseClock(text), $"vietnamese '{text}'");
            Assert.True(
                (((marks & DigitMarks.Suffix) != 0 && SuffixLoopRuns(text)) || (!ascii && text.Contains("น.", StringComparison.Ordinal))
                    || text.Contains("saat ", StringComparison.OrdinalIgnoreCase)) == MayHoldSuffixedClock(text),
                $"suffixed '{text}'");
        }
    }

    [Fact]
    public void Long_runs_are_walked_in_linear_time()
    {
        foreach (var run in new[] { new string('1', 100_000), "1a" + new string(' ', 100_000), string.Concat(Enumerable.Repeat("1 a.", 25_000)), string.Concat(Enumerable.Repeat("12h ", 25_000)) })
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            _ = MarksOf(run);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{run.Length} characters took {watch.Elapsed}");
        }
    }
}
