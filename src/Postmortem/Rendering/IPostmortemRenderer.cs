using Postmortem.Analysis;

namespace Postmortem.Rendering;

/// <summary>Writes an analysed postmortem in one output format, chosen by <see cref="Name"/> (<c>--format</c>).</summary>
/// <remarks>Renderers stream to the output: a timeline of a million rows is never one string.</remarks>
public interface IPostmortemRenderer
{
    /// <summary>The format's name as a user types it: <c>markdown</c>, <c>json</c>.</summary>
    string Name { get; }

    /// <summary>Writes the whole document (the seed's template for its type) to <paramref name="output"/> as UTF-8.</summary>
    void Write(AnalyzedPostmortem postmortem, Stream output);

    /// <summary>Writes the timeline view only (the <c>timeline</c> command) to <paramref name="output"/> as UTF-8.</summary>
    void WriteTimeline(AnalyzedPostmortem postmortem, Stream output);
}
