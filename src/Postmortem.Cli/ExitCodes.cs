namespace Postmortem.Cli;

/// <summary>Process exit codes (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and reported findings (lint, check).</summary>
    public const int Findings = 1;

    /// <summary>Usage error or bad input; nothing was written.</summary>
    public const int InputError = 2;
}
