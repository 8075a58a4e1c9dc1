using System.Text.RegularExpressions;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Prose;

namespace Postmortem.Analysis.Lint;

/// <summary>The blameless-writing rules of seed step 3, with their patterns. docs/lint-rules.md describes each.</summary>
internal static partial class LintRules
{
    private static readonly ProseContext[] Narrative = [ProseContext.Narrative];
    private static readonly ProseContext[] Actions = [ProseContext.Action];
    private static readonly ProseContext[] Both = [ProseContext.Narrative, ProseContext.Action];

    /// <summary>"should have", "could have", "if only": describes what did not happen instead of what did.</summary>
    public static readonly LintRule Counterfactual = new("PM1001", "counterfactual", DiagnosticSeverity.Warning,
        "counterfactual '{0}' describes what did not happen",
        "Describe what happened and what made it likely, e.g. 'the alert did not fire because its threshold was 90%'", Narrative);

    /// <summary>"failed to", "forgot to", "neglected": frames an absence as a person's fault.</summary>
    public static readonly LintRule AbsenceAsFault = new("PM1002", "absence-as-fault", DiagnosticSeverity.Warning,
        "'{0}' frames an absence as a fault",
        "Say what the person knew and saw at the time, e.g. 'the runbook did not mention the check'", Both);

    /// <summary>"human error", "operator error".</summary>
    public static readonly LintRule HumanError = new("PM1003", "human-error", DiagnosticSeverity.Error,
        "'{0}' ends the inquiry where it should start",
        "Ask what made the action reasonable at the time and what would have caught it: name those factors instead", Both);

    /// <summary>Judgemental words: careless, sloppy, negligent …</summary>
    public static readonly LintRule Judgemental = new("PM1004", "judgemental", DiagnosticSeverity.Error,
        "judgemental word '{0}'",
        "Describe the action and its context without judging it", Both);

    /// <summary>A single "root cause".</summary>
    public static readonly LintRule RootCause = new("PM1005", "root-cause", DiagnosticSeverity.Warning,
        "'{0}' suggests a single cause",
        "Incidents have several contributing factors: name them (process, technical, human, organizational)", Both);

    /// <summary>Hindsight words: obviously, clearly, simply, just, of course.</summary>
    public static readonly LintRule Hindsight = new("PM1006", "hindsight", DiagnosticSeverity.Warning,
        "hindsight word '{0}' makes the outcome look predictable",
        "Remove it; what is obvious now was not obvious then", Both);

    /// <summary>People's names and @handles in narrative.</summary>
    public static readonly LintRule PersonName = new("PM1007", "person-name", DiagnosticSeverity.Warning,
        "'{0}' names a person",
        "Name the role, not the person (the roster in .postmortem.yml maps names to roles; --fix rewrites them)", Both);

    /// <summary>A person as the cause: "X broke", "X caused".</summary>
    public static readonly LintRule PersonAsCause = new("PM1008", "person-as-cause", DiagnosticSeverity.Error,
        "'{0}' makes a person the cause",
        "Describe the change and the conditions that let it cause harm, e.g. 'the config change reduced the pool to 10'", Both);

    /// <summary>"Who" questions: who caused, who broke, whose fault.</summary>
    public static readonly LintRule WhoQuestion = new("PM1009", "who-question", DiagnosticSeverity.Warning,
        "'{0}' asks who, not what",
        "Ask what made this outcome likely", Both);

    /// <summary>Action items aimed at people: "be more careful", "more training".</summary>
    public static readonly LintRule ActionAtPeople = new("PM1010", "action-at-people", DiagnosticSeverity.Warning,
        "action '{0}' asks people to do better instead of changing the system",
        "Change the system: a check, a guard rail, an alert, an automated step, a runbook entry", Actions);

    /// <summary>Every rule, in id order.</summary>
    public static IReadOnlyList<LintRule> All { get; } =
        [Counterfactual, AbsenceAsFault, HumanError, Judgemental, RootCause, Hindsight, PersonName, PersonAsCause, WhoQuestion, ActionAtPeople];

    [GeneratedRegex(@"\b(?:should(?:n't| not)? have|should've|could(?:n't| not)? have|could've|would(?:n't| not)? have|would've|if only|ought to have|had (?:we|they|he|she|I) (?:only )?(?:known|checked|noticed|been)|if (?:we|they|he|she|someone) had)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex CounterfactualPattern();

    [GeneratedRegex(@"\b(?:failed to|fail(?:s|ed)? to notice|forgot(?: to)?|forgotten|neglect(?:ed|s)?(?: to)?|didn't (?:notice|check|see|realise|realize|catch|follow)|did not (?:notice|check|see|realise|realize|catch|follow)|overlooked|ignored the)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex AbsencePattern();

    // Systems fail to do things; that is a description, not blame ("the pager failed to reach her").
    [GeneratedRegex(@"\b(?:deploy(?:ment)?|job|pager|page|alert|alarm|service|server|request|pod|build|check|query|script|cron|replica|node|process|connection|migration|system|test|pipeline|rollback|api|cluster|database|db|cache|monitor|probe|webhook|notification|message|container|host|instance|it)\s+(?:\w+\s+){0,2}$", RegexOptions.IgnoreCase)]
    internal static partial Regex SystemSubject();

    [GeneratedRegex(@"\b(?:human error|operator error|user error|pilot error|PEBKAC|fat[- ]finger(?:ed|ing)?)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex HumanErrorPattern();

    [GeneratedRegex(@"\b(?:careless(?:ly|ness)?|sloppy|sloppiness|negligen(?:t|tly|ce)|reckless(?:ly|ness)?|incompeten(?:t|ce)|inappropriate(?:ly)?|poor judg(?:e)?ment|bad judg(?:e)?ment|lazy|laziness|stupid(?:ity)?|dumb|irresponsible|irresponsibly|should know better|amateurish)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex JudgementalPattern();

    [GeneratedRegex(@"\broot[- ]cause(?![sd])\b", RegexOptions.IgnoreCase)]
    internal static partial Regex RootCausePattern();

    [GeneratedRegex(@"(?<![\w-])(?:obviously|clearly|of course|simply|just)(?![\w-])", RegexOptions.IgnoreCase)]
    internal static partial Regex HindsightPattern();

    [GeneratedRegex(@"(?<![\w@.])@[A-Za-z][\w.-]*[\w]")]
    internal static partial Regex HandlePattern();

    [GeneratedRegex(@"\b(?:broke|caused|messed up|screwed up|took down|brought down|blew up)\b|'s (?:mistake|fault|error)\b|\b(?:is|was|were) (?:to blame|at fault)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex CauseVerbPattern();

    [GeneratedRegex(@"\b(?:he|she|someone|somebody|an engineer|the engineer|the developer|the on-?call(?: engineer)?|the operator|the intern|the new hire|they)\s+$", RegexOptions.IgnoreCase)]
    internal static partial Regex PersonSubject();

    [GeneratedRegex(@"\b(?:who (?:caused|broke|did|is responsible|was responsible|made the|pushed|approved|forgot|missed|is to blame|was to blame)|whose fault|who's (?:to blame|responsible))\b", RegexOptions.IgnoreCase)]
    internal static partial Regex WhoPattern();

    [GeneratedRegex(@"\b(?:be (?:more )?careful|more careful|(?:more|additional|better|extra) training|retrain(?:ing)?|remind (?:engineers|people|the team|everyone|developers|staff|on-?call)|pay (?:more )?attention|try harder|be (?:more )?vigilant|double[- ]check(?: more)?|be more diligent|think before)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex ActionAtPeoplePattern();
}
