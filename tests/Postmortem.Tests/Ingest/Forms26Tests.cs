using System.Diagnostics;
using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The readings of the twenty-sixth session (`s26-forms`, docs/accuracy.md): a span written again in brackets in another zone, a
/// clock before "tonight", four-digit clocks after "between", a window or moment written twice, "every"/"of the month" windows.
/// The forms themselves are rows of docs/notes-format.md; these are the edges, and a long hostile line for each new pass.
/// </summary>
public sealed class Forms26Tests
{
    private static NotesResult Extract(string notes) =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 3, 5), DefaultZone = DateTimeZoneProviders.Tzdb["UTC"] });

    [Fact]
    public void A_clock_before_tonight_in_a_chat_keeps_the_chat_reading()
    {
        // A message posted after midnight: "tonight" is the evening before, which the chat reading finds from the message's own clock.
        var result = Extract("[3/6 12:04 AM] Dana Reyes\nthe quota filled after the change we shipped at 9:15 tonight\n[3/6 12:10 AM] Lee Park\nraising the quota");
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 3, 5, 21, 15));
    }

    [Fact]
    public void A_bracketed_span_of_another_length_is_a_second_window()
    {
        // "(19:00 - 21:00 UTC)" is two hours, the first window one: not the same span written again.
        var result = Extract("Time (PDT): 12:00 PM - 1:00 PM (19:00 - 21:00 UTC)");
        Assert.Equal(2, result.Events.Count);
    }

    [Theory]
    [InlineData("Between 1200 and 1500 customers lost service.")]
    [InlineData("The archive holds papers from between 1990 and 2005.")]
    public void Counts_and_years_after_between_are_no_window(string line) => Assert.Empty(Extract(line).Events);

    [Fact]
    public void Two_things_at_the_same_minute_stay_two_events()
    {
        var result = Extract("14:06 the API stopped\n14:06 the pager fired");
        Assert.Equal(2, result.Events.Count);
    }

    [Fact]
    public void A_planned_clock_before_tonight_leaves_the_timeline_on_its_day()
    {
        // Review of session 26, finding 1: the evening clock is said of what is to come; the morning lines after it stay that morning.
        var result = Extract("- 08:00 search returned empty pages\n- 08:05 paged the search team; the index rebuild is booked for 8:45 tonight\n- 08:15 switched reads to the replica\n- 08:30 search results are back");
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 3, 5, 20, 45));
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 3, 5, 8, 15));
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 3, 5, 8, 30));
        Assert.DoesNotContain(result.Events, e => e.Time > Instant.FromUtc(2024, 3, 6, 0, 0));
    }

    [Fact]
    public void A_clock_before_tonight_in_a_summary_does_not_move_the_story_a_day_on()
    {
        var result = Extract("We will rerun the migration at 10:00 tonight. Login failed for every user from 07:20 and came back at 07:50.");
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 3, 5, 22, 0));
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 3, 5, 7, 20));
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2024, 3, 5, 7, 50));
    }

    [Theory]
    [InlineData("During the incident the connection pool hovered between 1100 and 1700, far above its usual 40.")]
    [InlineData("Nightly batch sizes ranged between 0900 and 1400.")]
    public void Four_digit_measures_after_between_are_no_window(string line) =>
        Assert.DoesNotContain(Extract("At 09:10 logins failed.\n" + line).Events, e => e.EndTime is not null);

    [Theory]
    [InlineData("The office link will be offline between 0630 and 0700.", 6, 30)]
    [InlineData("Expect a few minutes of disruption between 2215 and 2300.", 22, 15)]
    public void Four_digit_clocks_after_between_with_a_word_of_time_are_a_window(string line, int hour, int minute) =>
        Assert.Contains(Extract(line).Events, e => e.EndTime is not null && e.Time == Instant.FromUtc(2024, 3, 5, hour, minute));

    [Fact]
    public void Log_lines_of_one_second_in_one_block_stay_apart()
    {
        // Finding 4: a minute clock is no stamp to copy, and log lines of one second are several things.
        var result = Extract("11:20 login errors began\n11:20:00 auth-api ERROR token check timed out\n11:20:07 auth-api ERROR token check timed out\n11:20:07 session-store WARN connections exhausted");
        Assert.Equal(4, result.Events.Count);
    }

    [Fact]
    public void A_stamp_to_the_second_copied_into_another_block_is_one_moment()
    {
        var result = Extract("Crash time: 2024-03-05 20:55:03 UTC\n- 20:55:03 the last log line of the worker\n- 21:02 worker restarted");
        Assert.Equal(2, result.Events.Count);
    }

    [Fact]
    public void A_timeline_with_its_clocks_in_brackets_keeps_each_line()
    {
        var result = Extract("- Alert fired for login errors (11:05)\n- On-call engineer paged (11:05)\n- Rollback started (11:12)");
        Assert.Equal(3, result.Events.Count);
    }

    [Fact]
    public void A_bracketed_clock_that_points_back_is_no_new_moment()
    {
        var result = Extract("09:43 build starts\n09:50 build fails\n\nMemory at the crash point (09:43)");
        Assert.Equal(2, result.Events.Count);
    }

    [Theory]
    [InlineData("between 0700 and 0900, ")]
    [InlineData("offline between 0700 and 0900, ")]
    [InlineData("every Sunday 10:00 ")]
    [InlineData("(09:43) 09:43:01 ")]
    public void A_long_hostile_line_is_read_quickly(string piece)
    {
        var line = string.Concat(Enumerable.Repeat(piece, 70_000 / piece.Length));
        var watch = Stopwatch.StartNew();
        _ = Extract(line);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed} on a {line.Length}-character line of \"{piece.Trim()}\"");
    }
}
