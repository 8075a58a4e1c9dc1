namespace Postmortem.Analysis.Factors;

/// <summary>
/// TF-IDF vectors of a set of factor texts, two per text (stems, and character n-grams of the stems), each of unit
/// length, with the IDF taken over the set itself: a word most factors share says little about which cause it is.
/// </summary>
public sealed class FactorVectors
{
    private readonly Sparse[] words;
    private readonly Sparse[] grams;
    private readonly IReadOnlyList<string>[] stems;
    private readonly FactorMethod method;

    private FactorVectors(IReadOnlyList<string>[] stems, Sparse[] words, Sparse[] grams, FactorMethod method)
    {
        this.stems = stems;
        this.words = words;
        this.grams = grams;
        this.method = method;
    }

    /// <summary>How many texts.</summary>
    public int Count => stems.Length;

    /// <summary>Builds the vectors of <paramref name="texts"/>.</summary>
    public static FactorVectors Of(IReadOnlyList<string> texts, FactorMethod method)
    {
        var stems = texts.Select(FactorText.Stems).ToArray();
        var words = Weigh([.. stems.Select(s => (IEnumerable<string>)s)]);
        var grams = Weigh([.. stems.Select(s => Grams(s, method.GramLength))]);
        return new FactorVectors(stems, words, grams, method);
    }

    /// <summary>The stems of text <paramref name="i"/>.</summary>
    public IReadOnlyList<string> StemsOf(int i) => stems[i];

    /// <summary>The stem ids of text <paramref name="i"/> (for finding candidates that share a stem).</summary>
    public IReadOnlyList<int> WordFeatures(int i) => words[i].Keys;

    /// <summary>The similarity of texts <paramref name="a"/> and <paramref name="b"/>, from 0 to 1.</summary>
    public double Similarity(int a, int b) =>
        (method.WordWeight * Cosine(words[a], words[b])) + ((1 - method.WordWeight) * Cosine(grams[a], grams[b]));

    private static IEnumerable<string> Grams(IReadOnlyList<string> stems, int n)
    {
        if (stems.Count == 0)
        {
            yield break;
        }

        var joined = " " + string.Join(' ', stems) + " ";
        for (var i = 0; i + n <= joined.Length; i++)
        {
            yield return joined.Substring(i, n);
        }
    }

    private static Sparse[] Weigh(IEnumerable<string>[] features)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<Dictionary<int, int>>();
        var df = new List<int>();
        foreach (var text in features)
        {
            var count = new Dictionary<int, int>();
            foreach (var feature in text)
            {
                if (!ids.TryGetValue(feature, out var id))
                {
                    id = ids.Count;
                    ids[feature] = id;
                    df.Add(0);
                }

                if (count.TryGetValue(id, out var c))
                {
                    count[id] = c + 1;
                }
                else
                {
                    count[id] = 1;
                    df[id]++;
                }
            }

            counts.Add(count);
        }

        var n = counts.Count;
        var vectors = new Sparse[n];
        for (var t = 0; t < n; t++)
        {
            // Sub-linear term frequency and smoothed IDF, as scikit-learn's TfidfVectorizer(smooth_idf, sublinear_tf).
            var keys = counts[t].Keys.Order().ToArray();
            var values = keys.Select(k => (1 + Math.Log(counts[t][k])) * (Math.Log((1.0 + n) / (1.0 + df[k])) + 1)).ToArray();
            var norm = Math.Sqrt(values.Sum(v => v * v));
            for (var i = 0; i < values.Length && norm > 0; i++)
            {
                values[i] /= norm;
            }

            vectors[t] = new Sparse(keys, values);
        }

        return vectors;
    }

    private static double Cosine(Sparse a, Sparse b)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < a.Keys.Length && j < b.Keys.Length)
        {
            var c = a.Keys[i].CompareTo(b.Keys[j]);
            if (c == 0)
            {
                sum += a.Values[i++] * b.Values[j++];
            }
            else if (c < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return Math.Clamp(sum, 0, 1);
    }

    private sealed record Sparse(int[] Keys, double[] Values);
}
