using System.Text.RegularExpressions;

namespace Postmortem.Analysis.Lint;

/// <summary>
/// Inline suppressions in Markdown: <c>&lt;!-- postmortem-disable RULE --&gt;</c>, <c>-enable</c> and
/// <c>-disable-next-line</c>; RULE is an id or name, several may be listed, none means every rule.
/// </summary>
public sealed partial class Suppressions
{
    private readonly List<(int Line, string Kind, HashSet<string>? Rules)> directives = [];

    /// <summary>Reads every directive in an HTML comment found on <paramref name="line"/>.</summary>
    public void Read(string html, int line)
    {
        foreach (Match m in Directive().Matches(html))
        {
            var names = m.Groups["rules"].Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
            var rules = names.Length == 0 ? null : names.Select(n => RuleCatalog.Find(n)?.Id ?? n.ToUpperInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase);
            directives.Add((line, m.Groups["kind"].Value, rules));
        }
    }

    /// <summary>True when <paramref name="rule"/> is switched off at <paramref name="line"/>.</summary>
    public bool IsSuppressed(LintRule rule, int line)
    {
        var off = false;
        foreach (var (at, kind, rules) in directives.OrderBy(d => d.Line))
        {
            var covers = rules is null || rules.Contains(rule.Id);
            if (!covers || at > line)
            {
                continue;
            }

            switch (kind)
            {
                case "disable-next-line" when at == line - 1:
                    return true;
                case "disable" when at <= line:
                    off = true;
                    break;
                case "enable" when at <= line:
                    off = false;
                    break;
            }
        }

        return off;
    }

    [GeneratedRegex(@"<!--\s*postmortem-(?<kind>disable-next-line|disable|enable)(?<rules>[^>]*?)\s*-->")]
    private static partial Regex Directive();
}
