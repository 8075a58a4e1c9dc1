using NodaTime;
using Postmortem.Model;

namespace Postmortem.Ingest.Documents;

/// <summary>What <c>check</c> reads back from a Markdown postmortem written to the seed's templates.</summary>
internal sealed record MarkdownPostmortem
{
    /// <summary>True for the project template ("## Project Postmortem:").</summary>
    public required bool IsProject { get; init; }

    /// <summary>Section headings (level 3) with their line and whether the section holds only placeholders.</summary>
    public required IReadOnlyList<(string Title, int Line, bool Placeholder)> Sections { get; init; }

    /// <summary>Action items from the Action items table.</summary>
    public required IReadOnlyList<ActionItem> Actions { get; init; }

    /// <summary>Contributing factors from the bullets under their category labels.</summary>
    public required IReadOnlyList<ContributingFactor> Factors { get; init; }

    /// <summary>The postmortem date from its header field, when readable.</summary>
    public LocalDate? PostmortemDate { get; init; }

    /// <summary>Key timestamps written as unknown ("**Detection:** unknown …"), with their line.</summary>
    public required IReadOnlyList<(string Name, int Line)> UnknownKeyTimestamps { get; init; }

    /// <summary>Line of the follow-up schedule's unknown review date, when it says unknown.</summary>
    public int? UnknownFollowUpLine { get; init; }

    /// <summary>Why the file could not be read (nested past the reader's limit); empty when it could.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Diagnostics { get; init; } = [];
}
