using Postmortem.Corpus;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Corpus;

/// <summary>
/// Corpus/blind.txt: the batches whose train half is still blind. Their cases count in the totals, but the scorer prints
/// no row of them unless asked, as for the test split, so that diffing the train rows while tuning cannot show them.
/// </summary>
public sealed class BlindListTests
{
    private static readonly string Root = Repo.PathOf("tests", "Postmortem.Tests", "Corpus");

    [Fact]
    public void Every_blind_batch_named_is_a_split_file_of_the_corpus()
    {
        var named = File.ReadLines(Path.Combine(Root, "blind.txt")).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0);
        Assert.All(named, batch => Assert.True(File.Exists(Path.Combine(Root, batch)), $"blind.txt names {batch}, which is not in Corpus/"));
    }

    [Fact]
    public void A_blind_train_case_counts_in_the_totals_but_its_row_is_printed_only_when_asked()
    {
        var dir = Directory.CreateTempSubdirectory("pm-blind-");
        try
        {
            var train = Directory.CreateDirectory(Path.Combine(dir.FullName, "train"));
            string[] ids = ["afrihost-2014-01-19", "active911-2019-08-31"];
            foreach (var id in ids)
            {
                File.Copy(Path.Combine(Root, "train", id + ".yml"), Path.Combine(train.FullName, id + ".yml"));
            }

            File.WriteAllText(Path.Combine(dir.FullName, "batch99-split.txt"), "# a batch\n 1 afrihost-2014-01-19 train\n");
            File.WriteAllText(Path.Combine(dir.FullName, "blind.txt"), "# blind\nbatch99-split.txt\n");

            var cases = CorpusCase.LoadAll(dir.FullName);
            Assert.True(cases.Single(c => c.Id == ids[0]).HeldOut);
            Assert.False(cases.Single(c => c.Id == ids[1]).HeldOut);

            var scores = cases.Select(CorpusScorer.Score).ToList();
            var report = CorpusScorer.Report(scores, details: true);
            Assert.DoesNotContain(ids[0], report, StringComparison.Ordinal);
            Assert.Contains(ids[1], report, StringComparison.Ordinal);
            Assert.Contains("TOTAL train cases   2", report, StringComparison.Ordinal);
            Assert.Contains(ids[0], CorpusScorer.Report(scores, details: true, heldOutRows: true), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
