using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Analysis;

/// <summary>Chooses a severity from impact facts, or takes the one written in the file and checks it against the facts.</summary>
internal static class SeverityClassifier
{
    /// <summary>Classifies <paramref name="document"/> on <paramref name="scale"/>.</summary>
    public static (SeverityAssessment? Severity, IReadOnlyList<Diagnostic> Diagnostics) Classify(PostmortemDocument document, SeverityScale scale)
    {
        var computed = Compute(document.Impact, scale);
        var diagnostics = new List<Diagnostic>();
        if (document.Severity is { } written)
        {
            var level = scale.Find(written);
            var label = level?.Label ?? string.Empty;
            if (computed is not null && !computed.Level.Equals(level?.Level ?? written, StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(DiagnosticCatalog.SeverityDisagrees(document.SourceFile, document.SeverityPosition.Line, document.SeverityPosition.Column,
                    written, computed.Level, computed.Rule));
            }

            var definition = level is null ? string.Empty : $" ({level.Definition.ToLowerInvariant()})";
            return (new SeverityAssessment(level?.Level ?? written, label, $"Set in the incident file{definition}.", "explicit", scale.Name), diagnostics);
        }

        if (computed is null)
        {
            diagnostics.Add(DiagnosticCatalog.SeverityUnknown(document.SourceFile));
        }

        return (computed, diagnostics);
    }

    private static SeverityAssessment? Compute(Impact impact, SeverityScale scale)
    {
        foreach (var level in scale.Levels)
        {
            var match = level.When.FirstOrDefault(c => c.Matches(impact));
            if (match is not null)
            {
                var rule = match.Describe(impact);
                return new SeverityAssessment(level.Level, level.Label, $"{level.Label}: {level.Definition.ToLowerInvariant()} — {rule}.", rule, scale.Name);
            }
        }

        return null;
    }
}
