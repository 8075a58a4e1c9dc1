using System.Runtime.InteropServices;

namespace Postmortem.Analysis;

/// <summary>
/// Phrases written once in base form ("restore service") that match their inflections and word orders ("service was
/// restored", "restoring service", "services have been restored"): every word of the phrase, by its base
/// (<see cref="WordStems"/>), in one clause, spanning at most three more words than the phrase has, with no negation between
/// them ("service was not restored" does not match). The words come in the phrase's order, or with its first word (the verb)
/// last in a form that is not <c>-ing</c> (a passive: "the storage team was paged in", "services restored"; not "customers are
/// emailing" for "email customer"). "the", "a" and "an" in a phrase are optional.
/// </summary>
/// <remarks>
/// Reversed order because English puts an action's object first in the passive, and postmortems are full of passives. A clause ends at a sentence or clause mark (<c>. , ; : ! ?</c>, brackets, a dash
/// between spaces, a line break) or a clause word ("but", "however", "while", "after", "because", "which", "until").
/// </remarks>
internal sealed class WordPhrases
{
    /// <summary>How many words more than the phrase's own a match may span.</summary>
    public const int ExtraWords = 3;

    private readonly Vocabulary vocabulary;
    private readonly List<int[]> phrases = [];

    /// <summary>Compiles <paramref name="pattern"/>: phrases separated by <c>|</c>, words separated by spaces.</summary>
    public WordPhrases(string pattern, Vocabulary vocabulary)
    {
        this.vocabulary = vocabulary;

        // Written out rather than Where/Select/Distinct/ToArray: the built-in lexicon's phrases are made at every start, and the
        // query cost a draft of Meridian 1.3 M instructions (a set per phrase) against the few words of a phrase.
        var ids = new List<int>(4);
        foreach (var phrase in pattern.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            ids.Clear();
            foreach (var w in Words(phrase))
            {
                if (w is "the" or "a" or "an")
                {
                    continue;
                }

                var id = vocabulary.Add(WordStems.Base(w));
                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }

            if (ids.Count > 0)
            {
                phrases.Add([.. ids]);
            }
        }
    }

    /// <summary>The words of a phrase as a team or the built-in table writes it (letters, digits and apostrophes).</summary>
    public static IEnumerable<string> Words(string phrase)
    {
        var start = -1;
        for (var i = 0; i <= phrase.Length; i++)
        {
            var inWord = i < phrase.Length && (char.IsLetterOrDigit(phrase[i]) || (phrase[i] is '\'' or '’' or '-' && start >= 0));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return phrase[start..i];
                start = -1;
            }
        }
    }

    /// <summary>
    /// Every match in <paramref name="tokens"/>, by position: its start and length in the text, and whether a word of it is
    /// an <c>-ing</c> form (an action or recovery under way: "restoring service").
    /// </summary>
    public List<(int Index, int Length, bool Ing)> Matches(List<Token> tokens)
    {
        // The tokens as a span and a phrase's few ids searched by hand: through the list's interface and Array.IndexOf the
        // search cost a draft of Meridian 0.4 M of its 0.75 M instructions here (8,000 look-ups of one to four ids).
        var span = CollectionsMarshal.AsSpan(tokens);
        var found = new List<(int, int, bool)>();
        foreach (var ids in phrases)
        {
            for (var i = 0; i < span.Length; i++)
            {
                if (span[i].Id < 0 || IndexOf(ids, span[i].Id) < 0)
                {
                    continue;
                }

                if (Match(span, i, ids) is { } m)
                {
                    found.Add(m);
                    break;
                }
            }
        }

        found.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return found;
    }

    private static int IndexOf(int[] ids, int id)
    {
        for (var k = 0; k < ids.Length; k++)
        {
            if (ids[k] == id)
            {
                return k;
            }
        }

        return -1;
    }

    private static (int, int, bool)? Match(ReadOnlySpan<Token> tokens, int first, int[] ids)
    {
        var need = ids.Length;
        Span<bool> seen = stackalloc bool[ids.Length];

        // The aspect is the first inflected verb's: "we stopped seeing errors" is done, "we are restoring service" under way.
        bool? ing = null;
        var limit = Math.Min(tokens.Length, first + ids.Length + ExtraWords);
        for (var j = first; j < limit; j++)
        {
            var t = tokens[j];
            if (t.Clause != tokens[first].Clause || (t.Negation && IndexOf(ids, t.Id) < 0))
            {
                return null;
            }

            var k = IndexOf(ids, t.Id);
            if (k >= 0 && !seen[k])
            {
                // Out of order only as a passive: "service was restored", "services restored" — not "customers are emailing",
                // whose subject is the phrase's object ("email customer").
                // Nor "a customer emails staff": a verb's -s form is never a passive's participle, so its subject is not the
                // phrase's object.
                if (k == 0 && j > first && (t.Ing || t.PresentS))
                {
                    return null;
                }

                // "Order emails delayed for all customers": the verb's word written with -s and followed by a participle of a
                // word outside the phrase, the participle then followed by a preposition or the clause's end, is a noun with a
                // verb of its own, not the phrase's action; "emails affected customers", "emails affected enterprise
                // customers" (the participle an adjective before a noun) stay the action.
                if (k == 0 && j == first && t.PresentS && j + 2 < tokens.Length && tokens[j + 1].Clause == t.Clause
                    && IndexOf(ids, tokens[j + 1].Id) < 0 && tokens[j + 1].Participle && IndexOf(ids, tokens[j + 2].Id) < 0
                    && (tokens[j + 2].Particle || tokens[j + 2].Clause != t.Clause))
                {
                    return null;
                }

                seen[k] = true;
                ing ??= t.Ing ? true : t.Past ? false : null;
                if (--need == 0)
                {
                    return (tokens[first].Start, t.End - tokens[first].Start, ing ?? false);
                }
            }
        }

        return null;
    }

    /// <summary>One word of a text: where it is, its clause, its base's id in the vocabulary (-1 when no phrase uses it), and its form.</summary>
    internal readonly record struct Token(int Start, int End, int Clause, int Id, bool Ing, bool Negation, bool Past = false, bool PresentS = false, bool Participle = false, bool Particle = false);

    /// <summary>The bases the phrases of one lexicon use, each with an id; a text is read into tokens once for all of them.</summary>
    internal sealed class Vocabulary
    {
        private static readonly HashSet<string> Negations = new(
            ["not", "no", "never", "without", "nothing", "nobody", "none", "nor", "neither", "dont", "didnt", "doesnt", "isnt", "arent", "wasnt", "werent", "hasnt", "havent", "hadnt", "cant", "cannot", "couldnt", "wont", "wouldnt", "n't"],
            StringComparer.Ordinal);

        // Words after a participle that make it a verb of its own ("emails delayed for all customers", "restarts failed again"),
        // not an adjective on a noun ("emails affected enterprise customers").
        private static readonly HashSet<string> Particles = new(
            ["for", "to", "in", "on", "at", "by", "from", "behind", "since", "before", "during", "again", "with", "over", "across", "through", "into", "overnight", "twice", "repeatedly"],
            StringComparer.Ordinal);

        private static readonly HashSet<string> ClauseWords = new(["but", "however", "while", "after", "because", "which", "until", "although", "though"], StringComparer.Ordinal);
        private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegationLookup = Negations.GetAlternateLookup<ReadOnlySpan<char>>();
        private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseLookup = ClauseWords.GetAlternateLookup<ReadOnlySpan<char>>();
        private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticleLookup = Particles.GetAlternateLookup<ReadOnlySpan<char>>();

        private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);

        /// <summary>The id of <paramref name="stem"/>, added when new.</summary>
        public int Add(string stem)
        {
            if (!ids.TryGetValue(stem, out var id))
            {
                id = ids.Count;
                ids[stem] = id;
            }

            return id;
        }

        /// <summary>True when no phrase was added.</summary>
        public bool IsEmpty => ids.Count == 0;

        /// <summary>The words of <paramref name="text"/>, each with its clause number and its base's id.</summary>
        public List<Token> Read(string text)
        {
            var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
            var tokens = new List<Token>();
            Span<char> lower = stackalloc char[WordStems.MaxWord];
            Span<char> stem = stackalloc char[WordStems.MaxWord];
            var clause = 0;
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (!char.IsLetterOrDigit(c))
                {
                    if (ClauseMark(text, i))
                    {
                        clause++;
                    }

                    i++;
                    continue;
                }

                var start = i;
                // A hyphen inside a word joins ("scale-up", "roll-out"): a compound noun is not the verb phrase.
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start)))
                {
                    i++;
                }

                var n = WordStems.Lower(text.AsSpan(start, i - start), lower);
                if (n < 0)
                {
                    tokens.Add(new Token(start, i, clause, -1, false, false));
                    continue;
                }

                var word = lower[..n];
                if (ClauseLookup.Contains(word))
                {
                    clause++;
                    continue;
                }

                var negation = NegationLookup.Contains(word);
                var length = WordStems.Base(word, stem);
                var id = lookup.TryGetValue(stem[..length], out var found) ? found : -1;
                var ingForm = WordStems.IsIng(word);
                var past = WordStems.IsPast(word);
                tokens.Add(new Token(start, i, clause, id, ingForm, negation, id >= 0 && past, id >= 0 && !past && length < n && word[^1] == 's', past || ingForm, ParticleLookup.Contains(word)));
            }

            return tokens;
        }

        // A sentence or clause mark: . ! ? followed by a space or the end, , ; : followed by a space, brackets, a line break, a dash between spaces.
        private static bool ClauseMark(string text, int i)
        {
            var c = text[i];
            var spaceNext = i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]);
            return c switch
            {
                '.' or '!' or '?' or ',' or ';' or ':' => spaceNext,
                '\n' or '(' or ')' or '[' or ']' or '|' => true,
                '-' or '–' or '—' => i > 0 && char.IsWhiteSpace(text[i - 1]) && spaceNext,
                _ => false,
            };
        }
    }
}
