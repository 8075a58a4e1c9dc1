using NodaTime;
using Postmortem.Analysis;
using Postmortem.Corpus;
using Postmortem.Ingest.Exports;
using Postmortem.Ingest.Notes;
using Postmortem.Model;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Issue 9, scale: a timeline's events are enriched while they are read (<see cref="NotesOptions.Finish"/>,
/// <see cref="ExportOptions.Finish"/>) instead of copied once all are read. Each must be enriched only when its reader
/// will not change it again: the events enriched as read equal the events read, then enriched.
/// </summary>
public sealed class EnrichAtReadTests
{
    private static readonly KindLexicon Lexicon = new AnalysisOptions().Lexicon;

    // Two people, so that attribution (the actor) is part of what is compared.
    private static readonly IReadOnlyList<TeamMember> Roster =
        [new("Dana Whitfield", "Incident commander", ["@dana"]), new("Sam Ortiz", "On-call engineer", ["@sam"])];

    /// <summary>Every form whose events change after they are added: a heading's text from the paragraph below, a sentence's
    /// context, a chat message's mention of its own minute (removed), a status page's update, a table row.</summary>
    private const string EveryLateChange = """
        All times are UTC.

        ## 09:02
        Checkout errors reached 40% and customers reported failed payments.

        - 09:05 PagerDuty paged @sam. The on-call engineer got paged. Users saw timeouts.
        - 09:10 Dana declared SEV-1
        09:14 we rolled back the deploy

        At 09:16 the team disabled the new pool. Users saw timeouts until the caches warmed.

        [09:20] sam: I restarted the pool at 09:20 and merged the fix at 09:35
        [09:40] dana: posted an update to the status page

        | Time | Event |
        |------|-------|
        | 09:50 | Monitoring the fix |
        | 10:05 | Resolved |

        Resolved
        The issue is fixed.
        Posted Mar 12, 2024 - 10:10 UTC

        ## 10:30
        """;

    [Fact]
    public void Notes_enriched_as_they_are_read_equal_the_notes_read_then_enriched()
    {
        // Given notes with every form whose events change after they are added
        var options = new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 3, 12), DefaultZone = DateTimeZone.Utc };

        // When they are read with the enrichment applied as they are read, and read then enriched
        var asRead = NotesExtractor.Extract(EveryLateChange, options with { Finish = EventEnricher.For(Lexicon, Roster) }).Events;
        var after = NotesExtractor.Extract(EveryLateChange, options).Events.Select(EventEnricher.For(Lexicon, Roster)).ToList();

        // Then they are the same events, kinds, actors and evidence included (and the text has events of several kinds)
        AssertSame(after, asRead);
        Assert.Contains(asRead, e => e.Kind == EventKind.Mitigation);
        Assert.Contains(asRead, e => e.Actor == "On-call engineer");
        Assert.Contains(asRead, e => e.Context is not null);
        Assert.Contains(asRead, e => e.Text.StartsWith("Checkout errors", StringComparison.Ordinal)); // The heading's text, given after it was added.
        Assert.True(asRead.Select(e => e.Kind).Distinct().Count() >= 4, string.Join(", ", asRead.Select(e => e.Kind)));
    }

    [Fact]
    public void Every_corpus_case_enriched_as_read_equals_it_read_then_enriched()
    {
        // Given the labelled corpus of real postmortems and chat pastes (72 texts of every form)
        var cases = CorpusCase.LoadAll(Repo.PathOf("tests", "Postmortem.Tests", "Corpus"));
        Assert.True(cases.Count >= 50, $"{cases.Count} corpus cases");
        foreach (var c in cases)
        {
            var options = new NotesOptions { File = c.Path, AnchorDate = c.Date, DefaultZone = DateTimeZoneProviders.Tzdb[c.Zone] };

            // When each is read with and without the enrichment applied as it is read
            var asRead = NotesExtractor.Extract(c.Text, options with { Finish = EventEnricher.For(Lexicon, Roster) }).Events;
            var after = NotesExtractor.Extract(c.Text, options).Events.Select(EventEnricher.For(Lexicon, Roster)).ToList();

            // Then the events are the same
            AssertSame(after, asRead, c.Id);
        }
    }

    [Theory]
    [InlineData("events.csv")] // Each row's zone and source are amended after it is added.
    [InlineData("slack")]
    [InlineData("pagerduty-log-entries.json")] // Newest first: reversed after reading.
    [InlineData("statuspage.json")]
    public async Task Exports_enriched_as_they_are_read_equal_the_exports_read_then_enriched(string export)
    {
        // Given an export from the fixtures
        var path = Repo.PathOf("tests", "Postmortem.Tests", "Fixtures", "exports", export);
        var options = new ExportOptions { All = true, Classifier = Lexicon };

        // When it is read with the enrichment applied as it is read, and read then enriched
        var asRead = await ExportReader.ReadAsync(path, options with { Finish = EventEnricher.For(Lexicon, Roster) }, TestContext.Current.CancellationToken);
        var read = await ExportReader.ReadAsync(path, options, TestContext.Current.CancellationToken);
        var after = read.Events.Select(EventEnricher.For(Lexicon, Roster)).ToList();

        // Then they are the same events, and the export's own kinds are left as they were
        Assert.NotEmpty(asRead.Events);
        Assert.All(read.Events, e => Assert.Empty(e.Evidence));
        AssertSame(after, asRead.Events, export);
        Assert.Equal(read.Diagnostics, asRead.Diagnostics);
    }

    [Fact]
    public void Events_already_enriched_are_only_put_in_time_order_and_stably()
    {
        // Given enriched events out of order, two at the same instant
        var enrich = EventEnricher.For(Lexicon, []);
        var events = NotesExtractor.Extract("09:30 rolled back\n09:10 alert fired\n09:30 paged @sam\n", new NotesOptions { File = "n.md", AnchorDate = new LocalDate(2024, 3, 12), DefaultZone = DateTimeZone.Utc })
            .Events.Select(enrich).ToList();

        // When they are put in time order
        var ordered = EventEnricher.InTimeOrder([.. events]);

        // Then they are the enriched events themselves, by time, equal times in the order read
        Assert.Equal([events[1], events[0], events[2]], ordered);
        Assert.Same(events[0], ordered[1]);
    }

    private static void AssertSame(IReadOnlyList<TimelineEvent> expected, IReadOnlyList<TimelineEvent> actual, string? name = null)
    {
        Assert.True(expected.Count == actual.Count, $"{name}: {actual.Count} events, expected {expected.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            // Evidence lists are compared by their items (each enrichment shares its own instances).
            Assert.True(expected[i].Evidence.SequenceEqual(actual[i].Evidence), $"{name}, event {i}: evidence {string.Join("; ", actual[i].Evidence)}, expected {string.Join("; ", expected[i].Evidence)}");
            Assert.True(expected[i] with { Evidence = [] } == actual[i] with { Evidence = [] }, $"{name}, event {i}: {actual[i]}, expected {expected[i]}");
        }
    }
}
