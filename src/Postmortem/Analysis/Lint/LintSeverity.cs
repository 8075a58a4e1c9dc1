namespace Postmortem.Analysis.Lint;

/// <summary>How a lint rule's findings are reported; <see cref="Off"/> disables the rule.</summary>
public enum LintSeverity
{
    /// <summary>The rule does not run.</summary>
    Off,

    /// <summary>Worth a look; never fails a build by default.</summary>
    Info,

    /// <summary>Should be rewritten; fails <c>lint</c> at the default level.</summary>
    Warning,

    /// <summary>Must be rewritten.</summary>
    Error,
}
