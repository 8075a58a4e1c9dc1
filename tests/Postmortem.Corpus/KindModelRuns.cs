using System.Globalization;
using System.Text;
using NodaTime;
using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Corpus;

/// <summary>
/// Trains the kind model (<see cref="KindModel"/>) on the corpus and measures it. The examples are the labelled moments of
/// the open train cases: the event the pipeline (phrases only) reads at a labelled moment's minute, with the key kinds of
/// the label. <c>--train-kind-model FILE</c> writes the model trained on all of them; <c>--kind-model-cv</c> holds out one
/// fold of writers at a time (a batch is one writer, so a batch stays in one fold), trains on the others, and scores the
/// held-out fold's keys with the phrases only and with the model at several thresholds — the gain a write-up from a new
/// writer should see. The test split and blind cases are never trained on nor scored here.
/// </summary>
public static class KindModelRuns
{
    private const int Folds = 5;

    private static readonly (double Threshold, bool OnlyWhenUnread)[] Variants =
        [(0.5, false), (0.6, false), (0.7, false), (0.8, false), (0.9, false), (0.5, true), (0.6, true), (0.7, true), (0.8, true), (0.9, true)];

    /// <summary>The open train cases (neither test nor blind).</summary>
    public static IReadOnlyList<CorpusCase> Open(string root) => CorpusCase.LoadAll(root).Where(c => !c.HeldOut).ToList();

    /// <summary>The training examples of some cases.</summary>
    public static List<KindModel.Example> Examples(IEnumerable<CorpusCase> cases)
    {
        var phrasesOnly = new KindLexicon();
        var examples = new List<KindModel.Example>();
        foreach (var c in cases)
        {
            var timeline = CorpusScorer.Run(c, phrasesOnly).Timeline;
            var unmatched = timeline.ToList();
            foreach (var e in c.Events.Where(e => e.Kinds.Count > 0))
            {
                var index = unmatched.FindIndex(p => Minute(p.Time) == Minute(e.At));
                if (index < 0)
                {
                    continue;
                }

                var kinds = e.Kinds.Select(Kind).OfType<EventKind>().Where(KindModel.Kinds.Contains).ToHashSet();
                examples.Add(new KindModel.Example(unmatched[index].Text, kinds));
                unmatched.RemoveAt(index);
            }
        }

        return examples;
    }

    /// <summary>Trains on every open train case and writes the model to <paramref name="path"/>; returns a one-line summary.</summary>
    public static string Train(string root, string path)
    {
        var examples = Examples(Open(root));
        var model = KindModel.Train(examples);
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            model.Save(writer);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{examples.Count} examples, {model.FeatureCount} features -> {path}\n");
    }

    /// <summary>
    /// The one look at the held-out split (totals only): the model trained on every open train case, at the variant chosen on
    /// the folds before the look (p ≥ 0.9, texts the phrases read no key kind in), against the phrases only.
    /// </summary>
    public static string HeldOut(string root)
    {
        var test = CorpusCase.LoadAll(root).Where(c => c.Split == "test").ToList();
        var model = KindModel.Train(Examples(Open(root))).With(0.9, onlyWhenUnread: true);
        var baseline = test.Select(c => CorpusScorer.Score(c, new KindLexicon())).ToList();
        var lexicon = new KindLexicon { Supplement = model.Add };
        var withModel = test.Select(c => CorpusScorer.Score(c, lexicon)).ToList();
        var unknownOnly = baseline.Zip(withModel, (b, m) => b with
        {
            Keys = [.. b.Keys.Zip(m.Keys, (kb, km) => kb.Got is null ? km : kb)],
            DurationRight = b.PredictedDuration is null ? m.DurationRight : b.DurationRight,
        }).ToList();
        var text = new StringBuilder();
        foreach (var (name, scores) in new[] { ("phrases only", baseline), ("model p>=0.9 unread only", withModel), ("... (unknown keys)", unknownOnly) })
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"test {test.Count}: {name,-26} keys {scores.Sum(s => s.Keys.Count(k => k.Right))}/{scores.Sum(s => s.Keys.Count)}  durations {scores.Count(s => s.DurationRight == true)}/{scores.Count(s => s.DurationRight is not null)}");
        }

        return text.ToString();
    }

    /// <summary>The cross-validation table: keys and durations right per variant, summed over the held-out folds.</summary>
    public static string CrossValidate(string root)
    {
        var cases = Open(root);
        var fold = FoldOf(root);
        var rows = new Dictionary<string, (int Keys, int KeysOf, int Durations, int DurationsOf, int[] ByKey)>();
        var phrasesOnly = new KindLexicon();
        for (var f = 0; f < Folds; f++)
        {
            var held = cases.Where(c => fold(c.Id) == f).ToList();
            var model = KindModel.Train(Examples(cases.Where(c => fold(c.Id) != f)));
            var baseline = held.Select(c => CorpusScorer.Score(c, phrasesOnly)).ToList();
            Add("phrases only", baseline);
            foreach (var (threshold, unread) in Variants)
            {
                var lexicon = new KindLexicon { Supplement = model.With(threshold, unread).Add };
                var name = string.Create(CultureInfo.InvariantCulture, $"model p>={threshold:0.0}{(unread ? " unread only" : "")}");
                var withModel = held.Select(c => CorpusScorer.Score(c, lexicon)).ToList();
                Add(name, withModel);
                // Where the phrases leave a key unknown only: the model's key, else the phrases' one.
                Add(name + " (unknown keys)", baseline.Zip(withModel, (b, m) => b with
                {
                    Keys = [.. b.Keys.Zip(m.Keys, (kb, km) => kb.Got is null ? km : kb)],
                    DurationRight = b.PredictedDuration is null ? m.DurationRight : b.DurationRight,
                }));
            }
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Folds}-fold by writer over {cases.Count} open train cases (a fold's model never saw its cases)");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"variant",-44} {"keys",12} {"durations",12}  {string.Join(" ", CorpusCase.KeyNames.Select(k => k[..Math.Min(6, k.Length)]))}");
        foreach (var (name, r) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{name,-44} {r.Keys,5}/{r.KeysOf,-6} {r.Durations,5}/{r.DurationsOf,-6}  {string.Join(" ", r.ByKey.Select(n => n.ToString(CultureInfo.InvariantCulture).PadLeft(6)))}");
        }

        return text.ToString();

        void Add(string name, IEnumerable<CaseScore> scores)
        {
            var r = rows.TryGetValue(name, out var had) ? had : (Keys: 0, KeysOf: 0, Durations: 0, DurationsOf: 0, ByKey: new int[CorpusCase.KeyNames.Count]);
            foreach (var s in scores)
            {
                r.Keys += s.Keys.Count(k => k.Right);
                r.KeysOf += s.Keys.Count;
                r.Durations += s.DurationRight == true ? 1 : 0;
                r.DurationsOf += s.DurationRight is null ? 0 : 1;
                for (var k = 0; k < CorpusCase.KeyNames.Count; k++)
                {
                    r.ByKey[k] += s.Keys.Count(x => x.Name == CorpusCase.KeyNames[k] && x.Right);
                }
            }

            rows[name] = r;
        }
    }

    // A batch's cases share a fold (batch N → N mod 5); a case of no batch (the first sessions' writers) by its id.
    private static Func<string, int> FoldOf(string root)
    {
        var batchOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "batch*-split.txt"))
        {
            var n = int.Parse(Path.GetFileName(file)["batch".Length..^"-split.txt".Length], CultureInfo.InvariantCulture);
            foreach (var id in CorpusCase.BatchIds(file))
            {
                batchOf[id] = n;
            }
        }

        return id => batchOf.TryGetValue(id, out var n) ? n % Folds : (int)(Stable(id) % Folds);
    }

    private static uint Stable(string id)
    {
        var h = 2166136261u;
        foreach (var c in id)
        {
            h = unchecked((h ^ c) * 16777619u);
        }

        return h;
    }

    private static EventKind? Kind(string name) =>
        Enum.GetValues<EventKind>().Cast<EventKind?>().FirstOrDefault(k => k!.Value.ToName() == name);

    private static Instant Minute(Instant i) => Instant.FromUnixTimeSeconds(i.ToUnixTimeSeconds() / 60 * 60);
}
