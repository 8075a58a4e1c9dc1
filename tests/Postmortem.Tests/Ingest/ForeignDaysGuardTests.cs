using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// <see cref="ForeignDays.Find"/> settles most sentences by the first three letters of their words before the case-blind search
/// of every mark (docs/benchmarks.md, twenty-first session): it must give what the search gives on any text. Random text of the
/// tables' words and pieces of them, in every case, prose that holds the marks inside its words ("join", "hierarchy", "same"),
/// and characters whose case maps leave ASCII or the basic plane ("ı", "ſ", "İ", the Kelvin sign, "𝐀"). Since the twenty-second
/// session a word is compared only with the words and stems that begin with its first three letters, and ASCII letters are told
/// inline: <see cref="Reference"/> is the reading as it was before (each table looked up, every stem compared, char.IsLetter).
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
        "Dienstagabend", "dinsdag", "Kamis", "sexta", "permission", "torstaina", "sonntags", "kedden", "Szombat", "mandate", "minggu-minggu",
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

    [Fact]
    public void The_reading_by_first_letters_gives_what_the_reading_of_every_table_gave()
    {
        var random = new Random(2206);
        for (var n = 0; n < 60_000; n++)
        {
            var text = RandomText(random);
            Assert.True(Reference(text) == ForeignDays.Find(text), $"'{text}': before {Reference(text)}, now {ForeignDays.Find(text)}");
            Assert.True(Reference(text) == ForeignDays.Search(text), $"'{text}': before {Reference(text)}, search {ForeignDays.Search(text)}");
        }
    }

    [Theory]
    [InlineData("Der Ausfall begann am Dienstagabend gegen 21 Uhr", 2)]
    [InlineData("We performed the mitigation on the domain, then merged and monitored it", null)]
    [InlineData("O serviço voltou (sexta) às 10h", 5)]
    [InlineData("Kamis pagi layanan kembali normal", 4)]
    [InlineData("kamis pagi layanan kembali normal", null)]
    public void Words_of_our_own_are_read_by_their_first_letters(string sentence, int? day)
    {
        Assert.Equal(day, ForeignDays.Find(sentence) is { } found ? (found.Weekday is { } weekday ? (int)weekday : 0) : null);
        Assert.Equal(Reference(sentence), ForeignDays.Find(sentence));
    }

    // The twenty-first session's reading (ForeignDays.Search as it was): every table looked up for each word, every stem compared.
    private static (IsoDayOfWeek? Weekday, int DaysBack)? Reference(string sentence)
    {
        if (!sentence.AsSpan().ContainsAny(ForeignDays.Marks))
        {
            return null;
        }

        var yesterday = sentence.IndexOf('昨', StringComparison.Ordinal);
        if (yesterday >= 0 && yesterday + 1 < sentence.Length && sentence[yesterday + 1] is '日' or '天' or '晚' or '夜' or '（' or '(')
        {
            return (null, 1);
        }

        var i = 0;
        while (i < sentence.Length)
        {
            while (i < sentence.Length && !char.IsLetter(sentence[i]))
            {
                i++;
            }

            var start = i;
            while (i < sentence.Length && (char.IsLetter(sentence[i]) || (sentence[i] == '-' && i + 1 < sentence.Length && char.IsLetter(sentence[i + 1]))))
            {
                i++;
            }

            if (start < sentence.Length && i - start is >= 3 and <= 32 && ReferenceDay(sentence, start, i) is { } day)
            {
                return day == 0 ? (null, 1) : ((IsoDayOfWeek)day, 0);
            }
        }

        return null;
    }

    private static int? ReferenceDay(string text, int start, int end)
    {
        var word = text[start..end];
        var key = word.ToLowerInvariant();
        if (ForeignDays.Words.TryGetValue(key, out var day) || ForeignDays.Capitalised.TryGetValue(word, out day)
            || (start > 0 && text[start - 1] == '(' && end < text.Length && text[end] == ')' && ForeignDays.Bracketed.TryGetValue(key, out day)))
        {
            return day;
        }

        if ((key == "går" && start >= 2 && text[start - 1] == ' ' && char.ToLowerInvariant(text[start - 2]) == 'i' && (start == 2 || !char.IsLetter(text[start - 3])))
            || (key == "hier" && ((start >= 2 && text[start - 1] is '\'' or '’' && char.ToLowerInvariant(text[start - 2]) == 'd')
                || text[end..].StartsWith(" soir", StringComparison.OrdinalIgnoreCase) || text[end..].StartsWith(" matin", StringComparison.OrdinalIgnoreCase)
                || text[end..].StartsWith(" après-midi", StringComparison.OrdinalIgnoreCase))))
        {
            return 0;
        }

        return ForeignDays.Stems.FirstOrDefault(s => key.StartsWith(s.Stem, StringComparison.Ordinal)) is { Stem: not null } stem ? stem.Day : null;
    }
}
