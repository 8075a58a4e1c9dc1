using System.Buffers;
using System.Text.RegularExpressions;
using Postmortem.Ingest.Prose;
using Postmortem.Model;

namespace Postmortem.Analysis.Lint;

/// <summary>Runs the blameless rules over prose segments. Never throws on input.</summary>
public static class Linter
{
    /// <summary>Lints a whole file: an incident file (<c>.yml</c>, <c>.yaml</c>; its roster joins the configured one) or Markdown.</summary>
    public static IReadOnlyList<LintFinding> LintFile(string file, string text, LintOptions options) => LintFileWithDiagnostics(file, text, options).Findings;

    /// <summary>Lints a whole file, with the diagnostics that kept it from being read (malformed YAML, a reading limit passed).</summary>
    public static (IReadOnlyList<LintFinding> Findings, IReadOnlyList<Diagnostics.Diagnostic> Diagnostics) LintFileWithDiagnostics(string file, string text, LintOptions options)
    {
        if (file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        {
            var yaml = Ingest.Prose.YamlProse.Read(text, file);
            if (yaml.Diagnostics.Count > 0)
            {
                return ([], yaml.Diagnostics);
            }

            var roster = Ingest.Yaml.IncidentFileReader.Read(text, file).Value?.Team.Roster ?? [];
            return (Lint(file, yaml.Segments, options with { Roster = [.. options.Roster, .. roster] }), []);
        }

        var prose = Ingest.Prose.MarkdownProse.Read(text, file);
        return (Lint(file, prose.Segments, options, Suppressions.From(prose.Comments)), prose.Diagnostics);
    }

    /// <summary>Segments per parallel batch; smaller documents are linted on one thread.</summary>
    private const int Batch = 4096;

    /// <summary>Lints <paramref name="segments"/> of <paramref name="file"/>.</summary>
    /// <remarks>Segments are independent, so a large document is linted in batches on every core; the
    /// batches are joined in order and sorted stably, so the output is the same as on one thread.</remarks>
    public static IReadOnlyList<LintFinding> Lint(string file, IEnumerable<ProseSegment> segments, LintOptions options, Suppressions? suppressions = null)
    {
        var names = NamePattern(options.Roster);

        // Quoted passages ("…", “…”) are verbatim evidence, not our prose: they are never linted.
        var parts = segments.SelectMany(QuoteSplitter.Split).ToArray();
        var batches = new (LintFinding F, int I)[(parts.Length + Batch - 1) / Batch][];
        Parallel.For(0, batches.Length, new ParallelOptions { MaxDegreeOfParallelism = batches.Length > 1 ? Environment.ProcessorCount : 1 }, b =>
        {
            var found = new List<LintFinding>();
            var scratch = new List<(LintRule, int, int, string?)>();
            for (var i = b * Batch; i < Math.Min(parts.Length, (b + 1) * Batch); i++)
            {
                Check(file, parts[i], options, names, suppressions, scratch, found);
            }

            // Sorted by position (findings at the same position keep the rule order). Segments come in document
            // order and never overlap, so sorted batches joined in order are sorted as a whole.
            var ordered = found.Select((f, i) => (F: f, I: i)).ToArray();
            Array.Sort(ordered, Position.Instance);
            batches[b] = ordered;
        });

        return [.. batches.SelectMany(batch => batch.Select(p => p.F))];
    }

    private static void Check(string file, ProseSegment segment, LintOptions options, Regex? names, Suppressions? suppressions, List<(LintRule, int, int, string?)> scratch, List<LintFinding> findings)
    {
        foreach (var (rule, index, length, fix) in Matches(segment, options.Roster, names, scratch))
        {
            if (options.SeverityOf(rule) is not { } severity || !rule.Applies.Contains(segment.Context)
                || IsAllowed(segment.Text, index, length, options.Allowed) || suppressions?.IsSuppressed(rule, segment.Line) == true)
            {
                continue;
            }

            var matched = segment.Text.Substring(index, length);
            findings.Add(new LintFinding
            {
                File = file,
                Line = segment.Line,
                Column = segment.Column + index,
                Length = length,
                Offset = segment.Offset + index,
                Rule = rule,
                Severity = severity,
                Message = string.Format(System.Globalization.CultureInfo.InvariantCulture, rule.Message, matched),
                Suggestion = string.IsNullOrEmpty(fix) ? rule.Suggestion : $"{rule.Suggestion}: '{fix}'",
                Fix = fix,
            });
        }
    }

    // Cheap, vectorised word checks that let most sentences skip most rules' regular expressions.
    private static readonly SearchValues<string> CounterfactualWords = Words("have", "'ve", "if only", "had ");
    private static readonly SearchValues<string> AbsenceWords = Words("fail", "forg", "neglect", "didn't", "did not", "overlook", "ignored");
    private static readonly SearchValues<string> HumanErrorWords = Words("error", "pebkac", "fat");
    private static readonly SearchValues<string> JudgementalWords = Words("careless", "slopp", "negligen", "reckless", "incompeten", "inappropriat", "judg", "lazy", "lazi", "stupid", "dumb", "irresponsib", "know better", "amateur");
    private static readonly SearchValues<string> RootWords = Words("root");
    private static readonly SearchValues<string> HindsightWords = Words("obvious", "clear", "of course", "simpl", "just");
    private static readonly SearchValues<string> CauseWords = Words("broke", "caused", "messed", "screwed", "took down", "brought down", "blew up", "mistake", "fault", "'s error", "to blame");
    private static readonly SearchValues<string> WhoWords = Words("who");
    private static readonly SearchValues<string> PeopleActionWords = Words("careful", "training", "retrain", "remind", "attention", "try harder", "vigilant", "double", "diligent", "think before");

    private static SearchValues<string> Words(params string[] words) => SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);

    private static List<(LintRule Rule, int Index, int Length, string? Fix)> Matches(ProseSegment segment, IReadOnlyList<TeamMember> roster, Regex? names, List<(LintRule, int, int, string?)> results)
    {
        var text = segment.Text;
        var span = text.AsSpan();
        var narrative = segment.Context == ProseContext.Narrative;
        results.Clear();
        void All(Regex regex, LintRule rule, string? fix = null)
        {
            foreach (var m in regex.EnumerateMatches(text))
            {
                results.Add((rule, m.Index, m.Length, fix));
            }
        }

        if (narrative && span.ContainsAny(CounterfactualWords))
        {
            All(LintRules.CounterfactualPattern(), LintRules.Counterfactual);
        }

        if (span.ContainsAny(AbsenceWords))
        {
            foreach (var m in LintRules.AbsencePattern().EnumerateMatches(text))
            {
                if (!LintRules.SystemSubject().IsMatch(Before(text, m.Index)))
                {
                    results.Add((LintRules.AbsenceAsFault, m.Index, m.Length, null));
                }
            }
        }

        if (span.ContainsAny(HumanErrorWords))
        {
            All(LintRules.HumanErrorPattern(), LintRules.HumanError);
        }

        if (span.ContainsAny(JudgementalWords))
        {
            All(LintRules.JudgementalPattern(), LintRules.Judgemental);
        }

        if (span.ContainsAny(RootWords))
        {
            All(LintRules.RootCausePattern(), LintRules.RootCause);
        }

        if (span.ContainsAny(HindsightWords))
        {
            All(LintRules.HindsightPattern(), LintRules.Hindsight, string.Empty);
        }

        var people = PeopleIn(text, roster, names);
        foreach (var (index, length, role) in people)
        {
            results.Add((LintRules.PersonName, index, length, role));
        }

        if (span.ContainsAny(CauseWords))
        {
            foreach (var match in LintRules.CauseVerbPattern().EnumerateMatches(text))
            {
                var (mIndex, mLength) = (match.Index, match.Length);
                var before = Before(text, mIndex);
                var offset = mIndex - before.Length;
                var subject = LintRules.PersonSubject().EnumerateMatches(before);
                var start = subject.MoveNext() ? offset + subject.Current.Index : NamedJustBefore(text, people, mIndex);
                if (start >= 0)
                {
                    results.Add((LintRules.PersonAsCause, start, mIndex + mLength - start, null));
                }
            }
        }

        if (span.ContainsAny(WhoWords))
        {
            All(LintRules.WhoPattern(), LintRules.WhoQuestion);
        }

        if (!narrative && span.ContainsAny(PeopleActionWords))
        {
            All(LintRules.ActionAtPeoplePattern(), LintRules.ActionAtPeople);
        }

        return results;
    }

    /// <summary>How far back a subject is looked for before a verb ("the deploy job quietly failed to"): a clause, not the whole segment.</summary>
    private const int SubjectReach = 256;

    /// <summary>
    /// The text just before <paramref name="index"/> in which the subject patterns (anchored at its end) look:
    /// at most <see cref="SubjectReach"/> characters, starting at a word boundary. Looking at the whole prefix
    /// made one long line quadratic (a 20 MB line took minutes and gigabytes).
    /// </summary>
    private static ReadOnlySpan<char> Before(string text, int index)
    {
        var from = Math.Max(0, index - SubjectReach);
        while (from > 0 && from < index && !char.IsWhiteSpace(text[from - 1]))
        {
            from++;
        }

        return text.AsSpan(from, index - from);
    }

    /// <summary>The start of the roster name or handle that ends just before <paramref name="index"/> (only white space between), or -1.</summary>
    private static int NamedJustBefore(string text, List<(int Index, int Length, string? Role)> people, int index)
    {
        // People are sorted by start and never overlap: the last one starting before the verb is the only candidate.
        int low = 0, high = people.Count - 1, last = -1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (people[mid].Index < index)
            {
                last = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        for (var i = last; i >= 0; i--)
        {
            var end = people[i].Index + people[i].Length;
            if (end <= index)
            {
                return people[i].Length > 0 && text.AsSpan(end, index - end).IsWhiteSpace() ? people[i].Index : -1;
            }
        }

        return -1;
    }

    /// <summary>One pattern for every roster name (not handles: every @handle is found anyway), longest first.</summary>
    internal static Regex? NamePattern(IReadOnlyList<TeamMember> roster)
    {
        var names = roster.Where(m => !m.Name.Equals(m.Role, StringComparison.OrdinalIgnoreCase))
            .SelectMany(m => m.Handles.Prepend(m.Name))
            .Where(n => n.Length > 1 && !n.StartsWith('@'))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(n => n.Length)
            .ToList();

        // Names are matched case-sensitively: "Will" the person, not "will" the verb.
        return names.Count == 0 ? null : new Regex(@"(?<![\w@])(?:" + string.Join('|', names.Select(Regex.Escape)) + @")(?![\w])", RegexOptions.CultureInvariant);
    }

    private static List<(int Index, int Length, string? Role)> PeopleIn(string text, IReadOnlyList<TeamMember> roster, Regex? names)
    {
        var found = new List<(int Index, int Length, string? Role)>();
        if (names is not null)
        {
            foreach (var m in names.EnumerateMatches(text))
            {
                found.Add((m.Index, m.Length, EventEnricher.RoleOf(text.Substring(m.Index, m.Length), roster)));
            }
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            // Roster names are found in order and never overlap: a handle inside one is found by a binary search
            // over them (testing every name found so far, handles included, was quadratic on a long line).
            var named = found.Count;
            foreach (var match in LintRules.HandlePattern().EnumerateMatches(text))
            {
                var (index, length) = (match.Index, match.Length);
                if (!Inside(found, named, index))
                {
                    found.Add((index, length, EventEnricher.RoleOf(text.Substring(index, length), roster)));
                }
            }
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    /// <summary>True when <paramref name="index"/> falls inside one of the first <paramref name="count"/> spans (sorted, not overlapping).</summary>
    private static bool Inside(List<(int Index, int Length, string? Role)> spans, int count, int index)
    {
        int low = 0, high = count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (spans[mid].Index <= index)
            {
                if (index < spans[mid].Index + spans[mid].Length)
                {
                    return true;
                }

                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return false;
    }

    private sealed class Position : IComparer<(LintFinding F, int I)>
    {
        public static readonly Position Instance = new();

        public int Compare((LintFinding F, int I) a, (LintFinding F, int I) b)
        {
            var c = a.F.Line.CompareTo(b.F.Line);
            c = c != 0 ? c : a.F.Column.CompareTo(b.F.Column);
            c = c != 0 ? c : string.CompareOrdinal(a.F.Rule.Id, b.F.Rule.Id);
            return c != 0 ? c : a.I.CompareTo(b.I);
        }
    }

    private static bool IsAllowed(string text, int index, int length, IReadOnlyList<string> allowed)
    {
        foreach (var phrase in allowed)
        {
            // Only an occurrence that overlaps the finding matters: look in the finding widened by the phrase's length,
            // not the whole segment (once per finding over a long line was quadratic).
            var from = Math.Max(0, index - phrase.Length + 1);
            var to = Math.Min(text.Length, index + length + phrase.Length - 1);
            var window = text.AsSpan(from, to - from);
            for (var at = window.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0;)
            {
                if (index < from + at + phrase.Length && from + at < index + length)
                {
                    return true;
                }

                var next = window[(at + 1)..].IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }

        return false;
    }
}
