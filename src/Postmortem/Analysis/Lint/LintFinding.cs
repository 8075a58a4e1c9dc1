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
    public required LintSeverity Severity { get; init; }

    /// <summary>The message, naming what matched.</summary>
    public required string Message { get; init; }

    /// <summary>A suggested rewrite.</summary>
    public required string Suggestion { get; init; }

    /// <summary>Replacement text for <c>--fix</c>, when the rule has a safe one.</summary>
    public string? Fix { get; init; }
}
