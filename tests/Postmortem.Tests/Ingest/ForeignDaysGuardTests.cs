using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// <see cref="ForeignDays.Find"/> settles most sentences by the first three letters of their words before the case-blind search
/// of every mark (docs/benchmarks.md, twenty-first session): it must give what the search gives on any text. Random text of the
/// tables' words and pieces of them, in every case, prose that holds the marks inside its words ("join", "hierarchy", "same"),
/// and characters whose case maps leave ASCII or the basic plane ("ı", "ſ", "İ", the Kelvin sign, "𝐀").
/// </summary>
public sealed class ForeignDaysGuardTests
{
    private static readonly string[] Words =
    [
        "eilen", "wczoraj", "včera", "gestern", "ayer", "anoche", "ieri", "ontem", "tegnap", "igår", "χθες", "вчера", "어제", "lundi", "martes",
        "mercoledì", "środę", "čtvrtku", "πέμπτη", "sexta-feira", "субботу", "duminică", "tisdagsmorgonen", "Montagabend", "maandagavond",
        "tiistaina", "hétfőn", "szerdán", "lördag", "søndag", "월요일에", "Senin", "Minggu", "minggu", "(quarta)", "quarta", "(terça)",
        "i går", "går", "d'hier", "hier soir", "hier matin", "hier après-midi", "hier", "昨日", "昨晚", "昨（18）日", "昨", "joi", "Joi",
        "join", "joined", "hierarchy", "same", "samedi", "monitoring", "mitigation", "done", "vendor", "market", "merge", "segment",
        "domain", "performance", "per", "free", "lunch", "launch", "quality", "terminal", "the", "at", "kl", "on", "to",
    ];

    private static readonly string[] Tricky = [" ", "  ", "\t", "\u00a0", "ı", "ſ", "İ", "\u212a", "𝐀", "ł", "é", "-", "'", "(", ")", ".", ",", "7", ":", "\n"];

    private static string RandomText(Random random)
    {
        var tokens = Enumerable.Range(0, random.Next(0, 14)).Select(_ =>
        {
            if (random.Next(3) == 0)
            {
                return Tricky[random.Next(Tricky.Length)];
            }

            var w = Words[random.Next(Words.Length)];
            return random.Next(6) switch
            {
                0 => w.ToUpperInvariant(),
                1 => w[..(w.Length / 2)],
                2 => w[(w.Length / 2)..],
                3 => char.ToUpperInvariant(w[0]) + w[1..],
                _ => w,
            };
        });
        return string.Concat(tokens);
    }

    [Fact]
    public void The_guarded_reading_gives_what_the_search_gives_on_random_text()
    {
        var random = new Random(2112);
        for (var n = 0; n < 60_000; n++)
        {
            var text = RandomText(random);
            Assert.True(ForeignDays.Search(text) == ForeignDays.Find(text), $"'{text}': search {ForeignDays.Search(text)}, find {ForeignDays.Find(text)}");
        }
    }

    [Theory]
    [InlineData("Runt kl 20 på tisdagskvällen stannade allt", true)]
    [InlineData("Dalle 16.30 di ieri il servizio era giù", true)]
    [InlineData("Η βλάβη προκλήθηκε χθες", true)]
    [InlineData("We joined the bridge and the hierarchy of the same team was done", false)]
    public void Sentences_of_our_own_are_read_as_before(string sentence, bool names)
    {
        Assert.Equal(names, ForeignDays.Find(sentence) is not null);
        Assert.Equal(ForeignDays.Search(sentence), ForeignDays.Find(sentence));
    }
}
