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

    private static List<string> Describe(IReadOnlyList<FactorCluster> groups) =>
        [.. groups.Select(g => $"{string.Join(',', g.Members)} | {g.Medoid} | {string.Join(' ', g.Terms)}")];
}
