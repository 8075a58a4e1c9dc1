using System.Buffers;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.TimeZones;
using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Ingest.Notes;

// ExtractionRun, in part: One moment to one timeline event: its date, zone, instant, provenance and confidence.
internal sealed partial class ExtractionRun
{
    private bool Add(TimeExpression e, string text, string raw, int line, int column, string? source, string? actor, EventKind? kind, ZoneToken? tableZone = null, string? status = null, string? kindRule = null)
    {
        column += options.ColumnOffset;
        if (e.DateAmbiguous && DayFirst)
        {
            // The notes write dates day-first elsewhere ("Resolved [15/02/2022 23:09]"): "11/02/2022 09:47" is 11 February.
            var turned = new WrittenDate(e.Date, e.MonthDay, null, true).DayFirst();
            e = e with { Date = turned.Date, MonthDay = turned.MonthDay };
        }

        // "we rolled back at 9:20 tonight", "the vendor will patch at 9:30 tonight" (TimeScanner.Evening.cs): the evening of the
        // day in force, read as a mentioned clock is: it sets neither the running order (lastInstant) nor the date, is not
        // rolled past midnight and takes no part in an afternoon run, so the clocks after it keep their own reading.
        var tonight = e.TonightAfter && source is not "chat" && !chatPaste && mentionedBefore is null;
        if (tonight)
        {
            e = e with { Time = e.Time.PlusHours(12) };
        }

        if (source is not "chat" && !tonight && !afternoonRunBlocked && (afternoonRunClock is not null || e.Time.Hour is 0 or >= 12) && e.Date is null && e.MonthDay is null
            && e.IsoOffset is null && e.Weekday is null && e.DaysBack == 0 && mentionedBefore is null && e.Raw.Trim() is { Length: > 0 } lead && LeadsItsLine(lead, line))
        {
            e = AfternoonRun(e, lead); // "12:46 …" then "1:00 …": the run goes on into the afternoon (ExtractionRun.AfternoonRun.cs)
        }

        if (source is not "chat" && e.EndTime is null && e.Date is null && e.MonthDay is null && e.IsoOffset is null && e.Time.Hour is >= 1 and <= 11
            && e.Raw.Trim() is { Length: > 0 } bare && bare[0] is >= '1' and <= '9' && !WrittenMeridiem.Says(e.Raw) && LeadsItsLine(bare, line)
            && InAfternoonWindow(e.Time))
        {
            // "Between 4:23 PM and 5:03 PM" in the summary, then a timeline of bare clocks ("4:27 On-call engineer paged"): a clock
            // without am/pm that leads its line and falls inside a window the text writes in the afternoon, and not in its morning
            // reading, is in it. Not a clock inside a sentence ("As of 8:30 this morning", under an estimate "between 8 and 10 pm").
            e = e with { Time = e.Time.PlusHours(12) };
        }

        var date = e.Date;
        if (date is null && e.MonthDay is { } md)
        {
            if ((currentDate ?? options.AnchorDate ?? YearHint()) is not { } anchor || (md.Month == 0 && currentDate is null && options.AnchorDate is null)
                || md.Day > CalendarSystem.Iso.GetDaysInMonth(anchor.Year, md.Month == 0 ? anchor.Month : md.Month))
            {
                Diagnostics.Add(DiagnosticCatalog.NoDateForTime(options.File, line, column, e.Raw));
                return false;
            }

            // "on the 4th" (month 0): the day of the month in force.
            date = md.Month == 0 ? new LocalDate(anchor.Year, anchor.Month, md.Day) : BeforePostDay(new LocalDate(anchor.Year, md.Month, md.Day));
        }

        if (date is null && e.Weekday is not null)
        {
            date = new WrittenDate(null, null, e.Weekday, false).Resolve(currentDate ?? options.AnchorDate);
        }

        if (e.MeridiemIgnored)
        {
            Diagnostics.Add(DiagnosticCatalog.MeridiemIgnored(options.File, line, column, e.Raw.Trim(), e.Time.ToString("HH:mm", null)));
        }

        if (e.DateAmbiguous && date is { } read)
        {
            Diagnostics.Add(DiagnosticCatalog.AmbiguousNumericDate(options.File, line, column, e.Raw.Trim(), read.ToString("yyyy-MM-dd", null)));
        }

        var dateWritten = date is not null;
        var lookingBack = false;
        if (date is null && e.DaysBack > 0 && (WrittenOn() ?? currentDate ?? options.AnchorDate) is { } today)
        {
            // "5:00 PM yesterday": the day before the post's own day (ExtractionRun.PostDay.cs), else before the date in force, which
            // stays in force for the times after it.
            date = today.PlusDays(-e.DaysBack);
            lookingBack = true;
        }

        if (date is null && !lookingBack && postedHistory && OwnPostDate(raw, line) is { } own)
        {
            // "As of 8:30 this morning every stuck email has been delivered" above "Posted Feb 02, 2017 - 08:35 EST": a time
            // the update ties to its own day ("this morning", "today", "tonight") is on the day of the stamp below it, before
            // the date in force or the one given.
            date = own;
        }

        if (date is null && !lookingBack && WrittenOn() is { } writtenOn && SameDayWord().IsMatch(raw))
        {
            date = writtenOn; // "by 8:30 this morning" in a post dated by its header or byline: the post's own day.
        }

        date ??= currentDate;

        if (date is null && postedHistory && FirstPostedDate() is { } posted)
        {
            // "At approximately 15:00 UTC the certificates expired" in a status page's postmortem, above the updates
            // stamped "Posted Apr 05, 2022 - 15:25 UTC": the day the history began.
            date = posted;
            Diagnostics.Add(DiagnosticCatalog.DateFromStatusHistory(options.File, line, column, e.Raw.Trim(), posted.ToString("yyyy-MM-dd", null)));
        }

        if (e.DayShift != 0 && date is { } unshifted)
        {
            date = unshifted.PlusDays(e.DayShift); // "11pm on Sunday (7am UTC)": the bracket's clock is on Monday.
        }

        if (date is not { } day)
        {
            Diagnostics.Add(DiagnosticCatalog.NoDateForTime(options.File, line, column, e.Raw));
            return false;
        }

        var written = e.ZoneText is { } zoneText ? ZoneAbbreviations.Lookup(zoneText) : null;
        if (written is { Kind: ZoneTokenKind.Fixed, Zone: { } fixedZone } w && YearRoundRegion(w, day + e.Time) is { } region
            && region.AtLeniently(day + e.Time) is var local && local.Offset != fixedZone.GetUtcOffset(local.ToInstant())
            && region.MapLocal(day + e.Time) is { Count: 1 })
        {
            // "08:46 AM PST" on May 10: the standard label written all year for the local clock, not UTC-8 in summer.
            var observed = region.GetZoneInterval(local.ToInstant()).Name;
            Diagnostics.Add(DiagnosticCatalog.StandardLabelInSummer(options.File, line, column, w.Written, region.Id, observed));
            written = new ZoneToken(w.Written, ZoneTokenKind.Region, region, null, null);
        }

        var (zone, origin) = ChooseZone(e, written, tableZone, line, column);
        var instant = Map(day + e.Time, zone, e, written, line, column);
        var clock = e.Time;
        var readAfterPm = false;
        if (source is not "chat" && !dateWritten && !lookingBack && mentionedBefore is null && e.EndTime is null && e.IsoOffset is null
            && lastWrittenPm is not null && !LeadsItsLine(e.Raw.Trim(), line) && AfterPmReading(e, day, zone, instant, text) is { } afternoon)
        {
            instant = afternoon; // "until 6:10 PM … at 4:11 EDT": the afternoon of the pm clock (ExtractionRun.AfterPm.cs)
            e = e with { Time = e.Time.PlusHours(12) };
            readAfterPm = true;
        }

        var rolled = false;
        if ((mentionedBefore is not null || (source == "chat" && chatPaste && lastInstant is not null))
            && !dateWritten && !lookingBack && e.EndTime is null && e.IsoOffset is null && clock.Hour <= 12 && !WrittenMeridiem.Says(e.Raw))
        {
            // A clock without am/pm in a chat: "11:46" under "Priya  11:43 PM" is 11:46 PM; a time mentioned in a
            // message ("failing since about 11:40") is the latest reading at or before the message.
            if (ChatReading(day, clock, zone, mentionedBefore, lastInstant, mentionAhead) is { } pick)
            {
                instant = pick;
                day = pick.InZone(zone).Date;
                dateWritten = mentionedBefore is null && day != (currentDate ?? day);
            }
        }
        else if (mentionAhead && mentionedBefore is { } before && !dateWritten && e.IsoOffset is null && instant <= before)
        {
            day = day.PlusDays(1); // "ETA 12:30 AM" at 11:50 PM: the night ahead
            instant = Map(day + e.Time, zone, e, written, line, column);
        }
        else if (mentionedBefore is { } saidAt && !mentionAhead && !dateWritten && !lookingBack && e.EndTime is null && e.IsoOffset is null && e.ZoneText is null && instant > saidAt + Duration.FromMinutes(5))
        {
            // "[09:40] the nightly backup at 23:00 filled the disk": a 24-hour clock a message mentions, later in the day than the
            // message (and not still to come: ExtractionRun.Chat.cs), is the day before's.
            day = day.PlusDays(-1);
            instant = Map(day + e.Time, zone, e, written, line, column);
        }
        else if (!dateWritten && !lookingBack && mentionedBefore is null && !tonight && rollover && lastInstant is { } last && instant < last - RolloverThreshold)
        {
            day = day.PlusDays(1);
            instant = Map(day + e.Time, zone, e, written, line, column);
            Diagnostics.Add(DiagnosticCatalog.MidnightRollover(options.File, line, column, e.Raw, day.ToString("yyyy-MM-dd", null)));
            dateWritten = true;
            rolled = true;
        }

        if (!dateWritten && !lookingBack && mentionedBefore is null && !tonight && postedAt is { } post && e.EndTime is null && instant > post + Duration.FromMinutes(5)
            && instant - Duration.FromDays(1) <= post && (lastInstant is not { } prev || prev == post || instant - Duration.FromDays(1) >= prev))
        {
            // "went offline at 22:36 CET" in a post stamped "Feb 17th 2017 10:55": a post tells of what has happened, so a
            // clock later than its stamp on the stamp's day is the day before (never before a moment the post told already).
            day = day.PlusDays(-1);
            instant = Map(day + e.Time, zone, e, written, line, column);
            Diagnostics.Add(DiagnosticCatalog.DayBeforePost(options.File, line, column, e.Raw, day.ToString("yyyy-MM-dd", null)));
            dateWritten = true;
        }

        var endField = EndField(raw);
        if (dateWritten && mentionedBefore is null && !(rolled && endField))
        {
            currentDate = day;
            dayOne ??= day;
        }

        Instant? end = null;
        if (e.EndTime is { } endTime)
        {
            var endDay = e.EndDays is > 0 and <= 31 ? day.PlusDays(e.EndDays.Value) : endTime <= e.Time ? day.PlusDays(1) : day;
            end = Map(endDay + endTime, zone, e, written, line, column);
        }

        var confidence = origin switch
        {
            ZoneOrigin.Written => e.IsoOffset is null ? 0.95 : 1.0,
            ZoneOrigin.Declared => 0.9,
            ZoneOrigin.Carried => 0.8,
            _ => 0.7,
        } - (e.Approximate ? 0.2 : 0);

        if (heldFrom >= 0 && mentionedBefore is null)
        {
            // An update that writes its own date ("From November 22nd at 10:30 CET") dates its clocks itself: its stamp no longer bounds them.
            if (dateWritten || lookingBack)
            {
                heldFrom = -1;
                carriedDates.Clear();
            }
            else
            {
                carriedDates.Add(Events.Count);
            }
        }

        Events.Add(new TimelineEvent
        {
            Time = instant,
            EndTime = end,
            WrittenTime = e.Raw.Trim(),
            Zone = zone.Id,
            ZoneOrigin = origin,
            Text = Cut(text, line, column),
            Kind = kind ?? EventKind.Other,
            KindRule = kindRule ?? (kind is null ? KindRules.Unclassified : KindRules.Explicit),
            Source = source,
            Actor = actor,
            Status = status ?? FieldStatusInForce(raw),
            Confidence = Math.Round(confidence, 2),
            Provenance = ProvenanceOf(line, column, Excerpt(raw)),
        });
        if (mentionedBefore is null && !tonight)
        {
            if (!endField)
            {
                lastInstant = instant; // an end field ("Actual Clear Time: 22:10") is no step of the running order (ExtractionRun.Seasons.cs)
            }

            NoteMeridiem(e, instant, readAfterPm);
        }

        return true;
    }

    // The reading of a chat clock without am/pm, among the day before, the day and the day after, each at the clock and
    // twelve hours later: the latest at or before the time that mentions it, or else the first at or after the message above.
    // A method of its own, so that its lambdas' closure is made only for such a clock, not at every Add.
    private static Instant? ChatReading(LocalDate day, LocalTime clock, DateTimeZone zone, Instant? mentionedBefore, Instant? lastInstant, bool ahead)
    {
        var candidates = new[] { day.PlusDays(-1) + clock, day.PlusDays(-1) + clock.PlusHours(12), day + clock, day + clock.PlusHours(12), day.PlusDays(1) + clock, day.PlusDays(1) + clock.PlusHours(12) }
            .Select(local => zone.AtLeniently(local).ToInstant())
            .Order() // "12:33" plus twelve hours is 00:33 of the same day: the readings in the order of time
            .ToList();
        if (ahead && mentionedBefore is { } at)
        {
            return candidates.Where(c => c > at).Select(c => (Instant?)c).FirstOrDefault(); // "ETA 00:30" at 23:50: the next reading
        }

        return mentionedBefore is { } said
            ? candidates.Where(c => c <= said + Duration.FromMinutes(5)).Select(c => (Instant?)c).LastOrDefault()
            : candidates.Where(c => c >= lastInstant!.Value - Duration.FromMinutes(5)).Select(c => (Instant?)c).FirstOrDefault();
    }

    /// <summary>Longest event text kept; longer text (a pasted log line, a runaway paragraph) is cut with a note (PM0151).</summary>
    internal const int MaxEventText = 2000;

    private string Cut(string text, int line, int column)
    {
        if (text.Length <= MaxEventText)
        {
            return text;
        }

        Diagnostics.Add(DiagnosticCatalog.EventTextCut(options.File, line, column, text.Length, MaxEventText));
        return text[..MaxEventText] + "…";
    }

    // A provenance whose raw text, when it is part of its line of a UTF-8 notes file, is kept as a range of the file's
    // bytes instead of a string of its own (issue 9, scale).

    private Provenance ProvenanceOf(int line, int column, string raw) =>
        source is Utf8Lines lines && lines.Slice(line - options.FirstLine, raw) is { } slice
            ? new Provenance(options.File, line, column, slice)
            : new Provenance(options.File, line, column, raw);

    // The raw text a provenance keeps: the line or sentence, bounded so that many moments in one huge sentence stay linear.

    private static string Excerpt(string raw)
    {
        return raw.Length <= MaxEventText ? raw.Trim() : string.Concat(raw.AsSpan().Trim()[..MaxEventText], "…");
    }

    // North American standard-time labels that writers use all year for the local clock ("PST" in July); MST is left
    // out here (Arizona keeps it all year) and stands for the wall clock only under a configured Mountain zone (YearRoundRegion).
    private static readonly HashSet<string> YearRoundLabels = new(["EST", "PST", "AKST"], StringComparer.Ordinal);

    private (DateTimeZone Zone, ZoneOrigin Origin) ChooseZone(TimeExpression e, ZoneToken? written, ZoneToken? tableZone, int line, int column)
    {
        if (e.IsoOffset is { } offset)
        {
            return (DateTimeZone.ForOffset(offset), ZoneOrigin.Written);
        }

        if (written is { } token)
        {
            if (token.Kind == ZoneTokenKind.Ambiguous)
            {
                Diagnostics.Add(DiagnosticCatalog.AmbiguousZoneAbbreviation(options.File, line, column, token.Written, token.Meanings ?? string.Empty, options.DefaultZone.Id));
                return (options.DefaultZone, ZoneOrigin.Configured);
            }

            carried = token;
            return (token.Zone!, ZoneOrigin.Written);
        }

        if (tableZone?.Zone is { } fromTable)
        {
            return (fromTable, ZoneOrigin.Declared);
        }

        if (declared?.Zone is { } fromDeclaration)
        {
            return (fromDeclaration, ZoneOrigin.Declared);
        }

        if (carried?.Zone is { } fromCarry)
        {
            return (fromCarry, ZoneOrigin.Carried);
        }

        return (options.DefaultZone, ZoneOrigin.Configured);
    }

    private Instant Map(LocalDateTime local, DateTimeZone zone, TimeExpression e, ZoneToken? written, int line, int column)
    {
        if (e.IsoOffset is { } offset)
        {
            return local.WithOffset(offset).ToInstant();
        }

        if (zone.MinOffset == zone.MaxOffset)
        {
            // A zone of one offset (UTC, "UTC+2", a written fixed offset) maps each local time to one instant, the one MapLocal
            // gives; without the mapping object MapLocal makes for every event (docs/benchmarks.md, twenty-fourth session).
            return AfterMapping(local.WithOffset(zone.MinOffset).ToInstant(), zone, written, line, column);
        }

        var mapping = zone.MapLocal(local);
        Instant instant;
        switch (mapping.Count)
        {
            case 0:
                instant = Resolvers.LenientResolver(mapping).ToInstant();
                Diagnostics.Add(DiagnosticCatalog.SkippedLocalTime(options.File, line, column, e.Raw.Trim(), zone.Id,
                    instant.InZone(zone).ToString("HH:mm o<g>", null)));
                break;
            case 2:
                // On the night clocks fall back, "1:05 AM" after "1:40 AM" is the second 1 a.m.
                instant = lastInstant is { } before && mapping.First().ToInstant() < before && mapping.Last().ToInstant() >= before
                    ? mapping.Last().ToInstant()
                    : mapping.First().ToInstant();
                Diagnostics.Add(DiagnosticCatalog.AmbiguousLocalTime(options.File, line, column, e.Raw.Trim(), zone.Id,
                    instant.InZone(zone).ToString("HH:mm o<g>", null)));
                break;
            default:
                instant = mapping.Single().ToInstant();
                break;
        }

        return AfterMapping(instant, zone, written, line, column);
    }

    // A fixed abbreviation read out of its season ("EST" in July) is noted, whichever way the instant was mapped.
    private Instant AfterMapping(Instant instant, DateTimeZone zone, ZoneToken? written, int line, int column)
    {
        if (written is { Kind: ZoneTokenKind.Fixed, Region: { } region } token
            && region.GetUtcOffset(instant) != zone.GetUtcOffset(instant))
        {
            Diagnostics.Add(DiagnosticCatalog.AbbreviationOutOfSeason(options.File, line, column, token.Written, region.Id,
                region.GetZoneInterval(instant).Name, zone.Id));
        }

        return instant;
    }

    private List<(LocalTime From, LocalTime To)>? afternoonWindows;

    // A clock that opens its line, after any list mark: "4:27 On-call engineer paged", "- 4:27 paged".
    private bool LeadsItsLine(string clock, int line) =>
        line - options.FirstLine is var at && at >= 0 && at < allLines.Count
        && allLines[at].AsSpan().TrimStart(" \t-*•>").StartsWith(clock, StringComparison.Ordinal);

    // The windows the notes write with an afternoon meridiem ("between 4:23 PM to 5:03 PM"), within one afternoon or evening.
    private bool InAfternoonWindow(LocalTime time)
    {
        afternoonWindows ??= AfternoonWindows(allLines);
        var afternoon = time.PlusHours(12);
        return afternoonWindows.Exists(w => afternoon >= w.From && afternoon <= w.To) && !afternoonWindows.Exists(w => time >= w.From && time <= w.To);
    }

    /// <summary>
    /// The windows of <see cref="InAfternoonWindow"/>: the ranges of the lines holding "pm" or "p.m" that end after they start, from
    /// noon on, and whose text has a meridiem. A line is scanned only when it holds a meridiem without its word boundary
    /// (<see cref="MeridiemWithin"/>): a moment's text is a part of its line, so a line without one has no window ("APM traces").
    /// </summary>
    internal static List<(LocalTime From, LocalTime To)> AfternoonWindows(IReadOnlyList<string> lines) =>
        lines.Where(l => HasPmMark(l) && (!System.Text.Ascii.IsValid(l) || MayHoldMeridiem(l)) && MeridiemWithin().IsMatch(l))
            .SelectMany(l => TimeScanner.FindAll(l) is { Count: > 0 } times ? MomentSplitter.Split(l, times).Select(m => m.Time) : Enumerable.Empty<TimeExpression>())
            .Where(x => x.EndTime is { } end && end > x.Time && x.Time.Hour >= 12 && WrittenMeridiem.Says(x.Raw))
            .Select(x => (x.Time, x.EndTime!.Value)).ToList();

    // "pm" or "p.m" in either case (the case-blind search of the two strings, by ordinal upper case, finds no other character): a
    // search for "p" and "P", then the next one or two characters. Every line of the notes is tested when the windows are made, and
    // the two strings' search cost ≈ 550 instructions a line (docs/benchmarks.md, twenty-seventh session).
    internal static bool HasPmMark(ReadOnlySpan<char> line)
    {
        for (var p = line.IndexOfAny('p', 'P'); p >= 0; p = line[(p + 1)..].IndexOfAny('p', 'P') is var next and >= 0 ? p + 1 + next : -1)
        {
            if (p + 1 < line.Length && ((line[p + 1] | 0x20) == 'm' || (line[p + 1] == '.' && p + 2 < line.Length && (line[p + 2] | 0x20) == 'm')))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly SearchValues<string> NoonWords = SearchValues.Create(["noon", "midnight"], StringComparison.OrdinalIgnoreCase);

    // False only when an ASCII line holds no match of MeridiemWithin: no "noon" or "midnight" in any case, and no digit followed,
    // one character on or right after it, by "a" or "p" and "m" (with a dot between or not) in any case. The pattern's matcher,
    // whose first class holds \d, is not searched vectorised (≈ 8,000 instructions a line: "APM traces" holds "pm"); a line with
    // a character outside ASCII (other digits, other spaces, case-blind equivalents) is left to it (docs/benchmarks.md, twenty-fourth session).
    internal static bool MayHoldMeridiem(string line)
    {
        var span = line.AsSpan();
        if (span.ContainsAny(NoonWords))
        {
            return true;
        }

        for (var d = span.IndexOfAnyInRange('0', '9'); d >= 0; d = span[(d + 1)..].IndexOfAnyInRange('0', '9') is var next and >= 0 ? d + 1 + next : -1)
        {
            if (MeridiemAt(span, d + 1) || MeridiemAt(span, d + 2))
            {
                return true;
            }
        }

        return false;

        static bool MeridiemAt(ReadOnlySpan<char> text, int k) =>
            k < text.Length && (text[k] | 0x20) is 'a' or 'p' && (k + 1 < text.Length && text[k + 1] == '.' ? k + 2 : k + 1) is var m && m < text.Length && (text[m] | 0x20) == 'm';
    }

    // NotesExtractor.Meridiem without its closing \b: matched by any text that holds a match of it.
    [GeneratedRegex(@"(?i)\d\s?[ap]\.?m|noon|midnight")]
    private static partial Regex MeridiemWithin();
}
