namespace Postmortem.Analysis.Factors;

/// <summary>
/// TF-IDF vectors of a set of factor texts, two per text (stems, and character n-grams of the stems), each of unit
/// length, with the IDF taken over the set itself: a word most factors share says little about which cause it is.
/// </summary>
/// <remarks>
/// Held flat (issue 10: 100,000 factors within <c>stats</c>' 256 MB): each kind of vector is one array of feature ids
/// and one of weights with an offset per text, a stem is an id into one vocabulary, and n-grams are looked up from a
/// span of the joined stems without a string per n-gram. Ids are given in order of first appearance and each text's
/// ids are sorted, exactly as before, so every weight and similarity is the same double.
/// </remarks>
internal sealed class FactorVectors
{
    private readonly Flat words;
    private readonly Flat grams;
    private readonly string[] vocabulary;
    private readonly FactorMethod method;

    private FactorVectors(string[] vocabulary, Flat words, Flat grams, FactorMethod method)
    {
        this.vocabulary = vocabulary;
        this.words = words;
        this.grams = grams;
        this.method = method;
    }

    /// <summary>How many texts.</summary>
    public int Count => words.Starts.Length - 1;

    /// <summary>Builds the vectors of <paramref name="texts"/>.</summary>
    public static FactorVectors Of(IReadOnlyList<string> texts, FactorMethod method)
    {
        var stemIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var gramIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var gramLookup = gramIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = new Counter(texts.Count);
        var grams = new Counter(texts.Count);
        var joined = new List<char>();
        var n = method.GramLength;
        foreach (var text in texts)
        {
            var stems = FactorText.Stems(text);
            joined.Clear();
            joined.Add(' ');
            foreach (var stem in stems)
            {
                if (!stemIds.TryGetValue(stem, out var id))
                {
                    stemIds[stem] = id = stemIds.Count;
                }

                words.Add(id);
                joined.AddRange(stem.AsSpan());
                joined.Add(' ');
            }

            // The stems joined by single spaces with one before and after, cut into every n characters.
            if (stems.Count > 0)
            {
                var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(joined);
                for (var i = 0; i + n <= span.Length; i++)
                {
                    var gram = span.Slice(i, n);
                    if (!gramLookup.TryGetValue(gram, out var id))
                    {
                        id = gramIds.Count;
                        gramLookup[gram] = id;
                    }

                    grams.Add(id);
                }
            }

            words.EndText();
            grams.EndText();
        }

        var vocabulary = new string[stemIds.Count];
        foreach (var (stem, id) in stemIds)
        {
            vocabulary[id] = stem;
        }

        return new FactorVectors(vocabulary, words.Weigh(), grams.Weigh(), method);
    }

    /// <summary>The distinct stems of text <paramref name="i"/> (in order of first appearance across the set).</summary>
    public IReadOnlyList<string> StemsOf(int i) => [.. words.KeysOf(i).ToArray().Select(id => vocabulary[id])];

    /// <summary>The stem ids of text <paramref name="i"/> (for finding candidates that share a stem).</summary>
    public IReadOnlyList<int> WordFeatures(int i) => new ArraySegment<int>(words.Keys, words.Starts[i], words.Starts[i + 1] - words.Starts[i]);

    /// <summary>The similarity of texts <paramref name="a"/> and <paramref name="b"/>, from 0 to 1.</summary>
    public double Similarity(int a, int b) =>
        (method.WordWeight * Cosine(words, a, b)) + ((1 - method.WordWeight) * Cosine(grams, a, b));

    /// <summary>
    /// The member of <paramref name="sample"/> with the highest sum of similarities to the others (the first on a tie), exactly as
    /// comparing every pair would find it, in about linear time: since a similarity is a weighted sum of dot products, a member's
    /// sum is its dot product with the sum of all the sample's vectors, less its own; that estimate (equal up to rounding) keeps
    /// the members within rounding of the best, and only those are scored pair by pair, as before (issue 10: a group of 200 made
    /// 39,800 comparisons, most of <c>stats</c>' fixed cost).
    /// </summary>
    public int Medoid(IReadOnlyList<int> sample)
    {
        var wordSum = Sum(words, sample);
        var gramSum = Sum(grams, sample);
        var estimates = new double[sample.Count];
        var top = double.MinValue;
        for (var i = 0; i < sample.Count; i++)
        {
            var m = sample[i];
            estimates[i] = (method.WordWeight * (Dot(words, m, wordSum) - Square(words, m))) + ((1 - method.WordWeight) * (Dot(grams, m, gramSum) - Square(grams, m)));
            top = Math.Max(top, estimates[i]);
        }

        // Each of the n similarities is off by a few units in the last place at most, and so is the estimate's sum. A member
        // within that margin of the top is scored as before, in the same order; copies of one text (the same vector) share the
        // similarities but not the sum, whose rounding depends on where the member itself is left out.
        var margin = 1e-9 * Math.Max(1, sample.Count);
        int best = -1;
        var bestScore = double.MinValue;
        var rows = new List<(int Member, double[] Row)>();
        for (var i = 0; i < sample.Count; i++)
        {
            if (estimates[i] < top - margin)
            {
                continue;
            }

            var m = sample[i];
            var row = rows.FirstOrDefault(r => SameVector(r.Member, m)).Row;
            if (row is null)
            {
                row = [.. sample.Select(o => Similarity(m, o))];
                rows.Add((m, row));
            }

            var score = 0.0;
            for (var o = 0; o < sample.Count; o++)
            {
                score += sample[o] == m ? 0 : row[o];
            }

            if (score > bestScore || (score == bestScore && m < best))
            {
                (best, bestScore) = (m, score);
            }
        }

        return best;
    }

    /// <summary>The stems most of <paramref name="members"/> share (two at least), most shared first, then in ordinal order; at most <paramref name="count"/>.</summary>
    public IReadOnlyList<string> SharedStems(IReadOnlyList<int> members, int count)
    {
        var shared = new Dictionary<int, int>();
        foreach (var m in members)
        {
            foreach (var id in words.KeysOf(m))
            {
                shared[id] = shared.GetValueOrDefault(id) + 1;
            }
        }

        return [.. shared.Where(s => s.Value > 1).OrderByDescending(s => s.Value).ThenBy(s => vocabulary[s.Key], StringComparer.Ordinal).Take(count).Select(s => vocabulary[s.Key])];
    }

    private static Dictionary<int, double> Sum(Flat flat, IReadOnlyList<int> sample)
    {
        var sum = new Dictionary<int, double>();
        foreach (var t in sample)
        {
            var keys = flat.KeysOf(t);
            var values = flat.ValuesOf(t);
            for (var k = 0; k < keys.Length; k++)
            {
                sum[keys[k]] = sum.GetValueOrDefault(keys[k]) + values[k];
            }
        }

        return sum;
    }

    private static double Dot(Flat flat, int t, Dictionary<int, double> sum)
    {
        var keys = flat.KeysOf(t);
        var values = flat.ValuesOf(t);
        var dot = 0.0;
        for (var k = 0; k < keys.Length; k++)
        {
            dot += values[k] * sum[keys[k]];
        }

        return dot;
    }

    private static double Square(Flat flat, int t)
    {
        var dot = 0.0;
        foreach (var v in flat.ValuesOf(t))
        {
            dot += v * v;
        }

        return dot;
    }

    private bool SameVector(int a, int b) =>
        words.KeysOf(a).SequenceEqual(words.KeysOf(b)) && words.ValuesOf(a).SequenceEqual(words.ValuesOf(b))
        && grams.KeysOf(a).SequenceEqual(grams.KeysOf(b)) && grams.ValuesOf(a).SequenceEqual(grams.ValuesOf(b));

    private static double Cosine(Flat flat, int a, int b)
    {
        var ak = flat.KeysOf(a);
        var bk = flat.KeysOf(b);
        var av = flat.ValuesOf(a);
        var bv = flat.ValuesOf(b);
        double sum = 0;
        int i = 0, j = 0;
        while (i < ak.Length && j < bk.Length)
        {
            var c = ak[i].CompareTo(bk[j]);
            if (c == 0)
            {
                sum += av[i++] * bv[j++];
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

    /// <summary>Sparse vectors of many texts: text t's feature ids (sorted) and weights are at [Starts[t], Starts[t + 1]).</summary>
    private sealed record Flat(int[] Starts, int[] Keys, double[] Values)
    {
        public ReadOnlySpan<int> KeysOf(int t) => Keys.AsSpan(Starts[t], Starts[t + 1] - Starts[t]);

        public ReadOnlySpan<double> ValuesOf(int t) => Values.AsSpan(Starts[t], Starts[t + 1] - Starts[t]);
    }

    /// <summary>Counts each text's features (term frequency) and each feature's texts (document frequency), one text at a time.</summary>
    private sealed class Counter(int texts)
    {
        private readonly Dictionary<int, int> current = [];
        private readonly List<int> df = [];
        private readonly List<int> keys = [];
        private readonly List<int> counts = [];
        private readonly int[] starts = new int[texts + 1];
        private int text;

        public void Add(int id)
        {
            if (current.TryGetValue(id, out var c))
            {
                current[id] = c + 1;
                return;
            }

            current[id] = 1;
            while (df.Count <= id)
            {
                df.Add(0);
            }

            df[id]++;
        }

        public void EndText()
        {
            var start = keys.Count;
            keys.AddRange(current.Keys);
            keys.Sort(start, keys.Count - start, null);
            for (var k = start; k < keys.Count; k++)
            {
                counts.Add(current[keys[k]]);
            }

            current.Clear();
            starts[++text] = keys.Count;
        }

        public Flat Weigh()
        {
            var n = text;
            var values = new double[keys.Count];
            for (var t = 0; t < n; t++)
            {
                // Sub-linear term frequency and smoothed IDF, as scikit-learn's TfidfVectorizer(smooth_idf, sublinear_tf).
                var (from, to) = (starts[t], starts[t + 1]);
                double squares = 0;
                for (var k = from; k < to; k++)
                {
                    values[k] = (1 + Math.Log(counts[k])) * (Math.Log((1.0 + n) / (1.0 + df[keys[k]])) + 1);
                    squares += values[k] * values[k];
                }

                var norm = Math.Sqrt(squares);
                for (var k = from; k < to && norm > 0; k++)
                {
                    values[k] /= norm;
                }
            }

            return new Flat(starts, [.. keys], values);
        }
    }
}
