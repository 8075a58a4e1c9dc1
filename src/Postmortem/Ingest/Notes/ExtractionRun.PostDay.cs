using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

// ExtractionRun, in part: the post's own day, which "yesterday", "last night" and "this morning" count from.
internal sealed partial class ExtractionRun
{
    // The day the text was written on: a date alone on a line at its head, before any moment ("Tuesday, July 17, 2007" above a blog
    // post), or a byline's date without a clock ("Posted on July 17, 2007 by …"). Dropped when a second day heading (or a first one
    // after a moment) shows the text to be a log by day, whose headings are each its day in force.
    private LocalDate? postDay;
    private int dayHeadings;

    // A date line was read and set the day in force.
    private void NoteDayHeading()
    {
        dayHeadings++;
        postDay = dayHeadings == 1 && Events.Count == 0 && postDay is null ? currentDate : null;
    }

    // "Posted on July 17, 2007 by Dana", "Published: 17 July 2007": a byline that dates the post, without a clock.
    private void ReadByline(string line)
    {
        if (postDay is null && dayHeadings == 0 && Events.Count == 0 && line.Length <= 100 && Byline().IsMatch(line) && TimeScanner.FindAll(line).Count == 0
            && TimeScanner.FindDate(line)?.Resolve(options.AnchorDate ?? YearHint()) is { } day)
        {
            postDay = day;
        }
    }

    /// <summary>
    /// The day that "yesterday", "last night" and "this morning" count from: the post's own day, when the text has one and the date
    /// in force is not later than it. "IDA confirmed the failure at 11.40am yesterday" under the header "Tuesday, July 17, 2007",
    /// after "yesterday's (16 July) outage" moved the date in force back to the 16th, is on the 16th, not the 15th. Null otherwise
    /// (the date in force, or the given date, is counted from as before). Only while the date in force is the post's day or the day
    /// before it: a write-up dated a week later that names the day it tells of ("On Tuesday, July 10 … since 5pm yesterday") counts
    /// from that day (the review of the twenty-eighth session, finding F9).
    /// </summary>
    private LocalDate? WrittenOn() => postDay is { } day && (currentDate ?? day) is var inForce && inForce <= day && inForce >= day.PlusDays(-1) ? day : null;

    /// <summary>
    /// A day written without its year, read in the year of the post's own date while that date is in force, that would fall after
    /// the post: the year before. "Post-mortem … 07 Jan 2015" above "On 23rd October, at 4:19 AM" tells of October 2014; a write-up
    /// tells of days before it was written (session 32). Only more than a month after it: a chat's or a log's first day heading
    /// ("Wednesday, February 8th") is no post date, and the days after it run on in its year.
    /// </summary>
    private LocalDate BeforePostDay(LocalDate date) =>
        postDay is { } day && currentDate == day && date > day.PlusMonths(1) && date.PlusYears(-1) <= day ? date.PlusYears(-1) : date;

    [GeneratedRegex(@"^[\s*_]*(?:Posted|Published)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Byline();
}
