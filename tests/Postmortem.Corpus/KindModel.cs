using System.Globalization;
using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Corpus;

/// <summary>
/// An experiment in learning the key kinds, beside the phrase lexicon (issue 8; docs/accuracy.md, "a learned kind model"): one logistic
/// regression per key kind over the words of an event's text — word bases (<see cref="WordStems"/>), pairs of adjacent
/// bases, and for Chinese and Japanese characters and character pairs — trained on the hand-labelled moments of the
/// corpus's train split. The lexicon reads the phrases a rule was written for; the model gives weak evidence
/// (<see cref="Strength"/>) of a kind the lexicon did not read, where the words of the text make it likely, and names the
/// words that weighed most. It reaches the pipeline through <see cref="KindLexicon.Supplement"/>. Measured by writer-held-out
/// folds and once on the test split, it lost keys at every threshold, so the product does not ship it (docs/accuracy.md).
/// </summary>
/// <remarks>
/// Written by hand rather than with ML.NET: its trainers and prediction engines build code by reflection at run time, which
/// the NativeAOT CLI does not allow, and a linear model of this size is a few dozen lines. Training is deterministic
/// (a fixed order and seed), so the same corpus gives the same weights file.
/// </remarks>
public sealed class KindModel
{
    /// <summary>The kinds the model reads: those the key timestamps are chosen from.</summary>
    public static IReadOnlyList<EventKind> Kinds { get; } =
        [EventKind.Impact, EventKind.Alert, EventKind.CustomerReport, EventKind.Escalation, EventKind.Mitigation, EventKind.Resolution, EventKind.Communication];

    /// <summary>The strength of the model's evidence: under a phrase in context (0.4), so any phrase read outranks it.</summary>
    public const double Strength = 0.3;

    /// <summary>The origin the model's evidence carries (<see cref="KindEvidence.Origin"/>).</summary>
    public const string Origin = "model";

    private readonly Dictionary<string, float[]> weights;
    private readonly Dictionary<string, float[]>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly float[] bias;

    private KindModel(Dictionary<string, float[]> weights, float[] bias)
    {
        this.weights = weights;
        lookup = weights.GetAlternateLookup<ReadOnlySpan<char>>();
        this.bias = bias;
    }

    /// <summary>The probability a kind needs before the model gives evidence of it.</summary>
    public double Threshold { get; init; } = 0.8;

    /// <summary>True to give evidence only to a text in which the lexicon read no key kind at all.</summary>
    public bool OnlyWhenUnread { get; init; }

    /// <summary>The number of features with a weight.</summary>
    public int FeatureCount => weights.Count;


    /// <summary>The features of a text: distinct word bases (<c>w:</c>), adjacent pairs (<c>b:</c>), CJK characters and pairs (<c>c:</c>).</summary>
    public static IReadOnlyList<string> Features(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan(0, Math.Min(text.Length, KindLexicon.MaxTextLength));
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? previous = null;
        var i = 0;
        while (i < span.Length)
        {
            var c = span[i];
            if (!char.IsLetter(c))
            {
                if (c is '.' or ',' or ';' or ':' or '!' or '?' or '(' or ')' or '"' or '\n' or '—' or '–' or '。' or '、' or '，')
                {
                    previous = null;
                }

                i++;
                continue;
            }

            if (IsIdeograph(c))
            {
                var start = i;
                while (i < span.Length && IsIdeograph(span[i]))
                {
                    i++;
                }

                for (var j = start; j < i; j++)
                {
                    Add("c:" + span[j]);
                    if (j + 1 < i)
                    {
                        Add(string.Concat("c:", span.Slice(j, 2)));
                    }
                }

                previous = null;
                continue;
            }

            var from = i;
            while (i < span.Length && !IsIdeograph(span[i]) && (char.IsLetter(span[i]) || (span[i] is '\'' or '’' && i + 1 < span.Length && char.IsLetter(span[i + 1]))))
            {
                i++;
            }

            var word = span[from..i];
            if (word.Length > WordStems.MaxWord)
            {
                previous = null;
                continue;
            }

            var b = WordStems.Base(word.ToString());
            Add("w:" + b);
            if (previous is not null)
            {
                Add("b:" + previous + " " + b);
            }

            previous = b;
        }

        return found;

        void Add(string feature)
        {
            if (seen.Add(feature))
            {
                found.Add(feature);
            }
        }
    }

    private static bool IsIdeograph(char c) => c is >= '\u3041' and <= '\u30ff' or >= '\u3400' and <= '\u9fff' or >= '\uac00' and <= '\ud7a3';

    /// <summary>The probability of each of <see cref="Kinds"/> for a text.</summary>
    public double[] Probabilities(string text) => Probabilities(Features(text));

    private double[] Probabilities(IReadOnlyList<string> features)
    {
        var z = new double[Kinds.Count];
        for (var k = 0; k < z.Length; k++)
        {
            z[k] = bias[k];
        }

        foreach (var f in features)
        {
            if (lookup.TryGetValue(f, out var w))
            {
                for (var k = 0; k < z.Length; k++)
                {
                    z[k] += w[k];
                }
            }
        }

        for (var k = 0; k < z.Length; k++)
        {
            z[k] = 1 / (1 + Math.Exp(-z[k]));
        }

        return z;
    }

    /// <summary>
    /// <paramref name="evidence"/> with the model's evidence of each key kind it does not hold, where the model's probability
    /// reaches <see cref="Threshold"/>; the phrase names the three words that weighed most and the probability.
    /// </summary>
    public IReadOnlyList<KindEvidence> Add(string text, IReadOnlyList<KindEvidence> evidence)
    {
        if (OnlyWhenUnread && evidence.Any(x => Kinds.Contains(x.Kind)))
        {
            return evidence;
        }

        var features = Features(text);
        var p = Probabilities(features);
        List<KindEvidence>? added = null;
        for (var k = 0; k < p.Length; k++)
        {
            if (p[k] < Threshold || evidence.Any(x => x.Kind == Kinds[k]))
            {
                continue;
            }

            added ??= [.. evidence];
            added.Add(new KindEvidence(Kinds[k], Explain(features, k, p[k]), Origin, Strength));
        }

        return added ?? evidence;
    }

    private string Explain(IReadOnlyList<string> features, int k, double p)
    {
        var top = features
            .Select(f => (Feature: f, Weight: lookup.TryGetValue(f, out var w) ? w[k] : 0f))
            .Where(x => x.Weight > 0)
            .OrderByDescending(x => x.Weight)
            .ThenBy(x => x.Feature, StringComparer.Ordinal)
            .Take(3)
            .Select(x => x.Feature[2..]);
        return string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", top)} (p {p:0.00})");
    }

    /// <summary>A copy with another threshold and use.</summary>
    public KindModel With(double threshold, bool onlyWhenUnread) => new(weights, bias) { Threshold = threshold, OnlyWhenUnread = onlyWhenUnread };

    /// <summary>One labelled text to train on: its words and the key kinds it carries (none for a moment of no key kind).</summary>
    public sealed record Example(string Text, IReadOnlySet<EventKind> Kinds);

    /// <summary>
    /// Trains one logistic regression per kind by stochastic gradient descent with per-weight (AdaGrad) steps and an L2 penalty,
    /// over features seen in at least two examples (25 passes, step 0.3, penalty 1e-4); the order is shuffled with a fixed seed.
    /// </summary>
    public static KindModel Train(IReadOnlyList<Example> examples)
    {
        const int epochs = 25, minCount = 2;
        const double rate = 0.3, l2 = 1e-4;
        ArgumentNullException.ThrowIfNull(examples);
        var featured = examples.Select(e => (Features: Features(e.Text), e.Kinds)).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in featured.SelectMany(x => x.Features))
        {
            counts[f] = counts.GetValueOrDefault(f) + 1;
        }

        var index = counts.Where(kv => kv.Value >= minCount).Select(kv => kv.Key).Order(StringComparer.Ordinal)
            .Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i, StringComparer.Ordinal);
        var rows = featured.Select(x => (Ids: x.Features.Where(index.ContainsKey).Select(f => index[f]).ToArray(), x.Kinds)).ToList();
        var n = Kinds.Count;
        var w = new double[index.Count * n];
        var g2 = new double[index.Count * n];
        var b = new double[n];
        var bg2 = new double[n];
        var order = Enumerable.Range(0, rows.Count).ToArray();
        var random = new Random(17);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var r in order)
            {
                var (ids, kinds) = rows[r];
                for (var k = 0; k < n; k++)
                {
                    var z = b[k];
                    foreach (var id in ids)
                    {
                        z += w[id * n + k];
                    }

                    var error = 1 / (1 + Math.Exp(-z)) - (kinds.Contains(Kinds[k]) ? 1 : 0);
                    foreach (var id in ids)
                    {
                        var at = id * n + k;
                        var grad = error + l2 * w[at];
                        g2[at] += grad * grad;
                        w[at] -= rate * grad / Math.Sqrt(g2[at] + 1e-8);
                    }

                    bg2[k] += error * error;
                    b[k] -= rate * error / Math.Sqrt(bg2[k] + 1e-8);
                }
            }
        }

        var weights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (feature, id) in index)
        {
            var row = new float[n];
            var any = false;
            for (var k = 0; k < n; k++)
            {
                row[k] = (float)Math.Round(w[id * n + k], 3);
                any |= row[k] != 0;
            }

            if (any)
            {
                weights[feature] = row;
            }
        }

        return new KindModel(weights, [.. b.Select(x => (float)Math.Round(x, 3))]);
    }

    /// <summary>Writes the model as tab-separated text: a header of kinds, the biases, then one line per feature, in ordinal order.</summary>
    public void Save(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("feature\t" + string.Join('\t', Kinds.Select(k => k.ToName())));
        writer.WriteLine("(bias)\t" + string.Join('\t', bias.Select(Format)));
        foreach (var (feature, row) in weights.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.WriteLine(feature + "\t" + string.Join('\t', row.Select(Format)));
        }

        static string Format(float x) => x.ToString("0.###", CultureInfo.InvariantCulture);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="FormatException">The text is not such a model (the line is named).</exception>
    public static KindModel Load(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine();
        var expected = "feature\t" + string.Join('\t', Kinds.Select(k => k.ToName()));
        if (header != expected)
        {
            throw new FormatException($"line 1: expected the header '{expected.Replace('\t', ' ')}'");
        }

        float[]? bias = null;
        var weights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var fields = line.Split('\t');
            if (fields.Length != Kinds.Count + 1)
            {
                throw new FormatException($"line {number}: expected {Kinds.Count + 1} tab-separated fields");
            }

            var row = new float[Kinds.Count];
            for (var k = 0; k < row.Length; k++)
            {
                if (!float.TryParse(fields[k + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out row[k]) || !float.IsFinite(row[k]))
                {
                    throw new FormatException($"line {number}, field {k + 2}: not a number: '{fields[k + 1]}'");
                }
            }

            if (fields[0] == "(bias)")
            {
                bias = row;
            }
            else
            {
                weights[fields[0]] = row;
            }
        }

        return new KindModel(weights, bias ?? throw new FormatException("the (bias) line is missing"));
    }
}
