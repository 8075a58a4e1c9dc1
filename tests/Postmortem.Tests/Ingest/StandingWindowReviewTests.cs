using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The standing-window pass (TimeScanner.StandingWindows.cs) drops a clock tied to a plural weekday by the words of a schedule,
/// never a clock that tells a moment of its own: one that leads its timeline line, one that carries its own date, or one with a
/// verb of its own between it and the plural day (twenty-fifth session's review, docs/accuracy.md).
/// </summary>
public sealed class StandingWindowReviewTests
{
    private static NotesResult Extract(string notes) =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 1, 1), DefaultZone = DateTimeZoneProviders.Tzdb["UTC"] });

    [Theory]
    [InlineData("- 02:13 The batch job that runs on weekdays failed")]
    [InlineData("- 02:13 Batch job failed (it runs on weekdays)")]
    [InlineData("02:13 - Batch job failed (it runs on weekdays)")]
    [InlineData("**2024-01-01 02:13** Batch job that runs on weekdays failed")]
    [InlineData("The nightly job, which runs on weekdays, kicked off at 02:13 and filled the disk.")]
    public void A_clock_that_tells_a_moment_is_kept(string line)
    {
        var result = Extract(line);
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 1, 1, 2, 13));
    }

    [Theory]
    [InlineData("Backups run between 1-3am on Sunday nights, so the portal may be slow then.")]
    [InlineData("Our desk answers calls Mondays to Fridays from 09:00 to 17:00.")]
    [InlineData("Maintenance happens on weekdays from 02:00 to 04:00.")]
    public void A_schedule_is_still_no_moment(string line) => Assert.Empty(Extract(line).Events);

    [Fact]
    public void A_long_line_of_plural_days_and_clocks_is_read_to_the_end()
    {
        // One line of 2,000 plural days, 30 words, then 2,000 clocks: each day looks only at the clocks within reach of it (the
        // same line of 5,000 each took 81 s in `timeline` before the distance was tested first, 2.2 s after). The words part
        // the clocks from every day, so the clocks stay.
        var line = "- " + string.Concat(Enumerable.Repeat("Mondays ", 2000)) + string.Concat(Enumerable.Repeat("x ", 30))
            + string.Concat(Enumerable.Repeat("10:00 ", 2000));
        Assert.NotEmpty(Extract(line).Events);
    }
}
