using NodaTime;
using Postmortem.Analysis;

namespace Postmortem.Corpus;

/// <summary>How the pipeline did on one case.</summary>
public sealed record CaseScore
{
    public required CorpusCase Case { get; init; }

    public required int Expected { get; init; }

    public required int Predicted { get; init; }

    /// <summary>Expected instants that the timeline has (recall's numerator).</summary>
    public required int Found { get; init; }

    /// <summary>Predicted instants that are labelled (precision's numerator).</summary>
    public required int Correct { get; init; }

    public required int KindsScored { get; init; }

    public required int KindsRight { get; init; }

    public required IReadOnlyList<KeyResult> Keys { get; init; }

    public required bool? DurationRight { get; init; }

    public required long? PredictedDuration { get; init; }

    public required IReadOnlyList<string> Missed { get; init; }

    public required IReadOnlyList<string> Spurious { get; init; }

    public required AnalyzedPostmortem Analyzed { get; init; }
}

/// <summary>One labelled key timestamp against the pipeline's.</summary>
public sealed record KeyResult(string Name, Instant? Want, Instant? Got, bool Right);
