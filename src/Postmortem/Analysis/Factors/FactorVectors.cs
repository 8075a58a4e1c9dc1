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
        // Each text's stems as ids, in order with repeats (the n-grams are cut from them again in the second pass).
        var stemIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var sequence = new List<int>();
        var sequenceStarts = new int[texts.Count + 1];
        for (var t = 0; t < texts.Count; t++)
        {
            foreach (var stem in FactorText.Stems(texts[t]))
            {
                if (!stemIds.TryGetValue(stem, out var id))
                {
                    stemIds[stem] = id = stemIds.Count;
                }

                sequence.Add(id);
            }

            sequenceStarts[t + 1] = sequence.Count;
        }

        var vocabulary = new string[stemIds.Count];
        foreach (var (stem, id) in stemIds)
        {
            vocabulary[id] = stem;
        }

        // Two passes: the first counts each text's distinct features and each feature's texts, so the second writes them into
        // arrays of their final size (issue 10: growing lists and copying them was most of the first stats' peak at 100,000).
        var gramIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new Counter(texts.Count);
        var grams = new Counter(texts.Count);
        var joined = new List<char>();
        for (var pass = 0; pass < 2; pass++)
        {
            for (var t = 0; t < texts.Count; t++)
            {
                var stems = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sequence)[sequenceStarts[t]..sequenceStarts[t + 1]];
                foreach (var id in stems)
                {
                    words.Add(id);
                }

                Grams(stems, vocabulary, method.GramLength, joined, gramIds, grams);
                words.EndText();
                grams.EndText();
            }

            words.EndPass();
            grams.EndPass();
        }

        return new FactorVectors(vocabulary, words.Weigh(), grams.Weigh(), method);
    }

    // The stems joined by single spaces with one before and after, cut into every n characters.
    private static void Grams(ReadOnlySpan<int> stems, string[] vocabulary, int n, List<char> joined, Dictionary<string, int> gramIds, Counter grams)
    {
        if (stems.IsEmpty)
        {
            return;
        }

        joined.Clear();
        joined.Add(' ');
        foreach (var id in stems)
        {
            joined.AddRange(vocabulary[id].AsSpan());
            joined.Add(' ');
        }

        var lookup = gramIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(joined);
        for (var i = 0; i + n <= span.Length; i++)
        {
            var gram = span.Slice(i, n);
            if (!lookup.TryGetValue(gram, out var id))
            {
                id = gramIds.Count;
                lookup[gram] = id;
            }

            grams.Add(id);
        }
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
            for (var k = 0; k < keys.Length; k++)
            {
                sum[keys[k]] = sum.GetValueOrDefault(keys[k]) + flat.Value(t, k);
            }
        }

        return sum;
    }

    private static double Dot(Flat flat, int t, Dictionary<int, double> sum)
    {
        var keys = flat.KeysOf(t);
        var dot = 0.0;
        for (var k = 0; k < keys.Length; k++)
        {
            dot += flat.Value(t, k) * sum[keys[k]];
        }

        return dot;
    }

    private static double Square(Flat flat, int t)
    {
        var dot = 0.0;
        for (var k = 0; k < flat.KeysOf(t).Length; k++)
        {
            var v = flat.Value(t, k);
            dot += v * v;
        }

        return dot;
    }

    private bool SameVector(int a, int b) =>
        words.SameVector(a, b) && grams.SameVector(a, b);

    private static double Cosine(Flat flat, int a, int b)
    {
        var ak = flat.KeysOf(a);
        var bk = flat.KeysOf(b);
        double sum = 0;
        int i = 0, j = 0;
        while (i < ak.Length && j < bk.Length)
        {
            var c = ak[i].CompareTo(bk[j]);
            if (c == 0)
            {
                sum += flat.Value(a, i++) * flat.Value(b, j++);
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

    /// <summary>
    /// Sparse vectors of many texts: text t's feature ids (sorted) and their counts are at [Starts[t], Starts[t + 1]). A weight is
    /// computed when read, from the count, the feature's IDF and the text's norm, by the same operations in the same order as when
    /// the weights were stored, so it is the same double (a stored weight was 8 bytes per feature, 60 MB of n-grams at 150,000 texts).
    /// </summary>
    private sealed class Flat(int[] starts, int[] keys, int[] counts, double[] idf, double[] norms)
    {
        // 1 + ln(count) for the counts that occur most.
        private static readonly double[] SmallTf = [.. Enumerable.Range(0, 64).Select(c => 1 + Math.Log(c))];

        public int[] Starts => starts;

        public int[] Keys => keys;

        public ReadOnlySpan<int> KeysOf(int t) => keys.AsSpan(starts[t], starts[t + 1] - starts[t]);

        /// <summary>Text t's weight of its i-th feature: sub-linear term frequency and smoothed IDF, as scikit-learn's TfidfVectorizer(smooth_idf, sublinear_tf), over the text's norm.</summary>
        public double Value(int t, int i)
        {
            var k = starts[t] + i;
            var value = Raw(k);
            var norm = norms[t];
            return norm > 0 ? value / norm : value;
        }

        public bool SameVector(int a, int b)
        {
            if (!KeysOf(a).SequenceEqual(KeysOf(b)))
            {
                return false;
            }

            for (var i = 0; i < KeysOf(a).Length; i++)
            {
                if (Value(a, i) != Value(b, i))
                {
                    return false;
                }
            }

            return true;
        }

        public double Raw(int k) => (counts[k] < SmallTf.Length ? SmallTf[counts[k]] : 1 + Math.Log(counts[k])) * idf[keys[k]];
    }

    /// <summary>
    /// Counts each text's features (term frequency) and each feature's texts (document frequency), one text at a time, in two
    /// passes over the same features: the first counts, the second writes each text's sorted ids and counts into arrays of the
    /// size the first pass found.
    /// </summary>
    private sealed class Counter(int texts)
    {
        private readonly Dictionary<int, int> current = [];
        private readonly List<int> df = [];
        private readonly int[] starts = new int[texts + 1];
        private int[]? keys;
        private int[]? counts;
        private int text;

        private bool Filling => keys is not null;

        public void Add(int id)
        {
            if (current.TryGetValue(id, out var c))
            {
                current[id] = c + 1;
                return;
            }

            current[id] = 1;
            if (Filling)
            {
                return;
            }

            while (df.Count <= id)
            {
                df.Add(0);
            }

            df[id]++;
        }

        public void EndText()
        {
            var start = starts[text];
            if (Filling)
            {
                var at = start;
                foreach (var key in current.Keys)
                {
                    keys![at++] = key;
                }

                Array.Sort(keys!, start, current.Count);
                for (var k = start; k < at; k++)
                {
                    counts![k] = current[keys![k]];
                }
            }
            else
            {
                starts[text + 1] = start + current.Count;
            }

            current.Clear();
            text++;
        }

        public void EndPass()
        {
            if (!Filling)
            {
                keys = new int[starts[text]];
                counts = new int[starts[text]];
            }

            text = 0;
        }

        public Flat Weigh()
        {
            var n = starts.Length - 1;
            var idf = new double[df.Count];
            for (var f = 0; f < idf.Length; f++)
            {
                idf[f] = Math.Log((1.0 + n) / (1.0 + df[f])) + 1;
            }

            var norms = new double[n];
            var flat = new Flat(starts, keys!, counts!, idf, norms);
            for (var t = 0; t < n; t++)
            {
                double squares = 0;
                for (var k = starts[t]; k < starts[t + 1]; k++)
                {
                    var value = flat.Raw(k);
                    squares += value * value;
                }

                norms[t] = Math.Sqrt(squares);
            }

            return flat;
        }
    }
}
