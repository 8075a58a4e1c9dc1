using System.Text.RegularExpressions;
using Postmortem.Ingest.Prose;

namespace Postmortem.Analysis.Lint;

/// <summary>
/// Inline suppressions in Markdown: <c>&lt;!-- postmortem-disable RULE --&gt;</c>, <c>-enable</c> and
/// <c>-disable-next-line</c>; RULE is an id or name, several may be listed, none means every rule.
/// </summary>
public sealed partial class Suppressions
{
    private readonly List<(int Line, bool Off, HashSet<string>? Rules)> switches = [];
    private readonly Dictionary<int, HashSet<string>?> nextLine = [];
    private readonly Dictionary<string, HashSet<string>?> ruleSets = new(StringComparer.Ordinal);
    // Built on first use per rule, under a lock: the linter checks segments in parallel.
    private readonly Dictionary<string, (int[] Lines, bool[] Off)> byRule = new(StringComparer.Ordinal);

    /// <summary>The directives in a document's HTML comments.</summary>
    public static Suppressions From(IEnumerable<ProseComment> comments)
    {
        var suppressions = new Suppressions();
        foreach (var comment in comments)
        {
            suppressions.Read(comment.Html, comment.Line);
        }

        return suppressions;
    }

    /// <summary>Reads every directive in an HTML comment found on <paramref name="line"/>.</summary>
    public void Read(string html, int line)
    {
        foreach (Match m in Directive().Matches(html))
        {
            var rules = RuleSet(m.Groups["rules"].Value);
            switch (m.Groups["kind"].Value)
            {
                case "disable-next-line":
                    nextLine[line + 1] = nextLine.TryGetValue(line + 1, out var existing) && existing is not null && rules is not null ? [.. existing, .. rules] : rules;
                    break;
                default:
                    switches.Add((line, m.Groups["kind"].Value == "disable", rules));
                    lock (byRule)
                    {
                        byRule.Clear();
                    }

                    break;
            }
        }
    }

    /// <summary>True when <paramref name="rule"/> is switched off at <paramref name="line"/>.</summary>
    /// <remarks>Each rule's on/off switches are indexed once and found by binary search: a large document may
    /// hold thousands of directives and findings.</remarks>
    public bool IsSuppressed(LintRule rule, int line)
    {
        if (nextLine.TryGetValue(line, out var only) && (only is null || only.Contains(rule.Id)))
        {
            return true;
        }

        if (switches.Count == 0)
        {
            return false;
        }

        (int[] Lines, bool[] Off) index;
        lock (byRule)
        {
            if (!byRule.TryGetValue(rule.Id, out index))
            {
                var mine = switches.Where(s => s.Rules is null || s.Rules.Contains(rule.Id)).OrderBy(s => s.Line).ToList();
                index = (mine.Select(s => s.Line).ToArray(), mine.Select(s => s.Off).ToArray());
                byRule[rule.Id] = index;
            }
        }

        var at = Array.BinarySearch(index.Lines, line);
        if (at < 0)
        {
            at = ~at - 1;
        }
        else
        {
            // Several switches on one line: the last one written wins.
            while (at + 1 < index.Lines.Length && index.Lines[at + 1] == line)
            {
                at++;
            }
        }

        return at >= 0 && index.Off[at];
    }

    // The rule list of a directive as a set of ids; documents repeat the same lists, so each is built once
    // (the sets are shared and never changed: merging builds a new set).
    private HashSet<string>? RuleSet(string list)
    {
        if (!ruleSets.TryGetValue(list, out var set))
        {
            var names = list.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
            set = names.Length == 0 ? null : names.Select(n => RuleCatalog.Find(n)?.Id ?? n.ToUpperInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase);
            ruleSets[list] = set;
        }

        return set;
    }

    [GeneratedRegex(@"<!--\s*postmortem-(?<kind>disable-next-line|disable|enable)(?<rules>[^>]*?)\s*-->")]
    private static partial Regex Directive();
}
