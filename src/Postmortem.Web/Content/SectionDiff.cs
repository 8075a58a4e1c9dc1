using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Postmortem.Web.Content;

/// <summary>One line of a section's diff: <c>+</c> added, <c>-</c> removed, a space for unchanged.</summary>
public sealed record DiffLine(char Mark, string Text);

/// <summary>The line diff of a section between two versions (DiffPlex), for the page that answers a stale save.</summary>
public static class SectionDiff
{
    private static readonly InlineDiffBuilder Builder = new(new Differ());

    /// <summary>The lines of <paramref name="after"/> against <paramref name="before"/>, whitespace counted.</summary>
    public static IReadOnlyList<DiffLine> Lines(string before, string after) =>
        [.. Builder.BuildDiffModel(before, after, ignoreWhitespace: false).Lines.Select(l => new DiffLine(
            l.Type switch { ChangeType.Inserted => '+', ChangeType.Deleted => '-', _ => ' ' }, l.Text ?? string.Empty))];
}
