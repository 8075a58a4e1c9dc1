using NodaTime;
using Postmortem.Analysis;
using Postmortem.Bench;
using Postmortem.Ingest.Exports;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>Issue 8, item 5: an export is one input, whatever its files; a window returns every message the channel has in it.</summary>
public sealed class SlackWindowTests
{
    [Fact]
    public async Task A_two_hour_window_across_day_files_returns_every_message_of_the_channel_counted_independently()
    {
        // Given a generated export dense enough that same-kind messages sit minutes apart on both sides of a
        // day-file boundary (the generator splits day files at local midnight, UTC-8: 08:00 UTC)
        var folder = Directory.CreateTempSubdirectory("postmortem-slack-").FullName;
        ExportGenerator.Slack(folder, 20_000, TimeSpan.FromDays(2));
        var from = new DateTimeOffset(2024, 3, 2, 7, 0, 0, TimeSpan.Zero);
        var to = from.AddHours(2);
        var (inWindow, joins) = SlackCount.InWindow(Path.Combine(folder, "incident-bench"), from, to);

        // When the whole pipeline reads it (every message kept) and merges
        var document = new PostmortemDocument
        {
            SourceFile = "incident.yml", Type = PostmortemType.Incident, Title = "t", TimeZone = DateTimeZone.Utc,
            Sources = [new ExportSource(folder, [], true, null, new Dictionary<string, string>(), 0, 0)],
            Window = new IncidentWindow(Instant.FromDateTimeOffset(from), Instant.FromDateTimeOffset(to), null),
        };
        var (read, diagnostics) = await ExportAssembler.AttachAsync(document, ".", new AnalysisOptions().Lexicon, cancellationToken: TestContext.Current.CancellationToken);
        var analyzed = Analyzer.Analyze(read!, diagnostics, new AnalysisOptions { TimelineOnly = true });

        // Then every message in the window is a row (joins are dropped as noise), none merged, none in conflict
        Assert.True(SameKindAcrossDayFiles(analyzed.Timeline), $"the window should hold same-kind messages of two day files within the merge tolerance ({string.Join(" | ", analyzed.Diagnostics)})");
        Assert.Equal(inWindow - joins, analyzed.Timeline.Count);
        Assert.All(analyzed.Timeline, e => Assert.Empty(e.AlsoSeenIn));
        Assert.DoesNotContain(analyzed.Diagnostics, d => d.Code == "PM0407");
        Assert.Equal(2, analyzed.Timeline.Select(e => e.Provenance.File).Distinct().Count());
    }

    /// <summary>What the old rule (inputs told apart by file) merged: same kind, two day files, within the tolerance.</summary>
    private static bool SameKindAcrossDayFiles(IReadOnlyList<TimelineEvent> timeline)
    {
        for (var i = 0; i < timeline.Count; i++)
        {
            for (var j = i + 1; j < timeline.Count && timeline[j].Time - timeline[i].Time <= TimelineMerger.DefaultTolerance; j++)
            {
                if (timeline[i].Kind == timeline[j].Kind && timeline[i].Kind != EventKind.Other && timeline[i].Provenance.File != timeline[j].Provenance.File)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
