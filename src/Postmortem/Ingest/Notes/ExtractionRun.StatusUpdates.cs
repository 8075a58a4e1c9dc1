using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using Postmortem.Diagnostics;

namespace Postmortem.Ingest.Notes;

// ExtractionRun, in part: Status-page histories copied from the page: updates under a status word or above a "Posted …" line.
internal sealed partial class ExtractionRun
{
    /// <summary>
    /// A status page's history as copied from the page: a status word on its own line ("Resolved"), the update
    /// below it, then "Posted Mar 12, 2024 - 15:04 UTC". One update is one event at its posted time.
    /// </summary>
    private bool ReadStatusUpdate(string line, int lineNo)
    {
        if (line.Length < 24 && NotesExtractor.StatusWord().Match(line) is { Success: true } word)
        {
            Flush();
            sincePosted.Clear();
            heldFrom = -1;
            update = new StatusUpdate(word.Groups["w"].Value, lineNo);
            return true;
        }

        if (update is not { } open)
        {
            // A blank line may stand between the update and its "Posted …" line: the update is then everything since the
            // previous "Posted …" line.
            if ((paragraph.Count > 0 || (postedHistory && sincePosted.Length > 0)) && line.Contains("Posted", StringComparison.Ordinal) && NotesExtractor.Posted().Match(line) is { Success: true } after)
            {
                // An update followed by its "Posted …" line, without a status word (older status pages).
                var when = after.Groups["when"];
                var times = Scan(when.Value, lineNo, when.Index + 1);
                if (times.Count > 0)
                {
                    var text = NotesExtractor.Tidy(sincePosted.Length > 0 ? sincePosted.ToString() : string.Join(' ', paragraph.Select(p => p.Text.Trim())));
                    sincePosted.Clear();
                    var first = paragraph.Count > 0 ? paragraph[0].Line : lineNo;
                    if (paragraph.Exists(p => TimeScanner.FindAll(p.Text).Count > 0))
                    {
                        // The update's own times ("a fix went in at 12:08 CET") are moments of their own, as in an update under a status word.
                        Flush();
                    }

                    paragraph.Clear();
                    var told = heldFrom;
                    heldFrom = -1;
                    if (!Add(times[^1], text, text + " " + line.Trim(), lineNo, when.Index + 1 + times[^1].Index, "Status page", null, null, null))
                    {
                        return first > 0;
                    }

                    if (told >= 0)
                    {
                        NotAfterStamp(told, Events.Count - 1, Events[^1].Time);
                    }

                    return true;
                }
            }

            return false;
        }

        if (line.Contains("Posted", StringComparison.Ordinal) && NotesExtractor.Posted().Match(line) is { Success: true } posted)
        {
            update = null;
            sincePosted.Clear();
            var when = posted.Groups["when"];
            var times = Scan(when.Value, lineNo, when.Index + 1);
            if (times.Count > 0)
            {
                var text = NotesExtractor.Tidy(open.Text.ToString());
                Add(times[^1], text.Length > 0 ? open.Status + " - " + text : open.Status, open.Status + " " + open.Text + " " + line.Trim(), lineNo, when.Index + 1 + times[^1].Index,
                    "Status page", null, null, null, open.Status);
            }

            return true;
        }

        if (open.Segments.Count >= 30 || TimeScanner.FindAll(line).Count > 0)
        {
            // Not a copied status update after all (a time of its own, or too long): read what was held as notes.
            GiveUpUpdate(lineNo);
            return false;
        }

        open.Segments.Add(new Segment(lineNo, 1, line));
        open.Text.Append(open.Text.Length > 0 ? " " : string.Empty).Append(line.Trim());
        return true;
    }

    /// <summary>
    /// The open update is no copied status update after all (a time or a day heading of its own, a heading, too long): what it
    /// held is read as notes, in the paragraphs it was written in. Blank lines never reach the update, so a gap in the held lines'
    /// numbers is where a paragraph ended ("Postmortem", an intro, "Timeline", "March 31, 2023 - …" are paragraphs of their own,
    /// not one sentence whose first date would stand over the day headings below), and a gap before <paramref name="lineNo"/>
    /// ends the last one. An update that tells of the past (resolved, a postmortem) keeps its stamp's bound on the clocks it
    /// dates by carrying a day.
    /// </summary>
    private void GiveUpUpdate(int lineNo)
    {
        if (update is not { } open)
        {
            return;
        }

        update = null;
        heldFrom = PastTense.Contains(open.Status) ? Events.Count : -1;
        carriedDates.Clear();
        var last = -1;
        foreach (var held in open.Segments)
        {
            if ((last >= 0 && held.Line > last + 1) || (paragraph.Count > 0 && StartsItem(held.Text)))
            {
                Flush();
            }

            paragraph.Add(held);
            last = held.Line;
        }

        if (last >= 0 && lineNo > last + 1)
        {
            Flush();
        }
    }

    /// <summary>
    /// A status history written newest first: the stamps on lines of their own that carry no date run backwards
    /// in time of day (5:33 PM, 5:02 PM, 4:53 PM).
    /// </summary>
    /// <remarks>Keeps each line's <see cref="IsTimeOnly"/> in <see cref="timeOnlyLines"/>, read again by <see cref="IsTimeOnlyLine"/>.</remarks>
    private bool StampsRunBackwards(IReadOnlyList<string> lines)
    {
        var clocks = new List<LocalTime>();
        timeOnlyLines = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if ((timeOnlyLines[i] = IsTimeOnly(line)) && TimeScanner.FindAll(Stamp(line)) is { Count: > 0 } times
                && times[0] is { Date: null, MonthDay: null, Weekday: null, EndTime: null } t)
            {
                clocks.Add(t.Time);
            }
        }

        return clocks.Count >= 2 && clocks.Zip(clocks.Skip(1)).All(p => p.Second < p.First);
    }

    // IsTimeOnly of a line of the notes as StampsRunBackwards read it (the same string at its number), else read now.
    private bool IsTimeOnlyLine(string line, int lineNo) =>
        lineNo - options.FirstLine is var at && at >= 0 && at < timeOnlyLines.Length && ReferenceEquals(allLines[at], line) ? timeOnlyLines[at] : IsTimeOnly(line);

    // A line holding one moment and nothing else ("12:28am PDT / 3:28am EDT / 7:28am GMT" is one moment).

    private static bool IsTimeOnly(string line)
    {
        // Most lines are refused on their span, before a stamp is made of them: without "ago" the stamp is that span.
        if (UnemphasisedSpan(line) is var span && !span.ContainsAny(Ago) && !MayBeTimeOnly(span))
        {
            return false;
        }

        var text = Stamp(line);
        if (!MayBeTimeOnly(text))
        {
            return false;
        }

        var times = TimeScanner.FindAll(text);
        if (times.Count == 0 || MomentSplitter.Split(text, times).Count != 1)
        {
            return false;
        }

        var rest = new StringBuilder(text);
        for (var i = times.Count - 1; i >= 0; i--)
        {
            rest.Remove(times[i].Index, times[i].Length);
        }

        return NotesExtractor.Tidy(rest.ToString().Replace("/", " ", StringComparison.Ordinal).Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal)).Length == 0;
    }

    // A status page's age of a stamp beside it: "(11 months ago)", "· about 2 hours ago", "[3 days ago]".
    [GeneratedRegex(@"\s*(?:[(\[]\s*|[·•|-]\s*)?(?:about |around |almost |over |nearly )?(?:\d{1,3}|an?|one) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago\s*[)\]]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeAge();

    private static readonly SearchValues<string> Ago = SearchValues.Create(["ago"], StringComparison.OrdinalIgnoreCase);

    private bool[] timeOnlyLines = [];

    private static readonly SearchValues<string> StatusLabels = SearchValues.Create(
        ["investigating", "identified", "monitoring", "resolved", "update", "verifying", "recovering", "completed", "postmortem"], StringComparison.OrdinalIgnoreCase);

    // False only when neither StatusStamp nor StatusThenStamp can match the line: it is ASCII and holds none of their labels in any
    // case (both patterns are anchored and need one; outside ASCII their case-blind letters are left to them). Most lines are
    // refused by one vectorised search instead of two tries of the patterns (docs/benchmarks.md, twenty-fourth session).
    internal static bool MayHoldStatusLabel(string line) => !System.Text.Ascii.IsValid(line) || line.AsSpan().ContainsAny(StatusLabels);

    // A stamp on a line of its own, without the page's count of the time since it ("Sep 23, 2024 17:55 UTC+0 (11 months ago)"):
    // the count is not something said, and the update is the text below.
    private static string Stamp(string line) => Unemphasised(line) is var text && text.AsSpan().ContainsAny(Ago)
        ? RelativeAge().Replace(text, string.Empty) : text;

    // A line without the white space and the bold or italic marks around it.
    private static string Unemphasised(string line) => UnemphasisedSpan(line) is var text && text.Length == line.Length ? line : text.ToString();

    // Unemphasised as a span: the line itself when its ends are neither white space nor a mark (most lines), else the line
    // trimmed as string.Trim, Trim('*', '_') and Trim trimmed it.
    private static ReadOnlySpan<char> UnemphasisedSpan(string line) =>
        line.Length > 0 && !EndTrimmed(line[0]) && !EndTrimmed(line[^1]) ? line : line.AsSpan().Trim().Trim("*_").Trim();

    private static bool EndTrimmed(char c) => c is '*' or '_' || char.IsWhiteSpace(c);

    // The tests of IsTimeOnly that read only the stamp's start and its words: short, a letter or digit first, a time's first word, no prose.
    private static bool MayBeTimeOnly(ReadOnlySpan<char> text) =>
        text.Length is > 0 and <= 120 && char.IsAsciiLetterOrDigit(text[0]) && TimeScanner.MightStartWithTime(text) && !HasProseWord(text);

    // A word of five letters or more that is not a month or weekday name means the line says something besides its time.

    private static bool HasProseWord(ReadOnlySpan<char> text)
    {
        var run = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetter(text[i]))
            {
                run++;
                continue;
            }

            if (run >= 5 && !TimeScanner.MightStartWithTime(text.Slice(i - run, run)))
            {
                return true;
            }

            run = 0;
        }

        return false;
    }

    /// <summary>A status-page update being read: its status word and its text until the "Posted …" line.</summary>
    /// <summary>
    /// The clocks of an update that tells of the past, dated by the day in force, cannot be later than the stamp below it
    /// ("Resolved / Between 4:23 PM to 5:03 PM pacific time … / Posted May 17, 2024 - 00:34 UTC", under an update of May 17):
    /// such a clock is on the stamp's own day in its zone, or the day before.
    /// </summary>
    private void NotAfterStamp(int from, int to, Instant stamp)
    {
        foreach (var i in carriedDates)
        {
            if (i < from || i >= to || Events[i] is not { } e || e.Time <= stamp + Duration.FromMinutes(5) || TzdbZones.GetZoneOrNull(e.Zone) is not { } zone)
            {
                continue;
            }

            var local = e.Time.InZone(zone).LocalDateTime;
            var days = Period.Between(local.Date, stamp.InZone(zone).Date, PeriodUnits.Days).Days;
            if (zone.AtLeniently(local.PlusDays(days)).ToInstant() > stamp + Duration.FromMinutes(5))
            {
                days--;
            }

            if (days is >= 0 or < -3)
            {
                continue;
            }

            Events[i] = e with
            {
                Time = zone.AtLeniently(local.PlusDays(days)).ToInstant(),
                EndTime = e.EndTime is { } end ? zone.AtLeniently(end.InZone(zone).LocalDateTime.PlusDays(days)).ToInstant() : null,
            };
            var at = local.Date.PlusDays(days).ToString("yyyy-MM-dd", null);
            Diagnostics.Add(DiagnosticCatalog.DayBeforePost(options.File, e.Provenance.Line, e.Provenance.Column, e.WrittenTime, at));
        }

        carriedDates.Clear();
    }

    // The status words of updates written after the fact.
    private static readonly HashSet<string> PastTense = new(StringComparer.Ordinal) { "Resolved", "Postmortem", "Completed" };

    // The update whose clocks the next "Posted …" stamp bounds: the index of its first event, or -1; and the events it
    // dated by the day in force.
    private int heldFrom = -1;
    private readonly List<int> carriedDates = [];

    private sealed class StatusUpdate(string status, int line)
    {
        public string Status { get; } = status;

        public int Line { get; } = line;

        public StringBuilder Text { get; } = new();

        public List<Segment> Segments { get; } = [];
    }
}
