using Postmortem.Analysis;
using Postmortem.Corpus;
using Postmortem.Model;

namespace Postmortem.Tests.Corpus;

/// <summary>
/// The learned kind model of the corpus tool (tests/Postmortem.Corpus/KindModel.cs): an experiment that the product does not
/// ship (docs/accuracy.md, "a learned kind model"), kept so that the measurement can be run again. These tests hold what the
/// measurement relies on: the features, a deterministic training that learns, the file round trip, the threshold, and the
/// lexicon's supplement reaching an event's evidence.
/// </summary>
public sealed class KindModelTests
{
    private static readonly KindModel.Example[] Examples =
    [
        .. Repeat("We rolled back the deploy", EventKind.Mitigation),
        .. Repeat("Rolled back the config change", EventKind.Mitigation),
        .. Repeat("Traffic drained to the other region", EventKind.Mitigation),
        .. Repeat("Customers reported failed logins", EventKind.CustomerReport, EventKind.Impact),
        .. Repeat("A customer reported slow checkout", EventKind.CustomerReport),
        .. Repeat("Error rates back to normal", EventKind.Resolution),
        .. Repeat("Latency back to baseline", EventKind.Resolution),
        .. Repeat("Wrote the agenda for the review"),
        .. Repeat("Lunch break for the team"),
    ];

    private static IEnumerable<KindModel.Example> Repeat(string text, params EventKind[] kinds) =>
        Enumerable.Repeat(new KindModel.Example(text, kinds.ToHashSet()), 3);

    [Fact]
    public void Features_are_word_bases_adjacent_pairs_and_cjk_characters_with_punctuation_breaking_pairs()
    {
        var features = KindModel.Features("Restored the pods. Rolling back 障害");
        // The bases are the lexicon's (WordStems): "restored" and "restoring" meet in one, "rolling" and "rolled" in another.
        var restored = WordStems.Base("restored");
        var rolling = WordStems.Base("rolling");
        Assert.Equal(restored, WordStems.Base("restoring"));
        Assert.Equal(rolling, WordStems.Base("rolled"));
        Assert.Contains("w:" + restored, features);
        Assert.Contains("b:" + restored + " the", features);
        Assert.Contains("b:" + rolling + " back", features);
        Assert.DoesNotContain("b:pod " + rolling, features);
        Assert.Contains("c:障", features);
        Assert.Contains("c:障害", features);
        Assert.Equal(features.Count, features.Distinct().Count());
    }

    [Fact]
    public void Training_learns_the_kinds_of_words_it_was_shown_and_is_deterministic()
    {
        var model = KindModel.Train(Examples);
        var p = model.Probabilities("Rolled back the release");
        var mitigation = KindModel.Kinds.ToList().IndexOf(EventKind.Mitigation);
        var resolution = KindModel.Kinds.ToList().IndexOf(EventKind.Resolution);
        Assert.True(p[mitigation] > 0.8, $"mitigation p {p[mitigation]}");
        Assert.True(p[resolution] < 0.2, $"resolution p {p[resolution]}");
        Assert.Equal(Save(model), Save(KindModel.Train(Examples)));
    }

    [Fact]
    public void A_saved_model_reads_back_the_same_and_a_bad_line_is_named()
    {
        var model = KindModel.Train(Examples);
        var text = Save(model);
        Assert.Equal(text, Save(KindModel.Load(new StringReader(text))));
        var bad = text.Replace("\n(bias)\t", "\n(bias)\tx", StringComparison.Ordinal);
        var error = Assert.Throws<FormatException>(() => KindModel.Load(new StringReader(bad)));
        Assert.StartsWith("line 2", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("line 1", Assert.Throws<FormatException>(() => KindModel.Load(new StringReader("feature\tx\n"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_adds_weak_evidence_of_a_kind_not_read_only_past_its_threshold_and_names_its_words()
    {
        var model = KindModel.Train(Examples);
        var added = model.With(0.8, onlyWhenUnread: false).Add("Rolled back the release", []);
        var evidence = Assert.Single(added, x => x.Kind == EventKind.Mitigation);
        Assert.Equal(KindModel.Origin, evidence.Origin);
        Assert.Equal(KindModel.Strength, evidence.Strength);
        Assert.Contains(WordStems.Base("rolled") + " back", evidence.Phrase, StringComparison.Ordinal);
        Assert.EndsWith(")", evidence.Phrase, StringComparison.Ordinal);
        Assert.Empty(model.With(0.9999, onlyWhenUnread: false).Add("Rolled back the release", []));

        IReadOnlyList<KindEvidence> read = [new KindEvidence(EventKind.Impact, "errors", "text", 0.6)];
        Assert.Same(read, model.With(0.5, onlyWhenUnread: true).Add("Rolled back the release", read));
    }

    [Fact]
    public void A_lexicon_supplement_reaches_the_evidence_of_an_event()
    {
        var lexicon = new KindLexicon { Supplement = (text, evidence) => [.. evidence, new KindEvidence(EventKind.Escalation, "probe", "model", 0.3)] };
        var e = new TimelineEvent
        {
            Time = NodaTime.Instant.FromUtc(2026, 1, 1, 10, 0), WrittenTime = "10:00", Zone = "UTC", ZoneOrigin = ZoneOrigin.Written, Text = "Lunch break for the team",
            Kind = EventKind.Other, KindRule = KindRules.Unclassified, Source = "Notes", Confidence = 1, Provenance = new Provenance("notes.md", 1, 1, "10:00"),
        };
        var enriched = Assert.Single(EventEnricher.Enrich([e], lexicon, []));
        Assert.Contains(enriched.Evidence, x => x is { Kind: EventKind.Escalation, Origin: "model" });
        Assert.DoesNotContain(Assert.Single(EventEnricher.Enrich([e], KindLexicon.Default, [])).Evidence, x => x.Origin == "model");
    }

    private static string Save(KindModel model)
    {
        var writer = new StringWriter { NewLine = "\n" };
        model.Save(writer);
        return writer.ToString();
    }
}
