using NodaTime;
using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Analysis;

/// <summary>Runs every analysis over a document: classification, key timestamps, gaps, silences, severity, follow-up.</summary>
public static class Analyzer
{
    /// <summary>Analyses <paramref name="document"/>; <paramref name="diagnostics"/> from reading it are carried along.</summary>
    public static AnalyzedPostmortem Analyze(PostmortemDocument document, IEnumerable<Diagnostic> diagnostics, AnalysisOptions? options = null)
    {
        options ??= new AnalysisOptions();
        return Analyze(document, EventEnricher.Enrich(document.Events, options.Lexicon, document.Team.Roster), diagnostics, options);
    }

    /// <summary>
    /// Analyses a document whose events are handed over in <paramref name="events"/> (its own <see cref="PostmortemDocument.Events"/>
    /// left empty): they are enriched in that list, never beside a copy (issue 9, scale: a million-row timeline).
    /// </summary>
    /// <param name="document">The document, its events left empty.</param>
    /// <param name="events">Its events, owned by the analysis from now on.</param>
    /// <param name="enriched">True when the reader already enriched every event (<see cref="EventEnricher.For"/>): they are only put in time order.</param>
    /// <param name="diagnostics">From reading the document.</param>
    /// <param name="options">The analysis options.</param>
    internal static AnalyzedPostmortem AnalyzeOwned(PostmortemDocument document, List<TimelineEvent> events, bool enriched, IEnumerable<Diagnostic> diagnostics, AnalysisOptions options) =>
        Analyze(document, enriched ? EventEnricher.InTimeOrder(events) : EventEnricher.EnrichInPlace(events, options.Lexicon, document.Team.Roster), diagnostics, options);

    private static AnalyzedPostmortem Analyze(PostmortemDocument document, IReadOnlyList<TimelineEvent> enriched, IEnumerable<Diagnostic> diagnostics, AnalysisOptions options)
    {
        var all = diagnostics.ToList();
        var (timeline, mergeDiagnostics) = TimelineMerger.Merge(enriched, options.MergeTolerance, document.TimeZone);
        all.AddRange(mergeDiagnostics);
        var (keys, recordedDiagnostics) = RecordedKeyTimestamps.Apply(KeyTimestampAnalyzer.Find(timeline, options.Lexicon), document.RecordedKeys, timeline, document.SourceFile);
        all.AddRange(recordedDiagnostics);
        SeverityAssessment? severity = null;
        if (document.Type == PostmortemType.Incident && !options.TimelineOnly)
        {
            if (timeline.Count == 0)
            {
                all.Add(DiagnosticCatalog.EmptyTimeline(document.SourceFile));
            }

            all.AddRange(KeyTimestampAnalyzer.OrderDiagnostics(keys, document.SourceFile));
            var (s, severityDiagnostics) = SeverityClassifier.Classify(document, options.Scale);
            severity = s;
            all.AddRange(severityDiagnostics);
        }

        return new AnalyzedPostmortem
        {
            Document = document,
            Timeline = timeline,
            Keys = keys,
            Gaps = KeyTimestampAnalyzer.Gaps(keys),
            Silences = KeyTimestampAnalyzer.Silences(timeline, keys, document.SilenceThresholdMinutes ?? options.SilenceThresholdMinutes ?? AnalysisOptions.DefaultSilenceThresholdMinutes),
            DurationMinutes = KeyTimestampAnalyzer.Minutes(keys.ImpactStart, keys.Resolution),
            Severity = severity,
            FollowUp = FollowUp(document, options),
            Diagnostics = all,
        };
    }

    /// <summary>Review = postmortem date + 14 days; retro = first retro after the postmortem by the cadence.</summary>
    public static FollowUpSchedule FollowUp(PostmortemDocument document, AnalysisOptions options)
    {
        if (document.PostmortemDate is not { } held)
        {
            return new FollowUpSchedule(null, null, "postmortem date not given");
        }

        var review = held.PlusDays(FollowUpSchedule.ReviewAfterDays);
        var cadence = document.Team.RetroCadenceDays ?? options.RetroCadenceDays;
        if (cadence is not { } days || days <= 0)
        {
            return new FollowUpSchedule(review, null, "next team retro (no retro cadence given)");
        }

        if (document.Team.RetroAnchor is not { } anchor)
        {
            return new FollowUpSchedule(review, held.PlusDays(days), $"postmortem date + retro cadence of {days} days");
        }

        var steps = Math.Max(0, (Period.Between(anchor, held, PeriodUnits.Days).Days / days) + 1);
        var next = anchor.PlusDays(steps * days);
        while (next <= held)
        {
            next = next.PlusDays(days);
        }

        return new FollowUpSchedule(review, next, $"first retro after the postmortem, every {days} days from {anchor:yyyy-MM-dd}");
    }
}
