using Postmortem.Analysis.Factors;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Analysis;

/// <summary>Grouping recurring factors: remembering a text seen before changes no group.</summary>
public sealed class FactorGroupingTests
{
    [Fact]
    public void A_repeated_text_is_grouped_exactly_as_an_equal_text_written_differently()
    {
        // The same wordings many times, shuffled; the second set writes each repeat with trailing punctuation, which the
        // stems drop (the same vector) but which makes the text new, so no repeat is taken from memory.
        var wordings = File.ReadAllLines(Path.Combine(Repo.Root, "tests", "Postmortem.Tests", "Corpus", "factor-pairs", "factors.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[3]).ToArray();
        var random = new Random(7);
        var picks = Enumerable.Range(0, 3000).Select(_ => random.Next(wordings.Length)).ToArray();
        var repeated = picks.Select(p => wordings[p]).ToArray();
        var distinct = picks.Select((p, i) => wordings[p] + new string('!', 1 + (i % 50)) + new string('.', i / 50)).ToArray();

        var fromMemory = FactorGrouping.Group(repeated, FactorMethod.Current);
        var computed = FactorGrouping.Group(distinct, FactorMethod.Current);

        Assert.True(repeated.Distinct().Count() < 200, "the texts repeat");
        Assert.True(computed.Count > 10, "the set forms groups");
        Assert.Equal(Describe(computed), Describe(fromMemory));
    }

    [Fact]
    public void The_medoid_is_the_member_that_comparing_every_pair_finds()
    {
        // Groups of the labelled wordings (repeated, and each written differently), and random sets of them, which are not
        // groups: the member with the highest sum of similarities to the others, the first on a tie, exactly as the pairwise sum.
        var wordings = File.ReadAllLines(Path.Combine(Repo.Root, "tests", "Postmortem.Tests", "Corpus", "factor-pairs", "factors.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[3]).ToArray();
        var random = new Random(11);
        var texts = Enumerable.Range(0, 2000).Select(i => wordings[random.Next(wordings.Length)] + (i % 3 == 0 ? $" ({i})" : string.Empty)).ToArray();
        var vectors = FactorVectors.Of(texts, FactorMethod.Current);
        var sets = FactorGrouping.Group(texts, FactorMethod.Current).Select(g => g.Members.Take(200).ToList())
            .Concat(Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, 2 + random.Next(120)).Select(_ => random.Next(texts.Length)).Distinct().Order().ToList()))
            .ToList();

        var pairwise = sets.Select(s => s.Select(m => (m, Score: s.Where(o => o != m).Sum(o => vectors.Similarity(m, o)))).OrderByDescending(x => x.Score).ThenBy(x => x.m).First().m).ToList();
        var found = sets.Select(s => vectors.Medoid(s)).ToList();

        Assert.True(sets.Count(s => s.Count >= 50) > 5, "large sets are compared");
        Assert.Equal(pairwise, found);
    }

    private static List<string> Describe(IReadOnlyList<FactorCluster> groups) =>
        [.. groups.Select(g => $"{string.Join(',', g.Members)} | {g.Medoid} | {string.Join(' ', g.Terms)}")];
}
