using Postmortem.Analysis.Lint;

namespace Postmortem.Rendering;

/// <summary>Writes lint and check findings in one output format, chosen by <see cref="Name"/> (<c>--format</c>).</summary>
public interface IFindingsRenderer
{
    /// <summary>The format's name as a user types it: <c>text</c>, <c>json</c>, <c>sarif</c>.</summary>
    string Name { get; }

    /// <summary>Writes <paramref name="findings"/> to <paramref name="output"/> as UTF-8.</summary>
    void Write(IReadOnlyList<LintFinding> findings, Stream output);
}
