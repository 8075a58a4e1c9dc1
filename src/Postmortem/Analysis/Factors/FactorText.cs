using System.Globalization;
using System.Text;

namespace Postmortem.Analysis.Factors;

/// <summary>
/// A contributing factor's text reduced to the stems that say what the cause was (docs/metrics.md, recurring
/// factors): lower case, letters and digits only, a few spellings of one thing made one word, stop words dropped,
/// suffixes stripped. Written by hand because it is small and must be the same on every build (no ML runtime).
/// </summary>
internal static class FactorText
{
    // Words that say nothing about which cause it was: English function words and the filler of postmortem prose.
    private static readonly HashSet<string> StopWords = new(
        [
            "a", "about", "after", "again", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "being", "between",
            "both", "but", "by", "can", "could", "did", "do", "does", "during", "each", "either", "enough", "even", "for", "from", "had",
            "has", "have", "having", "how", "if", "in", "into", "is", "it", "its", "itself", "just", "least", "less", "more", "most", "much",
            "neither", "no", "nor", "not", "of", "off", "on", "once", "one", "only", "or", "other", "our", "out", "over", "own", "per",
            "same", "several", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
            "this", "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "were", "what",
            "when", "where", "whether", "which", "while", "who", "whom", "why", "will", "with", "within", "without", "would", "yet",
            "never", "nobody", "none", "nothing", "already", "because", "since", "still", "instead", "across", "against", "among",
            "caused", "cause", "causing", "led", "lead", "leading", "result", "resulted", "resulting", "due", "existed", "exist", "exists",
            "place", "time", "times", "way", "made", "make", "making", "used", "use", "using", "able", "unable", "given",
        ],
        StringComparer.Ordinal);

    // One spelling for the abbreviations and variants postmortems use for the same thing.
    private static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["db"] = "database", ["dbs"] = "database", ["k8s"] = "kubernetes", ["config"] = "configuration", ["configs"] = "configuration",
        ["cert"] = "certificate", ["certs"] = "certificate", ["ssl"] = "tls", ["expiry"] = "expire", ["expiration"] = "expire",
        ["oom"] = "memory", ["conn"] = "connection", ["conns"] = "connection", ["repo"] = "repository", ["env"] = "environment",
        ["prod"] = "production", ["ttl"] = "ttl", ["paging"] = "page", ["pager"] = "page", ["paged"] = "page",
        ["runbooks"] = "runbook", ["playbook"] = "runbook", ["playbooks"] = "runbook", ["dashboards"] = "dashboard",
        ["rollout"] = "deploy", ["rollouts"] = "deploy", ["release"] = "deploy", ["released"] = "deploy", ["releases"] = "deploy",
        ["shipped"] = "deploy", ["pushed"] = "deploy", ["push"] = "deploy",
    };

    // Longest first; each strips to a stem of at least three letters.
    private static readonly (string Suffix, string Replacement)[] Suffixes =
    [
        ("izations", "ize"), ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("iveness", "ive"), ("ousness", "ous"),
        ("ements", string.Empty), ("ement", string.Empty), ("ments", string.Empty), ("ment", string.Empty), ("ations", string.Empty),
        ("ation", string.Empty), ("itions", string.Empty), ("ition", string.Empty), ("sions", "s"), ("sion", "s"), ("tions", "t"), ("tion", "t"),
        ("ities", string.Empty), ("ity", string.Empty), ("ings", string.Empty), ("ing", string.Empty), ("edly", string.Empty),
        ("ied", "y"), ("ies", "y"), ("ers", string.Empty), ("er", string.Empty), ("ed", string.Empty), ("ly", string.Empty),
        ("ures", string.Empty), ("ure", string.Empty), ("als", string.Empty), ("al", string.Empty), ("es", string.Empty), ("s", string.Empty),
    ];

    /// <summary>The stems of <paramref name="text"/>, in order, with repeats.</summary>
    public static IReadOnlyList<string> Stems(string? text)
    {
        var stems = new List<string>();
        foreach (var word in Words(text))
        {
            var spelled = Spellings.GetValueOrDefault(word, word);
            if (StopWords.Contains(spelled) || spelled.Length < 2)
            {
                continue;
            }

            stems.Add(Stem(spelled));
        }

        return stems;
    }

    /// <summary>Strips one suffix (longest first) and the doubled consonant or final e it leaves; digits and short words are kept as they are.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 4 || word.Any(char.IsDigit) || word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word;
        }

        var stem = word;
        foreach (var (suffix, replacement) in Suffixes)
        {
            // As Porter2: a final s after u or i is part of the word (status, redis, analysis), not a plural.
            if (suffix == "s" && (word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal)))
            {
                break;
            }

            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length + replacement.Length >= 3)
            {
                stem = word[..^suffix.Length] + replacement;
                break;
            }
        }

        // stopped → stopp → stop; cached and cache → cach.
        if (stem.Length > 3 && stem[^1] == stem[^2] && "bdfgmnprt".Contains(stem[^1], StringComparison.Ordinal))
        {
            stem = stem[..^1];
        }

        if (stem.Length > 3 && stem[^1] == 'e')
        {
            stem = stem[..^1];
        }

        return stem;
    }

    private static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var b = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                b.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (c is '\'' or '’')
            {
                // don't → dont, service's → services: an apostrophe joins, it does not split.
                continue;
            }
            else if (b.Length > 0)
            {
                yield return b.ToString();
                b.Clear();
            }
        }

        if (b.Length > 0)
        {
            yield return b.ToString();
        }
    }
}
