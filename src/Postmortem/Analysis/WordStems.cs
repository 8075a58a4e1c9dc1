namespace Postmortem.Analysis;

/// <summary>
/// The base of an English word for the kind lexicon's word phrases (docs/analysis.md, "Word phrases"): inflections
/// only — plural and third-person <c>-s</c>/<c>-es</c>, <c>-ed</c>, <c>-ing</c>, a table of irregular verbs — so that
/// "restore", "restored", "restores" and "restoring" share one base, while "recovery" and "recover" (derivation, a
/// different meaning in incident prose: "signs of recovery" is not "recovered") do not.
/// </summary>
/// <remarks>
/// Not <see cref="Factors.FactorText.Stem"/>: that one also strips derivations (<c>-ation</c>, <c>-ment</c>) and keeps
/// short words as they are (so "page" and "paged" differ), which suits grouping causes, not reading verbs. Written by hand:
/// the only served stemmers come with Lucene.Net (a pre-release search engine in the NativeAOT binary); the rules below are
/// the inflectional part of Porter's, applied the same way to a phrase and to the text, so a word that stems oddly
/// ("speed" → "spe") still meets its own inflections.
/// </remarks>
internal static class WordStems
{
    /// <summary>Longest word stemmed; longer tokens (hashes, URLs) are never phrase words.</summary>
    public const int MaxWord = 40;

    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["went"] = "go", ["gone"] = "go", ["goes"] = "go", ["going"] = "go",
        ["came"] = "come", ["brought"] = "bring", ["took"] = "take", ["taken"] = "take",
        ["fell"] = "fall", ["fallen"] = "fall", ["began"] = "begin", ["begun"] = "begin", ["ran"] = "run",
        ["got"] = "get", ["gotten"] = "get", ["saw"] = "see", ["seen"] = "see", ["lost"] = "lose",
        ["rose"] = "rise", ["risen"] = "rise", ["grew"] = "grow", ["grown"] = "grow", ["woke"] = "wake", ["woken"] = "wake",
        ["held"] = "hold", ["kept"] = "keep", ["sent"] = "send", ["spun"] = "spin", ["told"] = "tell", ["found"] = "find",
        ["made"] = "make", ["broke"] = "break", ["broken"] = "break", ["froze"] = "freeze", ["frozen"] = "freeze",
        ["threw"] = "throw", ["thrown"] = "throw", ["wrote"] = "write", ["written"] = "write", ["rang"] = "ring",
        ["blew"] = "blow", ["blown"] = "blow", ["shot"] = "shoot", ["stood"] = "stand", ["understood"] = "understand",
        ["hung"] = "hang", ["caught"] = "catch", ["sought"] = "seek", ["thought"] = "think", ["left"] = "leave",
        ["dealt"] = "deal", ["meant"] = "mean", ["felt"] = "feel", ["led"] = "lead", ["fed"] = "feed", ["shed"] = "shed",
        ["was"] = "be", ["were"] = "be", ["is"] = "be", ["are"] = "be", ["am"] = "be", ["been"] = "be", ["being"] = "be",
        ["has"] = "have", ["had"] = "have", ["having"] = "have", ["did"] = "do", ["does"] = "do", ["done"] = "do",
        ["agreed"] = "agree", ["freed"] = "free", ["needed"] = "need", ["needs"] = "need", ["needing"] = "need",
    };

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> IrregularLookup = Irregular.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The base of <paramref name="word"/> (any case).</summary>
    public static string Base(string word)
    {
        Span<char> lower = stackalloc char[MaxWord];
        Span<char> dest = stackalloc char[MaxWord];
        var n = Lower(word.AsSpan(), lower);
        return n < 0 ? word.ToLowerInvariant() : new string(dest[..Base(lower[..n], dest)]);
    }

    /// <summary>Writes the lower-case letters and digits of <paramref name="word"/> (apostrophes dropped) to <paramref name="dest"/>; -1 when too long.</summary>
    public static int Lower(ReadOnlySpan<char> word, Span<char> dest)
    {
        var n = 0;
        foreach (var c in word)
        {
            if (c is '\'' or '’')
            {
                continue;
            }

            if (n == dest.Length)
            {
                return -1;
            }

            dest[n++] = char.ToLowerInvariant(c);
        }

        return n;
    }

    /// <summary>Writes the base of the lower-case <paramref name="word"/> to <paramref name="dest"/> and returns its length.</summary>
    public static int Base(ReadOnlySpan<char> word, Span<char> dest)
    {
        if (IrregularLookup.TryGetValue(word, out var irregular))
        {
            word = irregular;
        }

        var w = Strip(word);
        w.CopyTo(dest);
        var n = w.Length;

        // One base for what the suffix left: restor(e), stop(p), appl(y) / appl(i).
        if (n > 3 && dest[n - 1] == 'e')
        {
            n--;
        }

        if (n > 3 && dest[n - 1] == dest[n - 2] && !IsVowel(dest[n - 1]) && char.IsLetter(dest[n - 1]))
        {
            n--;
        }

        if (n > 2 && dest[n - 1] == 'y')
        {
            dest[n - 1] = 'i';
        }

        return n;
    }

    /// <summary>True for a lower-case word that ends in <c>-ing</c> (an action under way or a gerund), after apostrophes are dropped.</summary>
    public static bool IsIng(ReadOnlySpan<char> lower) => lower.Length > 5 && lower.EndsWith("ing", StringComparison.Ordinal) && !IrregularLookup.ContainsKey(lower);

    /// <summary>True for a lower-case word in a past form: <c>-ed</c>, or an irregular past ("went", "brought").</summary>
    public static bool IsPast(ReadOnlySpan<char> lower) =>
        (lower.Length > 4 && lower.EndsWith("ed", StringComparison.Ordinal)) || (IrregularLookup.ContainsKey(lower) && !lower.EndsWith("ing", StringComparison.Ordinal) && !lower.EndsWith("s", StringComparison.Ordinal));

    private static ReadOnlySpan<char> Strip(ReadOnlySpan<char> w)
    {
        if (w.Length <= 3 || char.IsDigit(w[0]))
        {
            return w;
        }

        if (w.EndsWith("ies") && w.Length > 4)
        {
            return w[..^2]; // replies → repli(e) → repli
        }

        if (w.EndsWith("ied") && w.Length > 4)
        {
            return w[..^2];
        }

        if (w.EndsWith("ing") && HasVowel(w[..^3]) && w.Length - 3 >= 3)
        {
            return w[..^3];
        }

        if (w.EndsWith("ed") && !w.EndsWith("eed") && HasVowel(w[..^2]) && w.Length - 2 >= 3)
        {
            return w[..^2];
        }

        if (w.EndsWith("es") && (w.EndsWith("sses") || w.EndsWith("shes") || w.EndsWith("ches") || w.EndsWith("xes") || w.EndsWith("zes")))
        {
            return w[..^2];
        }

        if (w[^1] == 's' && !(w.EndsWith("ss") || w.EndsWith("us") || w.EndsWith("is")))
        {
            return w[..^1];
        }

        return w;
    }

    private static bool HasVowel(ReadOnlySpan<char> w) => w.IndexOfAny("aeiouy") >= 0;

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
