using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// A sentence's body (the sentence after its bullet) takes its date hint from the sentence's since the twenty-fourth session
/// (docs/benchmarks.md): a part of a text without a hint has none. Checked on random texts and every part that ends the text, as a
/// body does: the month and weekday words and their halves, slashes, ISO dates and their pieces, "ı", "İ", "ſ", the Kelvin sign.
/// </summary>
public sealed class DateHintPartsTests
{
    [Fact]
    public void A_part_of_a_text_without_a_date_hint_has_none()
    {
        var tokens = GuardText.Pieces([.. ExtractionRun.DateHintWordSets.SelectMany(w => w)])
            .Concat(["/", "2013-04-22", "2013-04-2", "013-04-22", "-04-22", "- ", "*", "• ", "1. "]).ToArray();
        var random = new Random(2407);
        for (var n = 0; n < 20_000; n++)
        {
            var text = GuardText.Text(random, tokens);
            if (ExtractionRun.HasDateHint(text))
            {
                continue;
            }

            for (var start = 1; start < text.Length; start++)
            {
                Assert.False(ExtractionRun.HasDateHint(text.AsSpan(start)), $"'{text}' from {start}");
            }
        }
    }

    [Theory]
    [InlineData("- deploy went out at 14:05", false)]
    [InlineData("* On March 5 the fix went out at 09:00", true)]
    [InlineData("1. euIRC network incident 2013-04-22", true)]
    public void Sentences_of_our_own(string sentence, bool hint)
    {
        Assert.Equal(hint, ExtractionRun.HasDateHint(sentence));
        Assert.Equal(hint, ExtractionRun.HasDateHint(sentence.AsSpan(2)));
    }
}
