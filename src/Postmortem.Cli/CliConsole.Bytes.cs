namespace Postmortem.Cli;

/// <summary>Standard input as bytes, beside the text reader of <see cref="CliConsole"/>.</summary>
internal sealed partial record CliConsole
{
    /// <summary>Standard input as bytes, when there is such a stream: notes read from '-' are checked as text (PM0015) before decoding.</summary>
    public Stream? InBytes { get; init; }
}
