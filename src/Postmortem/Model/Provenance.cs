namespace Postmortem.Model;

/// <summary>Where an event came from, so that every row of a timeline can be traced to its input.</summary>
/// <param name="File">Input file (or <c>&lt;stdin&gt;</c>).</param>
/// <param name="Line">1-based line of the time expression or record.</param>
/// <param name="Column">1-based column of the time expression, or 1.</param>
/// <param name="RawText">The input text the event was read from, verbatim.</param>
public sealed record Provenance(string File, int Line, int Column, string RawText)
{
    private readonly string? input;

    /// <summary>The input the file belongs to, as the user named it: a Slack export folder or zip for each of its day files; otherwise <see cref="File"/>.</summary>
    /// <remarks>An export is one input whatever its files: only evidence from different inputs merges (docs/exports.md, "Window and merge").</remarks>
    public string Input
    {
        get => input ?? File;
        init => input = value;
    }
}
