using System.Text.RegularExpressions;
using NodaTime;
using Postmortem.Analysis.Lint;
using Postmortem.Model;

namespace Postmortem.Analysis.Actions;

/// <summary>Checks action items: owner, due date, type, vagueness, one action per item, duplicates, factor coverage.</summary>
public static partial class ActionChecker
{
    /// <summary>How factors are matched to actions.</summary>
    public enum Coverage
    {
        /// <summary>Only explicit links (<c>factors: [id]</c> on an action) count: the incident file.</summary>
        ExplicitLinks,

        /// <summary>Word overlap suggests the link: a Markdown document has no ids.</summary>
        WordOverlap,
    }

    /// <summary>Checks <paramref name="actions"/> against <paramref name="factors"/>.</summary>
    public static IReadOnlyList<LintFinding> Check(string file, IReadOnlyList<ActionItem> actions, IReadOnlyList<ContributingFactor> factors,
        LocalDate? postmortemDate, bool incident, Coverage coverage, LintOptions options)
    {
        var findings = new List<LintFinding>();
        void Add(LintRule rule, int line, int column, params object[] args) => LintFinding.AddTo(findings, options, rule, file, line, column, args);

        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            if (string.IsNullOrWhiteSpace(a.Owner))
            {
                Add(ActionRules.Owner, a.Line, a.Column, a.Id);
            }

            if (a.Due is null)
            {
                Add(ActionRules.Due, a.Line, a.Column, a.Id);
            }
            else if (postmortemDate is { } held && a.Due <= held)
            {
                Add(ActionRules.DueAfterPostmortem, a.Line, a.Column, a.Id, a.Due.Value.ToString("uuuu-MM-dd", null), held.ToString("uuuu-MM-dd", null));
            }

            if (incident && a.Type is null)
            {
                Add(ActionRules.Type, a.Line, a.Column, a.Id);
            }

            if (IsVague(a.Action))
            {
                Add(ActionRules.Vague, a.Line, a.Column, a.Id, a.Action);
            }

            if (IsCompound(a.Action))
            {
                Add(ActionRules.Compound, a.Line, a.Column, a.Id);
            }

            for (var j = 0; j < i; j++)
            {
                if (Similarity(Words(a.Action), Words(actions[j].Action)) >= 0.8)
                {
                    Add(ActionRules.Duplicate, a.Line, a.Column, a.Id, actions[j].Id);
                    break;
                }
            }
        }

        foreach (var factor in factors.Where(f => !f.AcceptedRisk))
        {
            if (coverage == Coverage.ExplicitLinks)
            {
                if (!actions.Any(a => a.Factors.Contains(factor.Id, StringComparer.OrdinalIgnoreCase)))
                {
                    Add(ActionRules.FactorCovered, factor.Line, factor.Column, $"'{factor.Id}'", string.Empty);
                }

                continue;
            }

            var words = Words(factor.Text);
            var best = actions.Select(a => (a, overlap: Overlap(words, Words(a.Action)))).OrderByDescending(p => p.overlap).FirstOrDefault();
            if (best.a is null || best.overlap < 2)
            {
                Add(ActionRules.FactorCovered, factor.Line, factor.Column, $"'{Short(factor.Text)}'", " that shares its words (no explicit links in Markdown)");
            }
        }

        return findings.OrderBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Rule.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Actions in leverage order (prevent, detect, mitigate, process, untyped), then by effort (small first), then as written.</summary>
    public static IReadOnlyList<ActionItem> Rank(IEnumerable<ActionItem> actions) => actions
        .Select((a, i) => (a, i))
        .OrderBy(p => p.a.Type is { } t ? (int)t : 4)
        .ThenBy(p => p.a.Effort switch { "small" => 0, "medium" => 1, "large" => 2, _ => 3 })
        .ThenBy(p => p.i)
        .Select(p => p.a)
        .ToList();

    /// <summary>True when the text names no metric, threshold, alert or artefact but uses a vague verb.</summary>
    public static bool IsVague(string action) => VagueVerb().IsMatch(action) && !Concrete().IsMatch(action);

    private static bool IsCompound(string action) => action.Contains(';', StringComparison.Ordinal) || action.Split(". ", StringSplitOptions.RemoveEmptyEntries).Length > 1;

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "…";

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length > 3 && !Stop.Contains(w)).ToHashSet();

    private static int Overlap(HashSet<string> a, HashSet<string> b) => a.Count(b.Contains);

    private static double Similarity(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : (double)Overlap(a, b) / a.Union(b).Count();

    private static readonly HashSet<string> Stop = ["with", "that", "this", "from", "have", "into", "when", "were", "there", "their", "what", "been", "more", "than", "which", "about", "team"];

    [GeneratedRegex(@"(?i)\b(?:improve|improving|better|enhance|increase|review|look into|investigate|revisit|consider|monitor(?:ing)?|communicat(?:e|ion)|ensure|make sure|optimi[sz]e|fix (?:the )?(?:process|issues?))\b")]
    private static partial Regex VagueVerb();

    [GeneratedRegex(@"(?i)\d|%|\b(?:alert|alerts|alerting|threshold|runbook|playbook|dashboard|metric|test|tests|slo|sla|policy|checklist|flag|limit|timeout|circuit breaker|script|config|pipeline|job|check|guard|page|paging|rotation|template|query|index|queue|pool|canary|rollback|freeze|rate limit|doc|documentation|ticket|owner|schedule)\b")]
    private static partial Regex Concrete();

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex WordPattern();
}
