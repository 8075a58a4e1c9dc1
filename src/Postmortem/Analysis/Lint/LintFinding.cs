using Postmortem.Diagnostics;

namespace Postmortem.Analysis.Lint;

/// <summary>One place where a rule matched.</summary>
public sealed record LintFinding
{
    /// <summary>File the finding is in.</summary>
    public required string File { get; init; }

    /// <summary>1-based line.</summary>
    public required int Line { get; init; }

    /// <summary>1-based column.</summary>
    public required int Column { get; init; }

    /// <summary>Length of the matched text.</summary>
    public required int Length { get; init; }

    /// <summary>Offset of the match in the file's text (for fixes).</summary>
    public required int Offset { get; init; }

    /// <summary>The rule.</summary>
    public required LintRule Rule { get; init; }

    /// <summary>Severity after configuration.</summary>
    public required DiagnosticSeverity Severity { get; init; }

    /// <summary>The message, naming what matched.</summary>
    public required string Message { get; init; }

    /// <summary>A suggested rewrite.</summary>
    public required string Suggestion { get; init; }

    /// <summary>Replacement text for <c>--fix</c>, when the rule has a safe one.</summary>
    public string? Fix { get; init; }

    /// <summary>Adds a finding of a whole-item rule (action checks, completeness) unless the rule is off.</summary>
    /// <param name="findings">List to add to.</param>
    /// <param name="options">Gives the rule's severity.</param>
    /// <param name="rule">The rule; its message is formatted with <paramref name="args"/>.</param>
    /// <param name="file">File.</param>
    /// <param name="line">1-based line (0 or less becomes 1).</param>
    /// <param name="column">1-based column (0 or less becomes 1).</param>
    /// <param name="args">Message arguments.</param>
    public static void AddTo(List<LintFinding> findings, LintOptions options, LintRule rule, string file, int line, int column, params object[] args)
    {
        if (options.SeverityOf(rule) is not { } severity)
        {
            return;
        }

        findings.Add(new LintFinding
        {
            File = file,
            Line = Math.Max(line, 1),
            Column = Math.Max(column, 1),
            Length = 1,
            Offset = 0,
            Rule = rule,
            Severity = severity,
            Message = string.Format(System.Globalization.CultureInfo.InvariantCulture, rule.Message, args),
            Suggestion = rule.Suggestion,
        });
    }
}
