namespace Postmortem.Model;

/// <summary>Where an event came from, so that every row of a timeline can be traced to its input.</summary>
/// <param name="File">Input file (or <c>&lt;stdin&gt;</c>).</param>
/// <param name="Line">1-based line of the time expression or record.</param>
/// <param name="Column">1-based column of the time expression, or 1.</param>
/// <param name="RawText">The input text the event was read from, verbatim.</param>
public sealed record Provenance(string File, int Line, int Column, string RawText)
{
    private readonly string? input;

    // The raw text, usually its line as a range of the notes file's UTF-8 bytes (issue 9, scale).
    private readonly TextSlice raw = TextSlice.Of(RawText);

    /// <summary>A provenance whose raw text is a range of a longer text (<see cref="TextSlice"/>).</summary>
    internal Provenance(string file, int line, int column, TextSlice raw)
        : this(file, line, column, string.Empty)
    {
        this.raw = raw;
    }

    /// <summary>The input text the event was read from, verbatim.</summary>
    public string RawText
    {
        get => raw.ToString();
        init => raw = TextSlice.Of(value);
    }

    /// <summary>The raw text as kept.</summary>
    internal TextSlice Raw => raw;

    /// <summary>The input the file belongs to, as the user named it: a Slack export folder or zip for each of its day files; otherwise <see cref="File"/>.</summary>
    /// <remarks>An export is one input whatever its files: only evidence from different inputs merges (docs/exports.md, "Window and merge").</remarks>
    public string Input
    {
        get => input ?? File;
        init => input = value;
    }
}
