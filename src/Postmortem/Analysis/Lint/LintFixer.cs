using System.Text;

namespace Postmortem.Analysis.Lint;

/// <summary>
/// The safe rewrites of <c>lint --fix</c>: roster names and @handles become roles, and hindsight words are
/// removed where the sentence stays grammatical. Everything else needs a person's judgement.
/// </summary>
public static class LintFixer
{
    /// <summary>Lints and fixes <paramref name="text"/> until nothing more can be fixed (at most three passes: a removed
    /// "Obviously," can put a name at the start of a sentence, where its role needs a capital).</summary>
    public static (string Text, int Edits) FixFile(string file, string text, LintOptions options)
    {
        var total = 0;
        for (var pass = 0; pass < 3; pass++)
        {
            var (next, edits) = Apply(text, Linter.LintFile(file, text, options));
            if (edits == 0)
            {
                break;
            }

            text = next;
            total += edits;
        }

        return (text, total);
    }

    /// <summary>Applies every fixable finding to <paramref name="text"/>; returns the new text and how many edits were made.</summary>
    public static (string Text, int Edits) Apply(string text, IEnumerable<LintFinding> findings)
    {
        var edits = new List<(int Start, int Length, string Replacement)>();
        foreach (var f in findings.Where(f => f.Fix is not null && f.Offset >= 0 && f.Offset + f.Length <= text.Length).OrderBy(f => f.Offset))
        {
            if (edits.Count > 0 && edits[^1].Start + edits[^1].Length > f.Offset)
            {
                continue; // Overlapping findings: the first wins; a second run picks up the rest.
            }

            // A name right after a removed sentence opener ("Obviously, Priya …") now starts the sentence.
            var opensSentence = StartsSentence(text, f.Offset)
                || (edits.Count > 0 && edits[^1].Replacement.Length == 0 && edits[^1].Start + edits[^1].Length == f.Offset && StartsSentence(text, edits[^1].Start));
            var edit = f.Rule == LintRules.PersonName ? Role(f, opensSentence) : f.Rule == LintRules.Hindsight ? Removal(text, f) : null;
            if (edit is { } e)
            {
                edits.Add(e);
            }
        }

        // Edits are in order and never overlap: copy the text between them once (editing a StringBuilder in
        // place moved the rest of the text for every edit, quadratic on a long document).
        var b = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, length, replacement) in edits)
        {
            b.Append(text, at, Math.Max(0, start - at)).Append(replacement);
            at = Math.Max(at, start + length);
        }

        return (b.Append(text, at, text.Length - at).ToString(), edits.Count);
    }

    private static (int, int, string)? Role(LintFinding f, bool opensSentence)
    {
        if (string.IsNullOrEmpty(f.Fix))
        {
            return null; // A handle not on the roster: no role to put in its place.
        }

        var role = char.ToLowerInvariant(f.Fix[0]) + f.Fix[1..];
        var phrase = (opensSentence ? "The " : "the ") + role;
        return (f.Offset, f.Length, phrase);
    }

    private static (int, int, string)? Removal(string text, LintFinding f)
    {
        var start = f.Offset;
        var end = f.Offset + f.Length;
        var atStart = StartsSentence(text, start);
        if (end < text.Length && text[end] == ',')
        {
            end++; // "Obviously, the cache …"
        }

        while (end < text.Length && text[end] == ' ')
        {
            end++;
        }

        if (!atStart)
        {
            // "it was clearly broken" → "it was broken": drop the space before the word, keep the one after.
            if (start > 0 && text[start - 1] == ' ' && end > start && text[end - 1] == ' ')
            {
                start--;
                end--;
            }
        }

        if (end >= text.Length || end == start)
        {
            return null;
        }

        // Capitalise the word that now starts the sentence.
        if (atStart && char.IsLower(text[end]))
        {
            return (start, end - start + 1, char.ToUpperInvariant(text[end]).ToString());
        }

        return (start, end - start, string.Empty);
    }

    private static bool StartsSentence(string text, int offset)
    {
        var i = offset - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or '*' or '_')
        {
            i--;
        }

        return i < 0 || text[i] is '.' or '!' or '?' or '\n' or '|' or ':' or '-' or '>' or '"';
    }
}
