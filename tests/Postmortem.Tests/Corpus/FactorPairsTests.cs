using System.Globalization;
using System.Text;
using Postmortem.Analysis.Factors;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Corpus;

/// <summary>
/// Recurring contributing factors (issue 10, part 5): the similarity that groups factor texts is scored on a labelled
/// set of factor pairs (Corpus/factor-pairs) written in the forms real postmortems use. The method was tuned on the
/// train split only; the floors sit a little under the figures in docs/metrics.md, so a change that makes grouping
/// worse on either split fails here.
/// </summary>
public sealed class FactorPairsTests(ITestOutputHelper output)
{
    public static TheoryData<string, double, double> Floors => new()
    {
        // split, precision, recall
        { "train", 0.88, 0.68 },
        { "test", 0.88, 0.72 },
    };

    [Theory]
    [MemberData(nameof(Floors))]
    public void Each_split_stays_above_its_floor(string split, double precision, double recall)
    {
        var score = Score(Pairs(split), FactorMethod.Current);
        output.WriteLine($"{split}: {score}");
        Assert.True(score.Precision >= precision, $"{split}: precision {score.Precision:0.000} < {precision}");
        Assert.True(score.Recall >= recall, $"{split}: recall {score.Recall:0.000} < {recall}");
    }

    [Fact]
    public void The_set_has_at_least_150_pairs_split_by_cause_with_both_labels_in_each_split()
    {
        var train = Pairs("train");
        var test = Pairs("test");
        Assert.True(train.Count + test.Count >= 150);
        Assert.All(new[] { train, test }, split => Assert.Contains(split, p => p.Same));
        Assert.All(new[] { train, test }, split => Assert.Contains(split, p => !p.Same));

        // No cause is in both splits: the test split's causes were never seen in tuning.
        var trainThemes = train.SelectMany(p => new[] { p.ThemeA, p.ThemeB }).ToHashSet();
        Assert.DoesNotContain(test, p => trainThemes.Contains(p.ThemeA) || trainThemes.Contains(p.ThemeB));
    }

    [Fact]
    public void Grouping_puts_the_wordings_of_one_cause_together_and_keeps_others_apart()
    {
        string[] texts =
        [
            "The database connection pool was exhausted under peak load",
            "The TLS certificate on the API endpoint expired and was not in the monitored certificate inventory",
            "Connection pool exhaustion on the primary database",
            "No deployment freeze policy existed for peak commerce events",
            "A deploy went out during peak trading with no change freeze in place",
        ];

        var groups = FactorGrouping.Group(texts, FactorMethod.Current);

        Assert.Equal([[0, 2], [3, 4]], groups.Select(g => g.Members.ToArray()).ToArray());
        Assert.Equal(["connect", "databas", "exhaust", "pool"], groups[0].Terms);
    }

    [Fact]
    public void Grouping_takes_empty_and_hostile_text_without_throwing()
    {
        string[] texts = [string.Empty, "   ", "!!!", new string('a', 100_000), "the of and", "\u0000\uFFFF", "Ω≈ç√∫"];

        var groups = FactorGrouping.Group(texts, FactorMethod.Current);

        Assert.All(groups, g => Assert.True(g.Members.Count > 1));
    }

    /// <summary>Writes the grid the method was tuned on (train only) to the file POSTMORTEM_TUNE_FACTORS names; does nothing without it.</summary>
    [Fact]
    public void Tuning_grid_on_train()
    {
        if (Environment.GetEnvironmentVariable("POSTMORTEM_TUNE_FACTORS") is not { Length: > 0 } file)
        {
            return;
        }

        var train = Pairs("train");
        var b = new StringBuilder("n\tword\tthreshold\tprecision\trecall\tf1\n");
        foreach (var n in new[] { 2, 3, 4, 5 })
        {
            foreach (var word in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
            {
                for (var t = 0.05; t <= 0.61; t += 0.025)
                {
                    var s = Score(train, new FactorMethod("tune", word, t, n));
                    b.Append(CultureInfo.InvariantCulture, $"{n}\t{word}\t{t:0.000}\t{s.Precision:0.000}\t{s.Recall:0.000}\t{s.F1:0.000}\n");
                }
            }
        }

        File.WriteAllText(file, b.ToString());
    }

    internal static PairScore Score(IReadOnlyList<FactorPair> pairs, FactorMethod method)
    {
        // The IDF is taken over the split's own texts, as stats takes it over the indexed factors.
        var texts = pairs.SelectMany(p => new[] { p.A, p.B }).Distinct(StringComparer.Ordinal).ToList();
        var index = texts.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var vectors = FactorVectors.Of(texts, method);
        int tp = 0, fp = 0, fn = 0;
        foreach (var p in pairs)
        {
            var predicted = vectors.Similarity(index[p.A], index[p.B]) >= method.Threshold;
            tp += predicted && p.Same ? 1 : 0;
            fp += predicted && !p.Same ? 1 : 0;
            fn += !predicted && p.Same ? 1 : 0;
        }

        return new PairScore(tp, fp, fn, pairs.Count);
    }

    internal static IReadOnlyList<FactorPair> Pairs(string split) =>
        [.. File.ReadAllLines(Repo.PathOf("tests", "Postmortem.Tests", "Corpus", "factor-pairs", split + ".tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => new FactorPair(f[0] == "same", f[1], f[2], f[3], f[4]))];

    internal sealed record FactorPair(bool Same, string ThemeA, string ThemeB, string A, string B);

    internal sealed record PairScore(int TruePositives, int FalsePositives, int FalseNegatives, int Pairs)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Pairs} pairs, precision {Precision:0.000} ({TruePositives}/{TruePositives + FalsePositives}), recall {Recall:0.000} ({TruePositives}/{TruePositives + FalseNegatives})");
    }
}
