using System.Globalization;
using System.Text;
using NodaTime;
using Postmortem.Model;

namespace Postmortem.Corpus;

/// <summary>
/// The kind-sentence set (tests/Postmortem.Tests/Kinds/kind-sentences.tsv): timed moments of public write-ups outside the
/// corpus, each labelled with its kinds. An item is read as the product reads a notes line with a time in front
/// ("10:00 Rolled back the deploy."): the notes extractor and the analyser make its one timeline event, and the kinds of
/// that event's evidence (every kind the key rules read, not only the primary one) are its prediction.
/// </summary>
public static class KindSentences
{
    /// <summary>The kinds scored, in the order they are printed; <c>other</c> is an item with no evidence.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        ["impact", "alert", "page", "customer-report", "escalation", "diagnosis", "communication", "mitigation", "resolution", "change", "decision", "other"];

    /// <summary>The kinds the key timestamps are read from (impact start, detection, escalation, mitigation, resolution, communication).</summary>
    public static IReadOnlyList<string> KeyKinds { get; } = ["impact", "alert", "page", "customer-report", "escalation", "communication", "mitigation", "resolution"];

    /// <summary>One item: its split, write-up, labelled kinds and sentence.</summary>
    public sealed record Item(string Split, string Writeup, IReadOnlySet<string> Kinds, string Sentence, string Source);

    /// <summary>One item with the kinds the pipeline gave it.</summary>
    public sealed record Scored(Item Item, IReadOnlySet<string> Predicted, string Evidence);

    /// <summary>Precision, recall and F1 of one kind over a set of items.</summary>
    public sealed record KindScore(string Kind, int TruePositives, int FalsePositives, int FalseNegatives)
    {
        public int Support => TruePositives + FalseNegatives;

        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => Support == 0 ? 1 : (double)TruePositives / Support;

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    /// <summary>The path of the set, from the corpus root (tests/Postmortem.Tests/Corpus).</summary>
    public static string PathFrom(string corpusRoot) => Path.GetFullPath(Path.Combine(corpusRoot, "..", "Kinds", "kind-sentences.tsv"));

    /// <summary>Reads the set.</summary>
    public static IReadOnlyList<Item> Load(string path)
    {
        var items = new List<Item>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != 5)
            {
                throw new FormatException($"{path}: expected 5 tab-separated fields: {line}");
            }

            var kinds = f[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            var unknown = kinds.Where(k => !Kinds.Contains(k)).ToList();
            if (unknown.Count > 0)
            {
                throw new FormatException($"{path}: unknown kind(s) {string.Join(", ", unknown)}: {line}");
            }

            items.Add(new Item(f[0], f[1], kinds, f[3], f[4]));
        }

        return items;
    }

    /// <summary>Runs the pipeline over one item, as a notes line with a time in front.</summary>
    public static Scored Score(Item item)
    {
        var c = new CorpusCase
        {
            Id = item.Writeup,
            Path = item.Writeup,
            Split = item.Split,
            Form = "bullets",
            Zone = "UTC",
            Date = new LocalDate(2026, 1, 15),
            Text = "10:00 " + item.Sentence + "\n",
            Events = [],
            Keys = new Dictionary<string, Instant?>(),
        };
        var analyzed = CorpusScorer.Run(c);
        var events = analyzed.Timeline.ToList();
        var evidence = events.SelectMany(e => e.Evidence).ToList();
        var predicted = evidence.Select(e => e.Kind.ToName()).Where(k => k != "other").ToHashSet(StringComparer.Ordinal);
        if (predicted.Count == 0)
        {
            predicted.Add("other");
        }

        var shown = events.Count == 1 ? "" : $"[{events.Count} events] ";
        return new Scored(item, predicted, shown + string.Join("; ", evidence.Select(e => $"{e.Kind.ToName()}:'{e.Phrase}'")));
    }

    /// <summary>Per-kind scores over <paramref name="scored"/>.</summary>
    public static IReadOnlyList<KindScore> PerKind(IReadOnlyList<Scored> scored) =>
        Kinds.Select(k => new KindScore(
            k,
            scored.Count(s => s.Item.Kinds.Contains(k) && s.Predicted.Contains(k)),
            scored.Count(s => !s.Item.Kinds.Contains(k) && s.Predicted.Contains(k)),
            scored.Count(s => s.Item.Kinds.Contains(k) && !s.Predicted.Contains(k)))).ToList();

    /// <summary>Micro-averaged F1 over <paramref name="kinds"/>.</summary>
    public static double MicroF1(IReadOnlyList<KindScore> scores, IEnumerable<string> kinds)
    {
        var chosen = scores.Where(s => kinds.Contains(s.Kind)).ToList();
        var total = new KindScore("micro", chosen.Sum(s => s.TruePositives), chosen.Sum(s => s.FalsePositives), chosen.Sum(s => s.FalseNegatives));
        return total.F1;
    }

    /// <summary>
    /// The report of one split: per-kind precision, recall and F1, the micro F1 over the key kinds, and (with
    /// <paramref name="details"/>) every item whose kinds differ from its labels.
    /// </summary>
    public static string Report(string split, IReadOnlyList<Scored> scored, bool details)
    {
        var sb = new StringBuilder();
        var kinds = PerKind(scored);
        sb.AppendLine(CultureInfo.InvariantCulture, $"kind sentences, {split}: {scored.Count} items from {scored.Select(s => s.Item.Writeup).Distinct().Count()} write-ups");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"kind",-16} {"n",4} {"tp",4} {"fp",4} {"fn",4} {"prec.",6} {"recall",6} {"F1",6}");
        foreach (var k in kinds)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{k.Kind,-16} {k.Support,4} {k.TruePositives,4} {k.FalsePositives,4} {k.FalseNegatives,4} {k.Precision,6:0.000} {k.Recall,6:0.000} {k.F1,6:0.000}");
        }

        var exact = scored.Count(s => s.Predicted.SetEquals(s.Item.Kinds));
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"TOTAL kind-sentences {split}  key-kind micro F1 {MicroF1(kinds, KeyKinds):0.000}  all-kind micro F1 {MicroF1(kinds, Kinds):0.000}  exact sets {exact}/{scored.Count}");
        if (details)
        {
            foreach (var s in scored.Where(s => !s.Predicted.SetEquals(s.Item.Kinds)))
            {
                var missed = s.Item.Kinds.Except(s.Predicted).OrderBy(k => k, StringComparer.Ordinal);
                var extra = s.Predicted.Except(s.Item.Kinds).OrderBy(k => k, StringComparer.Ordinal);
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {s.Item.Writeup,-30} missed [{string.Join(",", missed)}] extra [{string.Join(",", extra)}] {s.Item.Sentence}");
                sb.AppendLine(CultureInfo.InvariantCulture, $"      {s.Evidence}");
            }
        }

        return sb.ToString();
    }
}
