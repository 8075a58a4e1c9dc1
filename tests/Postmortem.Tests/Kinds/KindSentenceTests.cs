using Postmortem.Corpus;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Kinds;

/// <summary>
/// The kind lexicon on sentences nobody tuned the corpus on (Kinds/README.md): timed moments of public write-ups from
/// organisations outside the corpus, read as timed notes lines. Each split's micro F1 over the kinds the key timestamps
/// need must stay above a floor a little under the figures in docs/accuracy.md ("Kind sentences").
/// </summary>
public sealed class KindSentenceTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<KindSentences.Item> Items =
        KindSentences.Load(Repo.PathOf("tests", "Postmortem.Tests", "Kinds", "kind-sentences.tsv"));

    public static TheoryData<string, double> Floors => new()
    {
        // Fourteenth session: before any lexicon change dev 0.664, heldout 0.641; after the dev forms dev 0.810, heldout 0.675.
        // Fifteenth session (word classes and clause readings, tuned on dev and heldout): dev 0.833, heldout 0.827; the blind
        // heldout2 0.609 at its first read, 0.629 at its second and last (docs/accuracy.md, s15-lexicon).
        // Sixteenth session (word classes of stopping the bleeding, recovery, impact start and telling; whose action; tuned on
        // dev, heldout, heldout2 and train): dev 0.864, heldout 0.880, heldout2 0.794; the blind heldout3 0.716 at its first
        // read, 0.738 at its second and last (docs/accuracy.md, s16-lexicon).
        { "dev", 0.85 },
        { "heldout", 0.87 },
        { "heldout2", 0.78 },
        // Twenty-sixth session (held-up work worked off, "once" told in the past, availability to users again, normal work
        // restored, no access, stopped from working; tuned on dev, heldout, heldout2, heldout3 and train): the blind heldout4
        // 0.630 at its first read (docs/accuracy.md, s26-kinds).
        { "heldout3", 0.78 },
        { "heldout4", 0.62 },
    };

    [Theory]
    [MemberData(nameof(Floors))]
    public void Each_split_keeps_its_key_kind_F1_above_its_floor(string split, double floor)
    {
        var scored = Items.Where(i => i.Split == split).Select(KindSentences.Score).ToList();
        Assert.NotEmpty(scored);
        output.WriteLine(KindSentences.Report(split, scored, details: false));
        var f1 = KindSentences.MicroF1(KindSentences.PerKind(scored), KindSentences.KeyKinds);
        Assert.True(f1 >= floor, $"{split}: key-kind micro F1 {f1:0.000} < {floor}");
    }

    [Fact]
    public void The_set_is_split_by_write_up_with_a_third_held_out()
    {
        Assert.All(Items.GroupBy(i => i.Writeup), g => Assert.Single(g.Select(i => i.Split).Distinct()));
        var first = Items.Where(i => i.Split is "dev" or "heldout").ToList();
        Assert.True(first.Count >= 300, $"{first.Count} items");
        Assert.True(first.Select(i => i.Writeup).Distinct().Count() >= 25, "write-ups");
        Assert.InRange(first.Count(i => i.Split == "heldout") * 1.0 / first.Count, 0.25, 0.40);
    }

    [Fact]
    public void The_second_blind_set_comes_from_write_ups_of_its_own()
    {
        // Fifteenth session (Kinds/README.md): at least 120 items from at least 35 write-ups that the first set never read.
        var second = Items.Where(i => i.Split == "heldout2").ToList();
        Assert.True(second.Count >= 120, $"{second.Count} items");
        Assert.True(second.Select(i => i.Writeup).Distinct().Count() >= 35, "write-ups");
        var firstSources = Items.Where(i => i.Split != "heldout2").Select(i => i.Source).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(second, i => firstSources.Contains(i.Source));
    }

    [Fact]
    public void The_third_blind_set_comes_from_write_ups_of_its_own()
    {
        // Sixteenth session (Kinds/README.md): at least 120 items from at least 30 write-ups that no earlier split read,
        // with items of no key kind among them so that precision is measured.
        var third = Items.Where(i => i.Split == "heldout3").ToList();
        Assert.True(third.Count >= 120, $"{third.Count} items");
        Assert.True(third.Select(i => i.Writeup).Distinct().Count() >= 30, "write-ups");
        Assert.Contains(third, i => i.Kinds.SetEquals(["other"]));
        var earlierSources = Items.Where(i => i.Split != "heldout3").Select(i => i.Source).ToHashSet(StringComparer.Ordinal);
        var earlierWriteups = Items.Where(i => i.Split != "heldout3").Select(i => i.Writeup).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(third, i => earlierSources.Contains(i.Source) || earlierWriteups.Contains(i.Writeup));
    }

    [Fact]
    public void The_fourth_blind_set_comes_from_write_ups_of_its_own()
    {
        // Twenty-sixth session (Kinds/README.md): at least 120 items from at least 30 write-ups that no earlier split read,
        // with items of no key kind among them so that precision is measured.
        var fourth = Items.Where(i => i.Split == "heldout4").ToList();
        Assert.True(fourth.Count >= 120, $"{fourth.Count} items");
        Assert.True(fourth.Select(i => i.Writeup).Distinct().Count() >= 30, "write-ups");
        Assert.Contains(fourth, i => i.Kinds.SetEquals(["other"]));
        var earlierSources = Items.Where(i => i.Split != "heldout4").Select(i => i.Source).ToHashSet(StringComparer.Ordinal);
        var earlierWriteups = Items.Where(i => i.Split != "heldout4").Select(i => i.Writeup).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(fourth, i => earlierSources.Contains(i.Source) || earlierWriteups.Contains(i.Writeup));
    }
}
