using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The hand reading of a clock's am/pm (twenty-sixth session, docs/benchmarks.md) against the two patterns it stands for, on random
/// written times of digits, white space of every kind, meridiems in every case with and without dots and spaces, their pieces,
/// "noon" and "midnight" and their halves, word characters after them, and characters outside ASCII (which go to the patterns).
/// </summary>
public sealed class WrittenMeridiemTests
{
    private static readonly string[] Tokens =
    [
        "4", "11", "0", ":", "42", ".", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\u001f", "p", "P", "a", "A", "m", "M", "n", "N",
        "pm", "PM", "am", "AM", "a.m.", "p. m", "P.M", "p.", "APM", "npm", "noon", "NOON", "NoOn", "no", "on", "midnight", "MidNight",
        "mid", "night", "o", "EDT", "UTC", "h", "ish", "~", "(", ")", "_", "x", "z", "Z", "9", "K", "\u212A", "ı", "İ", "\u00A0",
        "\u0660", "é", "-", "–", "\u200D",
    ];

    [Fact]
    public void The_hand_reading_answers_as_the_patterns_do()
    {
        var random = new Random(2606);
        int says = 0, saysPm = 0;
        for (var n = 0; n < 100_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 9)).Select(_ => Tokens[random.Next(Tokens.Length)]));
            var expected = NotesExtractor.Meridiem().IsMatch(text);
            Assert.True(expected == WrittenMeridiem.Says(text), $"Says '{text}'");
            var expectedPm = ExtractionRun.WritesPm(text);
            Assert.True(expectedPm == WrittenMeridiem.SaysPm(text), $"SaysPm '{text}'");
            says += expected ? 1 : 0;
            saysPm += expectedPm ? 1 : 0;
        }

        Assert.True(says > 5_000 && saysPm > 1_000, $"{says} and {saysPm} texts matched");
    }

    [Theory]
    [InlineData("4:11 PM", true, true)]
    [InlineData("11:42pm", true, true)]
    [InlineData("9 a.m.", true, false)]
    [InlineData("3 p. m", false, true)]
    [InlineData("4pmEDT", false, true)]
    [InlineData("4pm_x", false, true)]
    [InlineData("at noon", true, false)]
    [InlineData("14:05", false, false)]
    [InlineData("7 am\u00A0ET", true, false)]
    public void Clocks_of_our_own(string text, bool says, bool saysPm)
    {
        Assert.Equal(says, WrittenMeridiem.Says(text));
        Assert.Equal(saysPm, WrittenMeridiem.SaysPm(text));
        Assert.Equal(says, NotesExtractor.Meridiem().IsMatch(text));
        Assert.Equal(saysPm, ExtractionRun.WritesPm(text));
    }
}
