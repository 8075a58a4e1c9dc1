using Postmortem.Corpus;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Corpus;

/// <summary>
/// The blind second labelling of sampled train cases (Corpus/agreement, docs/accuracy.md "Inter-annotator agreement"):
/// every file parses in the corpus's own syntax, labels all six keys and the duration with a reason per key, and names a
/// train case of the sample; the sample has its 24 cases and nothing from the test split.
/// </summary>
public sealed class AgreementTests
{
    private static readonly string Root = Repo.PathOf("tests", "Postmortem.Tests", "Corpus");

    [Fact]
    public void Every_second_label_parses_and_names_a_sampled_train_case_with_all_keys_and_a_reason_for_each()
    {
        var labels = SecondLabel.LoadAll(Root);
        var train = CorpusCase.LoadAll(Root).Where(c => c.Split == "train").Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var sample = Agreement.Sample(Root);
        Assert.Equal(24, labels.Count);
        Assert.Equal(sample.Order(StringComparer.Ordinal), labels.Select(l => l.Id).Order(StringComparer.Ordinal));
        foreach (var label in labels)
        {
            Assert.Equal(Path.GetFileNameWithoutExtension(label.Labels.Path), label.Id);
            Assert.Contains(label.Id, train);
            Assert.Equal(CorpusCase.KeyNames.Order(StringComparer.Ordinal), label.Labels.Keys.Keys.Order(StringComparer.Ordinal));
            Assert.True(label.Labels.Duration.Labelled, $"{label.Id}: durationMinutes");
            Assert.All(CorpusCase.KeyNames, key => Assert.False(string.IsNullOrWhiteSpace(label.Why.GetValueOrDefault(key)), $"{label.Id}: why.{key}"));
        }
    }

    [Fact]
    public void The_sample_holds_two_cases_of_each_form_group_and_writer()
    {
        var forms = CorpusCase.LoadAll(Root).Where(c => c.Split == "train").ToDictionary(c => c.Id, c => c.Form, StringComparer.Ordinal);
        var writers = Agreement.Writers(Root);
        var strata = writers.GroupBy(w => (Group: forms[w.Key].StartsWith("chat-", StringComparison.Ordinal) ? "chat" : forms[w.Key], Writer: w.Value)).ToList();
        Assert.Equal(12, strata.Count);
        Assert.All(strata, s => Assert.Equal(2, s.Count()));
    }

    [Fact]
    public void Rows_compare_labels_by_minute_and_count_unknown_against_unknown_as_agreement()
    {
        var rows = Agreement.Rows(CorpusCase.LoadAll(Root), SecondLabel.LoadAll(Root));
        Assert.All(rows, r => Assert.Equal(r.A == r.B, r.Agree));
        Assert.Contains(rows, r => r.A == "unknown" && r.B == "unknown" && r.Agree);
        Assert.All(rows.Where(r => r.Key != "duration" && r.A != "unknown"), r => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\dZ$", r.A));
    }
}
