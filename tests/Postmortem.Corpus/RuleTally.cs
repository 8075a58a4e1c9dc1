using System.Globalization;
using System.Text;

namespace Postmortem.Corpus;

/// <summary>
/// How often each rule that decided a key was right: for every key, the rule the analysis names (the text before its first
/// parenthesis, or "unknown" when no key was given), with how many cases it decided and how many of them it got right.
/// Totals only, like <see cref="KeyBreakdown"/>: it names no case, so a held-out split can be read this way without a row.
/// </summary>
public static class RuleTally
{
    public static string Report(IReadOnlyList<CaseScore> scores)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"key / rule",-100} {"right",6} {"cases",6}");
        foreach (var name in CorpusCase.KeyNames)
        {
            var rows = scores
                .Select(s => (Rule: RuleOf(CorpusScorer.Key(s.Analyzed.Keys, name)?.Rule), Right: s.Keys.FirstOrDefault(k => k.Name == name)?.Right))
                .Where(r => r.Right is not null)
                .GroupBy(r => r.Rule)
                .OrderByDescending(g => g.Count());
            text.AppendLine(name);
            foreach (var g in rows)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {Clip(g.Key),-98} {g.Count(r => r.Right == true),6} {g.Count(),6}");
            }
        }

        return text.ToString();
    }

    private static string RuleOf(string? rule) =>
        rule is null ? "unknown" : rule.IndexOf(" (", StringComparison.Ordinal) is var i and > 0 ? rule[..i] : rule;

    private static string Clip(string s) => s.Length <= 98 ? s : s[..97] + "…";
}
