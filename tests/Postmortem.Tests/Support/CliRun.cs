namespace Postmortem.Tests.Support;

/// <summary>What one run of the CLI produced.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr);
