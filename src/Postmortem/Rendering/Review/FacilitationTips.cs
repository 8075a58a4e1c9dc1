using Postmortem.Analysis.Actions;
using Postmortem.Analysis.Lint;

namespace Postmortem.Rendering.Review;

/// <summary>The facilitation tips of seed step 6, and which of them what someone typed in the meeting calls for.</summary>
public static class FacilitationTips
{
    /// <summary>When someone starts blaming.</summary>
    public const string Redirect = "Let's focus on what made that outcome likely, not who did what.";

    /// <summary>When the group fixates on a single root cause.</summary>
    public const string WhatElse = "What else had to be true for this to happen?";

    /// <summary>When action items are vague.</summary>
    public const string Specific = "What does 'improve monitoring' mean concretely? What metric, what threshold, what alert?";

    /// <summary>The tips for <paramref name="text"/>: the linter's blame and root-cause findings, and, for an action, the vagueness check.</summary>
    public static IReadOnlyList<FacilitationTip> For(string text, bool action)
    {
        var tips = new List<FacilitationTip>();
        foreach (var finding in Linter.LintFile("meeting.md", text, new LintOptions()))
        {
            var tip = finding.Rule == LintRules.RootCause ? WhatElse : finding.Rule == LintRules.ActionAtPeople && !action ? null : Redirect;
            if (tip is not null && !tips.Any(t => t.Rule == finding.Rule.Name))
            {
                tips.Add(new FacilitationTip(tip, finding.Rule.Name, finding.Message));
            }
        }

        if (action && ActionChecker.IsVague(text))
        {
            tips.Add(new FacilitationTip(Specific, ActionRules.Vague.Name, "the action names no metric, threshold, alert or artefact"));
        }

        return tips;
    }
}
