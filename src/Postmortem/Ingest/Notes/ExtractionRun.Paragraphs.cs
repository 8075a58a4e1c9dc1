using System.Text.RegularExpressions;
using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Ingest.Notes;

// ExtractionRun, in part: Time-led lines, table rows and paragraphs of prose, read sentence by sentence into moments.
internal sealed partial class ExtractionRun
{
    private bool TryTimeLed(string line, int lineNo)
    {
        var prefixLength = NotesExtractor.LinePrefixLength(line);
        var rest = line[prefixLength..];
        if (rest.StartsWith('[') && rest.IndexOf(']', StringComparison.Ordinal) is var close and > 1 and < 48)
        {
            // "[2023-05-02 14:07 UTC] text": the brackets only frame the time.
            rest = " " + rest[1..close] + " " + rest[(close + 1)..];
            var skip = rest.Length - rest.TrimStart().Length;
            prefixLength += skip;
            rest = rest[skip..];
        }

        if (!TimeScanner.MightStartWithTime(rest))
        {
            return false;
        }

        var times = TimeScanner.FindAll(rest);
        if (times.Count == 0 || times[0].Index != 0)
        {
            return false;
        }

        var expression = times[0];
        if (expression is { Date: null, MonthDay: null, Weekday: null } && rest.Length > expression.Length + 2 && rest[expression.Length] is ' ' && rest[expression.Length + 1] is '('
            && ForeignDays.Find(rest.AsSpan(expression.Length, Math.Min(20, rest.Length - expression.Length))) is { Weekday: { } weekday })
        {
            expression = expression with { Weekday = weekday }; // "- 21h27 (quarta): …": a weekday in brackets after the line's clock.
        }

        var leadLength = Math.Max(0, NotesExtractor.MatchLength(NotesExtractor.LeadSeparator(), rest.AsSpan(expression.Length)));
        var body = rest[(expression.Length + leadLength)..];
        var tidyBody = NotesExtractor.Tidy(body);
        if (tidyBody.Length == 0)
        {
            return false;
        }

        // The line's first sentence belongs to its time; later sentences are prose ("Three minutes later, …").
        var bodyColumn = prefixLength + expression.Length + leadLength + 1;
        var splitIndex = 0;
        var splitLength = 0;
        var split = body.AsSpan().ContainsAny(SentenceEnds) && NotesExtractor.NextSentenceBreak(body, 0, out splitIndex, out splitLength);
        Flush();
        var first = split ? body[..splitIndex] : body;
        var more = Scan(first, lineNo, bodyColumn);
        if (more.Count > 0)
        {
            // "14:02 canary caught it; on-call paged at 14:05": one event per moment.
            var offset = expression.Length + leadLength;
            var all = new List<TimeExpression>(more.Count + 1) { expression with { Length = offset } };
            all.AddRange(more.Select(t => t with { Index = t.Index + offset }));
            AddMoments(rest[..(offset + first.Length)], all, line, (lineNo, prefixLength + 1), null, 0);
        }
        else
        {
            var text = split ? NotesExtractor.Tidy(first) : tidyBody;
            if (Add(expression, text, line, lineNo, prefixLength + 1, null, null, null) && !split && NotesExtractor.StatusWord().IsMatch(text))
            {
                // "09:15 UTC – Investigating" and the paragraph below it: the update's words are that paragraph.
                pendingHeading = Events.Count - 1;
                pendingLabel = true;
            }
        }

        if (split)
        {
            // The line's later sentences tell more of its moment ("00:20 We have lost service. We have raised it with the
            // provider."), unless they carry times of their own.
            contextTarget = Events.Count - 1;
            paragraph.Add(new Segment(lineNo, bodyColumn + splitIndex + splitLength, body[(splitIndex + splitLength)..]));
            Flush();
        }

        return true;
    }

    private void ReadTableRow(string line, int lineNo)
    {
        if (NotesExtractor.TableSeparator().IsMatch(line))
        {
            return;
        }

        var cells = NotesExtractor.SplitCells(line);
        if (table is null)
        {
            table = TableState.FromHeader(cells);
            if (table.Time < 0)
            {
                ReadLabelRow(line, lineNo, cells);
            }

            return;
        }

        if (table.Time < 0 || table.Time >= cells.Count)
        {
            ReadLabelRow(line, lineNo, cells);
            return;
        }

        string Cell(int index) => index >= 0 && index < cells.Count ? cells[index] : string.Empty;
        if (Cell(table.Date).Length > 0)
        {
            SetDateFrom(Cell(table.Date));
        }

        var timeCell = cells[table.Time];
        var column = line.IndexOf(timeCell, StringComparison.Ordinal) + 1;
        var times = Scan(timeCell, lineNo, Math.Max(column, 1));
        if (times.Count == 0)
        {
            if (TimeScanner.FindDate(timeCell) is not null)
            {
                SetDateFrom(timeCell);
            }

            return;
        }

        var status = NotesExtractor.Tidy(Cell(table.Status).Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal));
        var text = table.Event >= 0
            ? Cell(table.Event)
            : string.Join(" — ", cells.Where((c, i) => i != table.Time && i != table.Source && i != table.Actor && i != table.Kind && i != table.Date && i != table.Status && c.Length > 0));
        var source = Cell(table.Source);
        var actor = Cell(table.Actor);
        EventKind? kind = EventKinds.TryParse(Cell(table.Kind), out var k) && Cell(table.Kind).Length > 0 ? k : null;
        var tidy = NotesExtractor.Tidy(text);
        if (status.Length > 0)
        {
            tidy = tidy.Length > 0 ? status + " — " + tidy : status; // The status phrase is the row's strongest evidence.
        }

        Add(times[0], tidy.Length > 0 ? tidy : line.Trim(), line, lineNo, Math.Max(column, 1) + times[0].Index,
            source.Length > 0 ? source : null, actor.Length > 0 ? actor : null, kind, table.Zone, status.Length > 0 ? status : null);
    }

    // "| Duration | ~27 minutes (12:30-13:00 UTC) |": a table of labels and values, without a time column, reads as label
    // lines ("Duration: ~27 minutes (12:30-13:00 UTC)"), each its own sentence; the pipes become spaces, so columns hold.
    private void ReadLabelRow(string line, int lineNo, List<string> cells)
    {
        if (cells.Count == 2 && cells[0].Length is > 0 and <= 32 && cells[1].AsSpan().ContainsAny(Digits))
        {
            paragraph.Add(new Segment(lineNo, 1, line.Replace('|', ' ')));
            Flush();
        }
    }

    private void Flush()
    {
        if (paragraph.Count == 0)
        {
            return;
        }

        // Join the paragraph's lines and remember where each character came from (most paragraphs are one line: its text as it is).
        paragraphStarts.Clear();
        string text;
        if (paragraph.Count == 1)
        {
            paragraphStarts.Add((0, paragraph[0]));
            text = paragraph[0].Text;
        }
        else
        {
            joined.Clear();
            foreach (var segment in paragraph)
            {
                if (joined.Length > 0)
                {
                    joined.Append(' ');
                }

                paragraphStarts.Add((joined.Length, segment));
                joined.Append(segment.Text);
            }

            text = joined.ToString();
        }

        paragraph.Clear();
        var eventsBefore = Events.Count;
        var firstLine = paragraphStarts[0].Segment.Line;
        var sentenceStart = 0;
        while (NotesExtractor.NextSentenceBreak(text, sentenceStart, out var index, out var length))
        {
            ReadSentenceAt(text, sentenceStart, index, paragraphPosition);
            sentenceStart = index + length;
        }

        ReadSentenceAt(text, sentenceStart, text.Length, paragraphPosition);

        lastUntimed = Events.Count == eventsBefore && pendingHeading is null && contextTarget is null
            ? (text.Length > MaxEventText ? text[..MaxEventText] : text, firstLine)
            : null;
    }

    // The line and column of an offset in the paragraph being read: the last segment starting at or before it
    // (binary search: paragraphs can be long).
    private (int Line, int Column) ParagraphPosition(int offset)
    {
        var starts = paragraphStarts;
        int lo = 0, hi = starts.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (starts[mid].Offset <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        var (start, segment) = starts[lo];
        return (segment.Line, segment.Column + offset - start);
    }

    // The sentence between two breaks of a paragraph's text, trimmed, with its offset in the text.
    private void ReadSentenceAt(string text, int start, int end, Func<int, (int Line, int Column)> position)
    {
        var span = text.AsSpan(start, end - start);
        var leading = span.Length - span.TrimStart().Length;
        var sentence = span.Trim();
        ReadSentence(sentence.Length == text.Length ? text : sentence.ToString(), start + leading, position);
    }

    private void ReadSentence(string sentence, int offset, Func<int, (int Line, int Column)> position)
    {
        var dateBefore = currentDate;
        var hint = HasDateHint(sentence);
        var lookingBack = hint && NotesExtractor.LookingBack().IsMatch(sentence);
        rollover = !lookingBack; // A time on an earlier day named in the sentence is not past midnight.
        try
        {
            ReadSentenceMoments(sentence, offset, position, hint);
        }
        finally
        {
            rollover = true;
        }

        if (lookingBack && dateBefore is { } before && currentDate is { } now && now < before)
        {
            currentDate = before; // "Two days earlier, on March 3, …": a flashback dates its own sentence only.
        }
    }

    // sentenceHint: HasDateHint of the sentence. The body's is read from it: a part of a text without a hint has none (each test
    // of HasDateHint looks for characters that a part holds only where the whole holds them), and without a bullet the body is the
    // sentence (docs/benchmarks.md, twenty-fourth session).
    private void ReadSentenceMoments(string sentence, int offset, Func<int, (int Line, int Column)> position, bool sentenceHint)
    {
        if (sentence.Length == 0)
        {
            return;
        }

        var (line, column) = position(offset);
        var bullet = Math.Max(0, NotesExtractor.MatchLength(NotesExtractor.Bullet(), sentence));
        var body = sentence[bullet..];
        var bodyOffset = offset + bullet;
        var bodyHint = sentenceHint && (bullet == 0 || HasDateHint(body));
        if (body.AsSpan().ContainsAny(NextDayWords) && NotesExtractor.NextDay().IsMatch(body) && currentDate is { } today)
        {
            currentDate = today.PlusDays(1); // "The next day, at 09:00 …"
        }

        var times = Scan(body, line, column, position, bodyOffset);
        if (times.Count > 0)
        {
            FinishHeading(null);
            contextTarget = null;
            if (currentDate is null && times.FirstOrDefault(t => t.Date is not null)?.Date is { } sentenceDate)
            {
                currentDate = sentenceDate; // "Between 09:26 UTC and 09:55 UTC on November 24th 2025": one date for the sentence.
            }

            if (bodyHint && times.All(t => t.Date is null && t.MonthDay is null && t.Weekday is null) && SetDateFrom(FromLastDateBefore(DatingPart(body, times), times)))
            {
                // "On March 5 the fix went out at 09:00": the sentence's date is its times' date. Its first time is not past
                // midnight from a later moment above it ("Early on Friday morning, at around 04:40" under Monday's update).
                lastInstant = null;
            }
            else if (times.All(t => t.Date is null && t.MonthDay is null && t.Weekday is null && t.DaysBack == 0) && (SetDateFromForeignMonth(body) || SetDateFromDottedDayMonth(body) || SetDateFromForeignDay(body)))
            {
                lastInstant = null; // "Runt kl 20 på tisdagskvällen", "Dalle 16.30 di ieri": a weekday or "yesterday" in another language.
            }

            var count = Events.Count;
            AddMoments(body, times, sentence, default, position, bodyOffset);
            if (times.Count == 1 && Events.Count > count && (times[0].Date is not null || times[0].MonthDay is not null) && NotesExtractor.PostByline().IsMatch(body))
            {
                postedAt = Events[^1].Time; // "Post by Morwen » Feb 17th 2017 10:55": the post tells of moments before it.
            }

            contextTarget = Events.Count - 1;
            return;
        }

        if (bodyHint && TimeScanner.FindDate(body) is { Date: not null } or { MonthDay: not null } && !NamesAThingByItsDate(body) && !BoundsByItsDate(body))
        {
            var dated = currentDate;
            if (SetDateFrom(DatingPart(body, [])) && currentDate != dated && rollover)
            {
                // "On March 5 the team …": the date holds until the text moves to another day, and starts that day afresh (as a date
                // line does): a time below it earlier than one above is not past midnight.
                lastInstant = null;
            }
        }
        else if (SetDateFromForeignMonth(body) || SetDateFromForeignDay(body))
        {
            lastInstant = null; // "Η βλάβη προκλήθηκε χθες …", "Miercuri după-amiază …": the day holds for the sentences after it.
        }

        if (RelativeTime.Read(body) is { } relative)
        {
            FinishHeading(null);
            if (lastInstant is not { } last)
            {
                Diagnostics.Add(DiagnosticCatalog.RelativeWithoutAnchor(options.File, line, column + options.ColumnOffset, relative.Raw));
                return;
            }

            var instant = last + relative.Offset;
            var text = NotesExtractor.Tidy(body[relative.Length..]);
            Events.Add(new TimelineEvent
            {
                Time = instant,
                WrittenTime = relative.Raw,
                Zone = "UTC",
                ZoneOrigin = ZoneOrigin.Carried,
                Text = text.Length > 0 ? text : sentence,
                Kind = EventKind.Other,
                KindRule = "unclassified",
                Confidence = 0.5,
                Provenance = ProvenanceOf(line, column + options.ColumnOffset, sentence),
            });
            lastInstant = instant;
            return;
        }

        if (pendingHeading is not null)
        {
            FinishHeading(NotesExtractor.Tidy(body));
            contextTarget = Events.Count - 1;
        }
        else if (contextTarget is { } target && target == Events.Count - 1 && target >= 0)
        {
            // An untimed sentence after a timed one tells more of the same moment ("The on-call engineer got paged").
            var context = Events[target].Context is { } before ? before + " " + body : body;
            Events[target] = Events[target] with { Context = context.Length > 600 ? context[..600] : context };
        }
    }

    /// <summary>
    /// One event per moment of a sentence (<see cref="MomentSplitter"/>), each with its own clause as text: at the position of
    /// <paramref name="offset"/> plus its index in <paramref name="body"/>, or all at <paramref name="at"/> when there is no
    /// <paramref name="position"/> (a time-led line).
    /// </summary>
    private void AddMoments(string body, IReadOnlyList<TimeExpression> times, string raw, (int Line, int Column) at, Func<int, (int Line, int Column)>? position, int offset)
    {
        if (times.Count == 1)
        {
            // "Start time (CET): 09:10": a zone in the label that opens the sentence is the clock's (MomentSplitter.LabelZone).
            var one = times[0] is { ZoneText: null, IsoOffset: null } && MomentSplitter.LabelZone(body) is { } labelZone ? times[0] with { ZoneText = labelZone } : times[0];
            var (l, c) = position?.Invoke(offset + one.Index) ?? at;
            if (one.EndTime is null && RelativeTime.ReadOffsetBefore(body.AsSpan(0, one.Index)) is { } after
                && NotesExtractor.Tidy(body[..after.Index]) is { Length: > 0 } actor
                && NotesExtractor.Tidy(NotesExtractor.RemoveTime(body, one.Index, one.Length)[(after.Index + after.Length)..].TrimEnd(' ', '(', ',', '-', '–')) is { Length: > 0 } reference)
            {
                // "Our monitoring alerted us three minutes after the upgrade began (06:00 UTC)": the time is the upgrade's, and
                // the alert is 06:03. Two moments: the one the time names, then the one the offset moves.
                if (Add(one, reference, raw, l, c, null, null, null) && Add(one, actor, raw, l, c, null, null, null))
                {
                    Events[^1] = Events[^1] with { Time = Events[^1].Time + after.Offset, WrittenTime = after.Raw + " " + one.Raw.Trim() };
                }

                return;
            }

            Add(MomentSplitter.WithLength(body, one), NotesExtractor.RemoveTime(body, one.Index, one.Length), raw, l, c, null, null, null);
            return;
        }

        string? subject = null;
        string? before = null;
        foreach (var moment in MomentSplitter.Split(body, times))
        {
            var (text, piece) = MomentSplitter.Clause(body, moment);
            if (subject is not null && MomentSplitter.StartsWithVerb(text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text)
                && piece.TrimStart().Length > 0 && char.IsLower(piece.TrimStart()[0]))
            {
                text = subject + " " + char.ToLowerInvariant(text[0]) + text[1..];
            }
            else if (before is not null && MomentSplitter.Elided(text, before) is { } filled)
            {
                text = filled; // "API access was restored at 18:38 and UI access at 19:37": "UI access was restored".
            }

            before = text;

            subject ??= MomentSplitter.Subject(text);
            var (l, c) = position?.Invoke(offset + moment.Time.Index) ?? at;
            Add(moment.Time, text.Length > 0 ? text : NotesExtractor.Tidy(piece), times.Count > 20 ? piece : raw, l, c, null, null, null);
        }
    }

    private IReadOnlyList<TimeExpression> Scan(string text, int line, int column, Func<int, (int Line, int Column)>? position = null, int offset = 0)
    {
        invalid.Clear();
        var times = TimeScanner.FindAll(text, invalid);
        foreach (var bad in invalid)
        {
            var at = Math.Max(text.IndexOf(bad, StringComparison.Ordinal), 0);
            var (l, c) = position?.Invoke(offset + at) ?? (line, column + at);
            Diagnostics.Add(DiagnosticCatalog.InvalidClock(options.File, l, c + options.ColumnOffset, bad));
        }

        return times is List<TimeExpression> list && list.Count > 0 && text.AsSpan().ContainsAny(NextDayAfterWords) ? OnTheNextDay(text, list) : times;
    }

    /// <summary>
    /// "bis 10 Uhr des Folgetages", "jusqu'à 8h le lendemain", "hasta las 9 del día siguiente": the next day written right after a
    /// clock puts that clock alone on the day after the one read for it (the clocks before it keep theirs). English "the next day"
    /// dates its whole sentence instead (<see cref="NotesExtractor.NextDay"/>).
    /// </summary>
    private static List<TimeExpression> OnTheNextDay(string text, List<TimeExpression> times)
    {
        for (var i = 0; i < times.Count; i++)
        {
            var end = times[i].Index + times[i].Length;
            if (end < text.Length && NextDayAfterClock().IsMatch(text.AsSpan(end, Math.Min(40, text.Length - end))))
            {
                times[i] = times[i] with { DayShift = times[i].DayShift + 1 };
            }
        }

        return times;
    }

    private static readonly System.Buffers.SearchValues<string> NextDayAfterWords =
        System.Buffers.SearchValues.Create(["Folgetag", "lendemain", "siguiente", "giorno dopo", "giorno successivo"], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\s?(?:Uhr\s)?(?i:des\s{1,3}Folgetages|am\s{1,3}Folgetag|le\s{1,3}lendemain|del\s{1,3}d[ií]a\s{1,3}siguiente|del\s{1,3}giorno\s{1,3}(?:dopo|successivo))\b")]
    private static partial Regex NextDayAfterClock();

    /// <summary>
    /// The part of a sentence whose date dates it: all of it, unless a clause in the past perfect after its last time names
    /// an earlier day ("… chose at 14:40 UTC to move every list to the new server, whose migration we had already announced
    /// on 15 June"): that day is an earlier event's, not the day of the sentence's times nor of the text after it.
    /// </summary>
    private static readonly CaseBlindWord HadWord = new("had "); // not string.IndexOf case-blind: see CaseBlindWord

    private string DatingPart(string body, IReadOnlyList<TimeExpression> times)
    {
        if (currentDate is not { } now || !HadWord.In(body)
            || NotesExtractor.PastPerfectDate().Match(body) is not { Success: true } past || times.Any(t => t.Index >= past.Index)
            || Oriented(TimeScanner.FindDate(body[past.Index..]))?.Resolve(now) is not { } named || named >= now
            || TimeScanner.FindDate(body[..past.Index]) is not null)
        {
            return body;
        }

        return body[..past.Index];
    }

    /// <summary>
    /// Dates the sentence by a weekday or "yesterday" written in another language (<see cref="ForeignDays"/>): "yesterday" is the day
    /// before the given date (a news text's day), a weekday the nearest such day to it.
    /// </summary>
    private bool SetDateFromForeignDay(string body)
    {
        if (ForeignDays.Find(body) is not { } day || (options.AnchorDate ?? currentDate) is not { } today)
        {
            return false;
        }

        currentDate = day.Weekday is { } weekday ? new WrittenDate(null, null, weekday, false).Resolve(today) : today.PlusDays(-day.DaysBack);
        dayOne ??= currentDate;
        postedAt = null;
        return true;
    }

    /// <summary>
    /// Dates the sentence by a date written with a month's name in another language (<see cref="ForeignMonths"/>): "jeudi 14 novembre
    /// 2019", "Am 24. Dezember", "lunes 12 de enero"; a day and month without a year take the given date's year.
    /// </summary>
    private bool SetDateFromForeignMonth(string body) => SetDateFromWritten(ForeignMonths.Find(body));

    // The sentence's date from a date read in it, a day and month without a year taking the given date's year.
    private bool SetDateFromWritten(WrittenDate? found)
    {
        if (found is not { } written || written.Resolve(options.AnchorDate ?? currentDate) is not { } date)
        {
            return false;
        }

        currentDate = date;
        dayOne ??= date;
        postedAt = null;
        return true;
    }

    /// <summary>
    /// Dates the sentence by a numeric date the date pattern leaves alone (<see cref="DottedDayMonths"/>): "am 30.01." (the given
    /// date's year), "Update 23.03.22 – 18:30:".
    /// </summary>
    private bool SetDateFromDottedDayMonth(string body) => SetDateFromWritten(DottedDayMonths.Find(body));

    /// <summary>
    /// The part of <paramref name="part"/> from the last of two or more dates written before its first time: the date nearest the
    /// clocks dates them ("Posted Aug. 23, 2018: outage on Wednesday, Aug. 29, 2018, from 11:30 p.m.", "Saturday, 11/23 from 5:00AM").
    /// With one date or none before the first time, all of it (the first date read, wherever it stands).
    /// </summary>
    private static string FromLastDateBefore(string part, IReadOnlyList<TimeExpression> times)
    {
        var first = Math.Min(part.Length, times.Count == 0 ? part.Length : times.Min(t => t.Index));
        var head = part[..first];
        var (at, from, found) = (0, 0, 0);
        while (from < head.Length && found < 8 && TimeScanner.FirstDate(head[from..]) is { } m)
        {
            at = from + m.Index;
            from = at + Math.Max(1, m.Length);
            found++;
        }

        return found >= 2 ? part[at..] : part;
    }

    // "With the release of October 16th 2022 we introduced …", "the changes of 3 March were reverted": a date that names a thing by
    // its day (the release of that day) tells which thing, not a day the text has moved to. "On the night of March 3" and "the
    // incident of Feb 22" (the incident's own day) still do.
    private static bool NamesAThingByItsDate(string body) =>
        TimeScanner.FirstDate(body) is { } date && ThingOfDate().IsMatch(body.AsSpan(0, date.Index));

    // "If your program began AFTER June 1, 2012, …", "customers who signed up before March 3": an untimed sentence whose date is a
    // bound (before, after, prior to it) speaks of a stretch of time on one side of that day, not of that day: the day in force
    // stays (session 35).
    private static bool BoundsByItsDate(string body) =>
        TimeScanner.FirstDate(body) is { } date && BoundBeforeDate().IsMatch(body.AsSpan(0, date.Index));

    [GeneratedRegex(@"\b(?:before|after|prior to|earlier than|later than)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoundBeforeDate();

    [GeneratedRegex(@"\bthe (?!(?:night|morning|evening|afternoon|day|days|weekend|week|early hours|small hours|end|start|beginning|middle|course|incident|outage|event|disruption|downtime|failure|interruption|problem|issue)\b)(?:(?!\d)[\w-]+ ){1,2}of\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThingOfDate();

    private bool SetDateFrom(string text)
    {
        var written = Oriented(TimeScanner.FindDate(text));
        if (written?.Resolve(currentDate ?? options.AnchorDate ?? YearHint()) is { } date)
        {
            currentDate = written is { Date: null, MonthDay.Month: > 0 } ? BeforePostDay(date) : date;
            dayOne ??= date;
            postedAt = null; // A new day in the text ends what a post's stamp said about its clocks.
            return true;
        }

        return false;
    }
}
