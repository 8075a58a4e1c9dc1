using System.Text;
using NodaTime;
using NodaTime.TimeZones;
using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Ingest.Notes;

/// <summary>The state of one pass over a notes text: current date, zones in force, the open table or paragraph.</summary>
internal sealed class ExtractionRun
{
    private static readonly Duration RolloverThreshold = Duration.FromHours(12);
    private static readonly System.Buffers.SearchValues<string> SentenceEnds = System.Buffers.SearchValues.Create([". ", "! ", "? ", ".\t"], StringComparison.Ordinal);
    private static readonly System.Buffers.SearchValues<string> TimeWord = System.Buffers.SearchValues.Create(["time"], StringComparison.OrdinalIgnoreCase);
    private static readonly System.Buffers.SearchValues<string> NextDayWords = System.Buffers.SearchValues.Create(["next", "following", "overnight"], StringComparison.OrdinalIgnoreCase);

    // Cheap test before looking for a date in a sentence: a month or weekday name, or a numeric month/day.
    private static readonly System.Buffers.SearchValues<string> DateHints = System.Buffers.SearchValues.Create(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "/"],
        StringComparison.OrdinalIgnoreCase);

    private readonly NotesOptions options;
    private readonly List<Segment> paragraph = [];
    private readonly List<string> invalid = [];
    private LocalDate? currentDate;
    private ZoneToken? declared;
    private ZoneToken? carried;
    private Instant? lastInstant;
    private TableState? table;
    private int? pendingHeading;
    private bool chatPaste;
    private ChatMessage? message;
    private string? lastSpeaker;
    private LocalDate? dayOne;
    private IReadOnlyList<string> allLines = [];
    private LocalDate? yearHint;
    private bool yearHintRead;
    private bool firstPostedRead;
    private LocalDate? firstPosted;
    private StatusUpdate? update;
    private Instant? mentionedBefore;
    private int? contextTarget;
    private (string Text, int Line)? lastUntimed;
    private bool? stampAfter;
    private bool postedHistory;
    private bool newestFirst;
    private bool rollover = true;
    private readonly StringBuilder sincePosted = new();
    private IReadOnlyList<string>? source;
    private int finished;

    public ExtractionRun(NotesOptions options)
    {
        this.options = options;
        currentDate = options.AnchorDate;
        dayOne = options.AnchorDate;
    }

    public List<TimelineEvent> Events { get; } = [];

    public List<Diagnostic> Diagnostics { get; } = [];

    public void Execute(string text) => Execute(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'));

    /// <summary>Reads the notes as their lines (split at any line end, as <see cref="Execute(string)"/> splits).</summary>
    public void Execute(IReadOnlyList<string> lines)
    {
        source = lines;
        chatPaste = ChatLines.IsChatPaste(lines);
        allLines = lines;
        DeclareFirst(lines);
        postedHistory = lines.Any(l => l.Contains("Posted", StringComparison.Ordinal) && NotesExtractor.Posted().IsMatch(l));
        newestFirst = StampsRunBackwards(lines);
        var inFence = false;
        for (var i = 0; i < lines.Count; i++)
        {
            FinishEvents(Math.Min(Events.Count - 1, pendingHeading ?? int.MaxValue));
            var line = lines[i];
            var lineNo = options.FirstLine + i;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                FlushMessage();
                Flush();
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue; // Code is quoted material, not narrative: see docs/notes-format.md.
            }

            ReadLine(line, lineNo);
        }

        FlushMessage();
        Flush();
        FinishHeading(null);
        FinishEvents(Events.Count);
    }

    /// <summary>
    /// Applies <see cref="NotesOptions.Finish"/> to the events before <paramref name="end"/> not yet finished. Between two
    /// lines only the last event (its context, a chat message's mentions) and a heading's event waiting for its text
    /// (<see cref="pendingHeading"/>) can still change, and no event before them is removed.
    /// </summary>
    private void FinishEvents(int end)
    {
        if (options.Finish is not { } finish)
        {
            return;
        }

        for (; finished < end; finished++)
        {
            Events[finished] = finish(Events[finished]);
        }
    }

    /// <summary>A zone declared anywhere ("All times are in UTC.", even after the first times) applies from the start.</summary>
    private void DeclareFirst(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            if (line.AsSpan().ContainsAny(TimeWord))
            {
                ReadDeclaration(line);
                if (declared is not null)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// The first full date anywhere in the notes: "from 6.51 pm to 7.01 pm on June 7th" in a postmortem above
    /// updates stamped "Posted Jun 07, 2023" takes its year from them. Read only when a date without a year
    /// has nothing else to go by.
    /// </summary>
    private LocalDate? YearHint()
    {
        if (!yearHintRead)
        {
            yearHintRead = true;
            yearHint = allLines.Where(l => l.AsSpan().ContainsAny(DateHints) || l.Contains('-', StringComparison.Ordinal)).Select(l => TimeScanner.FindDate(l)?.Date).FirstOrDefault(d => d is not null);
        }

        return yearHint;
    }

    /// <summary>The earliest date of the "Posted …" stamps of a status history: the day it began.</summary>
    private LocalDate? FirstPostedDate()
    {
        if (!firstPostedRead)
        {
            firstPostedRead = true;
            firstPosted = allLines.Where(l => l.Contains("Posted", StringComparison.Ordinal))
                .Select(l => NotesExtractor.Posted().Match(l))
                .Where(m => m.Success)
                .Select(m => TimeScanner.FindDate(m.Groups["when"].Value)?.Resolve(YearHint()))
                .Where(d => d is not null)
                .Min();
        }

        return firstPosted;
    }

    /// <summary>Reads a single written time (a structured event's 'time'); null when it is not one time.</summary>
    public TimelineEvent? ResolveOne(string written, int line, int column)
    {
        var times = TimeScanner.FindAll(written);
        if (times.Count != 1 || written[..times[0].Index].Trim().Length > 0 || written[(times[0].Index + times[0].Length)..].Trim().Length > 0)
        {
            return null;
        }

        return Add(times[0], string.Empty, written, line, column - options.ColumnOffset, null, null, null) ? Events[^1] : null;
    }

    private void ReadLine(string line, int lineNo)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            contextTarget = null;
            if (!chatPaste)
            {
                FlushMessage();
            }

            Flush();
            table = null;
            return;
        }

        if (line.TrimStart().StartsWith('|'))
        {
            FlushMessage();
            Flush();
            ReadTableRow(line, lineNo);
            return;
        }

        table = null;
        if (line.AsSpan().ContainsAny(TimeWord))
        {
            ReadDeclaration(line);
        }

        if (postedHistory && !line.Contains("Posted", StringComparison.Ordinal))
        {
            // A status update without a status word is everything since the previous "Posted …" line, all its paragraphs.
            if (NotesExtractor.IncidentReportTitle().IsMatch(line))
            {
                sincePosted.Clear();
            }
            else
            {
                sincePosted.Append(sincePosted.Length > 0 ? " " : string.Empty).Append(line.Trim());
            }
        }

        var heading = line.TrimStart().StartsWith('#') ? NotesExtractor.Heading().Match(line) : System.Text.RegularExpressions.Match.Empty;
        if (heading.Success)
        {
            update = null;
            FlushMessage();
            Flush();
            FinishHeading(null);
            ReadHeading(heading.Groups["text"].Value, lineNo, heading.Groups["text"].Index + 1);
            return;
        }

        if (TimeScanner.IsDateOnlyLine(line))
        {
            FlushMessage();
            Flush();
            var before = currentDate;
            SetDateFrom(line);
            if (currentDate != before || (currentDate is not null && TimeScanner.FindDate(line) is not null))
            {
                // "May 23" on its own line starts that day afresh: a time under it earlier than one above is not past midnight.
                lastInstant = null;
            }

            return;
        }

        if (ReadStatusUpdate(line, lineNo))
        {
            return;
        }

        if (ChatLines.TryRead(line, chatPaste, message is not null, out var header))
        {
            FlushMessage();
            Flush();
            StartMessage(header, line, lineNo);
            return;
        }

        if (message is not null && (chatPaste || message.Text.Length == 0))
        {
            message.Append(line.Trim());
            return;
        }

        FlushMessage();
        if (IsTimeOnly(line))
        {
            // "2018 October 21 22:52 UTC" or "12:39 PM PDT" alone on a line: a heading; the text below says what happened.
            Flush();
            FinishHeading(null);
            var lead = line.Length - line.TrimStart().Length;
            var stamp = line.Trim().Trim('*', '_').Trim();

            // Some status pages write the time after each update: decided by the first such line, whether text came before it
            // (a section title such as "Timeline" or "What happened?" above it is not an update).
            stampAfter ??= lastUntimed is { } before && !IsTitle(before.Text);

            // In a newest-first history a date written on one stamp is that stamp's only: the updates below it are older.
            var dateBefore = currentDate;
            rollover = !newestFirst;
            try
            {
                if (stampAfter == true && lastUntimed is { } above && Scan(stamp, lineNo, lead + 1) is { Count: > 0 } stamped)
                {
                    lastUntimed = null;
                    Add(stamped[0], NotesExtractor.Tidy(above.Text), above.Text + " " + stamp, lineNo, lead + 1 + stamped[0].Index, null, null, null);
                    return;
                }

                ReadHeading(stamp, lineNo, lead + 1);
                return;
            }
            finally
            {
                rollover = true;
                if (newestFirst && dateBefore is not null)
                {
                    currentDate = dateBefore;
                }
            }
        }

        if (TryTimeLed(line, lineNo))
        {
            contextTarget = Events.Count - 1;
            return;
        }

        if (NotesExtractor.Bullet().IsMatch(line))
        {
            Flush();
        }

        paragraph.Add(new Segment(lineNo, 1, line));
    }

    // A short line without a sentence's end: "Timeline", "How did we respond?", "Update log".
    private static bool IsTitle(string text)
    {
        var trimmed = text.Trim().TrimEnd('?', ':');
        return !trimmed.EndsWith('.') && trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4;
    }

    private void ReadDeclaration(string line)
    {
        foreach (System.Text.RegularExpressions.Match m in NotesExtractor.ZoneDeclaration().Matches(line))
        {
            var word = m.Groups["z"].Value;
            var token = ZoneAbbreviations.LookupDeclared(word.Length <= 5 && !word.Contains('/', StringComparison.Ordinal) ? word.ToUpperInvariant() : word);
            if (token is not null && token.Kind != ZoneTokenKind.Ambiguous && !word.Equals("z", StringComparison.OrdinalIgnoreCase))
            {
                declared = token;
                return;
            }
        }
    }

    private void ReadHeading(string text, int lineNo, int column)
    {
        if (NotesExtractor.DayNumber().Match(text) is { Success: true } day && dayOne is { } first)
        {
            // "Day 2": the second day of the incident.
            var n = int.Parse(day.Groups["n"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            currentDate = first.PlusDays(Math.Clamp(n, 1, 366) - 1);
        }

        var times = Scan(text, lineNo, column);
        if (times.Count == 0 || MomentSplitter.Split(text, times).Count != 1)
        {
            // No time, or a range heading "(03/14 22:10 – 03/15 04:00)": it sets the date for what follows.
            SetDateFrom(text);
            return;
        }

        var expression = times[0];
        var rest = NotesExtractor.RemoveTime(text, expression.Index, expression.Length);

        // "12:28am PDT / 3:28am EDT / 7:28am GMT": one moment written in several zones says nothing else.
        if (times.Count > 1 && OnlySeparators(text, times))
        {
            rest = string.Empty;
        }

        if (Add(expression, rest.Length > 0 ? rest : text.Trim(), text, lineNo, column + expression.Index, null, null, null) && rest.Length == 0)
        {
            pendingHeading = Events.Count - 1; // The paragraph below says what happened at this time.
        }
    }

    private static bool OnlySeparators(string text, IReadOnlyList<TimeExpression> times)
    {
        var chars = text.ToCharArray();
        foreach (var t in times)
        {
            Array.Fill(chars, ' ', t.Index, Math.Min(t.Length, chars.Length - t.Index));
        }

        return chars.All(c => char.IsWhiteSpace(c) || c is '/' or '|' or ',' or ';' or '-' or '–' or '—' or '(' or ')' or '[' or ']' or '=');
    }

    private void FinishHeading(string? text)
    {
        if (pendingHeading is { } index && text is not null)
        {
            Events[index] = Events[index] with { Text = text };
        }

        pendingHeading = null;
    }

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
            update = new StatusUpdate(word.Groups["w"].Value, lineNo);
            return true;
        }

        if (update is not { } open)
        {
            if (paragraph.Count > 0 && line.Contains("Posted", StringComparison.Ordinal) && NotesExtractor.Posted().Match(line) is { Success: true } after)
            {
                // An update followed by its "Posted …" line, without a status word (older status pages).
                var when = after.Groups["when"];
                var times = Scan(when.Value, lineNo, when.Index + 1);
                if (times.Count > 0)
                {
                    var text = NotesExtractor.Tidy(sincePosted.Length > 0 ? sincePosted.ToString() : string.Join(' ', paragraph.Select(p => p.Text.Trim())));
                    sincePosted.Clear();
                    var first = paragraph[0].Line;
                    if (paragraph.Exists(p => TimeScanner.FindAll(p.Text).Count > 0))
                    {
                        // The update's own times ("a fix went in at 12:08 CET") are moments of their own, as in an update under a status word.
                        Flush();
                    }

                    paragraph.Clear();
                    return Add(times[^1], text, text + " " + line.Trim(), lineNo, when.Index + 1 + times[^1].Index, "Status page", null, null, null) || first > 0;
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
            update = null;
            paragraph.AddRange(open.Segments);
            return false;
        }

        open.Segments.Add(new Segment(lineNo, 1, line));
        open.Text.Append(open.Text.Length > 0 ? " " : string.Empty).Append(line.Trim());
        return true;
    }

    /// <summary>
    /// A status history written newest first: the stamps on lines of their own that carry no date run backwards
    /// in time of day (5:33 PM, 5:02 PM, 4:53 PM).
    /// </summary>
    private static bool StampsRunBackwards(IReadOnlyList<string> lines)
    {
        var clocks = new List<LocalTime>();
        foreach (var line in lines)
        {
            if (IsTimeOnly(line) && TimeScanner.FindAll(line.Trim().Trim('*', '_').Trim()) is { Count: > 0 } times
                && times[0] is { Date: null, MonthDay: null, Weekday: null, EndTime: null } t)
            {
                clocks.Add(t.Time);
            }
        }

        return clocks.Count >= 2 && clocks.Zip(clocks.Skip(1)).All(p => p.Second < p.First);
    }

    // A line holding one moment and nothing else ("12:28am PDT / 3:28am EDT / 7:28am GMT" is one moment).
    private static bool IsTimeOnly(string line)
    {
        var text = line.Trim().Trim('*', '_').Trim();
        if (text.Length == 0 || text.Length > 120 || !char.IsAsciiLetterOrDigit(text[0]) || !TimeScanner.MightStartWithTime(text) || HasProseWord(text))
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

    // A word of five letters or more that is not a month or weekday name means the line says something besides its time.
    private static bool HasProseWord(string text)
    {
        var run = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetter(text[i]))
            {
                run++;
                continue;
            }

            if (run >= 5 && !TimeScanner.MightStartWithTime(text.Substring(i - run, run)))
            {
                return true;
            }

            run = 0;
        }

        return false;
    }

    private void StartMessage(ChatLines.Header header, string line, int lineNo)
    {
        var who = header.Who ?? lastSpeaker;
        lastSpeaker = who;
        message = new ChatMessage(header, who, line, lineNo);
        if (header.Text.Trim().Length > 0)
        {
            message.Append(header.Text.Trim());
        }

        if (!chatPaste && header.Text.Trim().Length > 0)
        {
            FlushMessage(); // A one-line chat message among notes: nothing below belongs to it.
        }
    }

    private void FlushMessage()
    {
        if (message is not { } m)
        {
            return;
        }

        message = null;
        var times = Scan(m.Header.TimeText, m.Line, m.Header.TimeColumn);
        if (times.Count == 0)
        {
            return;
        }

        var text = NotesExtractor.Tidy(m.Text);
        if (!Add(times[0], text.Length > 0 ? text : m.Raw.Trim(), m.Raw, m.Line, m.Header.TimeColumn + times[0].Index, "chat", m.Who, null) || text.Length == 0)
        {
            return;
        }

        // Times a message mentions ("I merged that at 09:35") are moments too, read back from the message's time.
        var inner = TimeScanner.FindAll(text);
        if (inner.Count == 0 || inner.Count > 20)
        {
            return;
        }

        var said = Events[^1].Time;
        var before = Events.Count;
        mentionedBefore = said;
        try
        {
            foreach (var moment in MomentSplitter.Split(text, inner))
            {
                var (clause, _) = MomentSplitter.Clause(text, moment);
                Add(moment.Time, clause.Length > 0 ? clause : text, m.Raw, m.Line, m.Header.TimeColumn, "chat", m.Who, null);
            }
        }
        finally
        {
            mentionedBefore = null;
        }

        // A mention of the message's own minute is the message itself.
        for (var i = Events.Count - 1; i >= before; i--)
        {
            if (Events[i].Time == said)
            {
                Events.RemoveAt(i);
            }
        }
    }

    private bool TryTimeLed(string line, int lineNo)
    {
        var prefixLength = NotesExtractor.LinePrefixLength(line);
        var prefix = line[..prefixLength];
        var rest = line[prefixLength..];
        if (rest.StartsWith('[') && rest.IndexOf(']', StringComparison.Ordinal) is var close and > 1 and < 48)
        {
            // "[2023-05-02 14:07 UTC] text": the brackets only frame the time.
            rest = " " + rest[1..close] + " " + rest[(close + 1)..];
            var skip = rest.Length - rest.TrimStart().Length;
            prefixLength += skip;
            prefix = line[..prefixLength];
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
        var after = rest[expression.Length..];
        var lead = NotesExtractor.LeadSeparator().Match(after);
        var body = after[lead.Length..];
        if (NotesExtractor.Tidy(body).Length == 0)
        {
            return false;
        }

        // The line's first sentence belongs to its time; later sentences are prose ("Three minutes later, …").
        var bodyColumn = prefix.Length + expression.Length + lead.Length + 1;
        var split = body.AsSpan().ContainsAny(SentenceEnds)
            ? NotesExtractor.SentenceBreak().Match(body)
            : System.Text.RegularExpressions.Match.Empty;
        Flush();
        var first = split.Success ? body[..split.Index] : body;
        var more = Scan(first, lineNo, bodyColumn);
        if (more.Count > 0)
        {
            // "14:02 canary caught it; on-call paged at 14:05": one event per moment.
            var offset = expression.Length + lead.Length;
            var all = new List<TimeExpression>(more.Count + 1) { expression with { Length = offset } };
            all.AddRange(more.Select(t => t with { Index = t.Index + offset }));
            AddMoments(rest[..(offset + first.Length)], all, line, (lineNo, prefix.Length + 1), _ => (lineNo, prefix.Length + 1));
        }
        else
        {
            Add(expression, NotesExtractor.Tidy(first), line, lineNo, prefix.Length + 1, null, null, null);
        }

        if (split.Success)
        {
            paragraph.Add(new Segment(lineNo, bodyColumn + split.Index + split.Length, body[(split.Index + split.Length)..]));
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
            return;
        }

        if (table.Time < 0 || table.Time >= cells.Count)
        {
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

    private void Flush()
    {
        if (paragraph.Count == 0)
        {
            return;
        }

        // Join the paragraph's lines and remember where each character came from.
        var builder = new StringBuilder();
        var starts = new List<(int Offset, Segment Segment)>();
        foreach (var segment in paragraph)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            starts.Add((builder.Length, segment));
            builder.Append(segment.Text);
        }

        paragraph.Clear();
        var text = builder.ToString();
        var eventsBefore = Events.Count;
        (int Line, int Column) Position(int offset)
        {
            // The last segment starting at or before the offset (binary search: paragraphs can be long).
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

        var sentenceStart = 0;
        var breaks = NotesExtractor.SentenceBreak().Matches(text).Select(b => (b.Index, b.Length)).Append((text.Length, 0));
        foreach (var (index, length) in breaks)
        {
            var sentence = text[sentenceStart..index];
            var leading = sentence.Length - sentence.TrimStart().Length;
            ReadSentence(sentence.Trim(), sentenceStart + leading, Position);
            sentenceStart = index + length;
        }

        lastUntimed = Events.Count == eventsBefore && pendingHeading is null && contextTarget is null
            ? (text.Length > MaxEventText ? text[..MaxEventText] : text, starts[0].Segment.Line)
            : null;
    }

    private void ReadSentence(string sentence, int offset, Func<int, (int Line, int Column)> position)
    {
        var dateBefore = currentDate;
        var lookingBack = sentence.AsSpan().ContainsAny(DateHints) && NotesExtractor.LookingBack().IsMatch(sentence);
        rollover = !lookingBack; // A time on an earlier day named in the sentence is not past midnight.
        try
        {
            ReadSentenceMoments(sentence, offset, position);
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

    private void ReadSentenceMoments(string sentence, int offset, Func<int, (int Line, int Column)> position)
    {
        if (sentence.Length == 0)
        {
            return;
        }

        var (line, column) = position(offset);
        var bullet = NotesExtractor.Bullet().Match(sentence);
        var body = bullet.Success ? sentence[bullet.Length..] : sentence;
        var bodyOffset = offset + (bullet.Success ? bullet.Length : 0);
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

            if (body.AsSpan().ContainsAny(DateHints) && times.All(t => t.Date is null && t.MonthDay is null && t.Weekday is null))
            {
                SetDateFrom(body); // "On March 5 the fix went out at 09:00": the sentence's date is its times' date.
            }

            AddMoments(body, times, sentence, position(bodyOffset), o => position(bodyOffset + o));
            contextTarget = Events.Count - 1;
            return;
        }

        if (body.AsSpan().ContainsAny(DateHints) && TimeScanner.FindDate(body) is { Date: not null } or { MonthDay: not null })
        {
            SetDateFrom(body); // "On March 5 the team …": the date holds until the text moves to another day.
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

    /// <summary>One event per moment of a sentence (<see cref="MomentSplitter"/>), each with its own clause as text.</summary>
    private void AddMoments(string body, IReadOnlyList<TimeExpression> times, string raw, (int Line, int Column) at, Func<int, (int Line, int Column)> position)
    {
        if (times.Count == 1)
        {
            var (l, c) = position(times[0].Index);
            Add(times[0], NotesExtractor.RemoveTime(body, times[0].Index, times[0].Length), raw, l, c, null, null, null);
            return;
        }

        string? subject = null;
        foreach (var moment in MomentSplitter.Split(body, times))
        {
            var (text, piece) = MomentSplitter.Clause(body, moment);
            if (subject is not null && MomentSplitter.StartsWithVerb(text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text)
                && piece.TrimStart().Length > 0 && char.IsLower(piece.TrimStart()[0]))
            {
                text = subject + " " + char.ToLowerInvariant(text[0]) + text[1..];
            }

            subject ??= MomentSplitter.Subject(text);
            var (l, c) = position(moment.Time.Index);
            Add(moment.Time, text.Length > 0 ? text : NotesExtractor.Tidy(piece), times.Count > 20 ? piece : raw, l, c, null, null, null);
        }

        _ = at;
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

        return times;
    }

    private void SetDateFrom(string text)
    {
        if (TimeScanner.FindDate(text)?.Resolve(currentDate ?? options.AnchorDate ?? YearHint()) is { } date)
        {
            currentDate = date;
            dayOne ??= date;
        }
    }

    private bool Add(TimeExpression e, string text, string raw, int line, int column, string? source, string? actor, EventKind? kind, ZoneToken? tableZone = null, string? status = null)
    {
        column += options.ColumnOffset;
        var date = e.Date;
        if (date is null && e.MonthDay is { } md)
        {
            if ((currentDate ?? options.AnchorDate ?? YearHint()) is not { } anchor || md.Day > CalendarSystem.Iso.GetDaysInMonth(anchor.Year, md.Month))
            {
                Diagnostics.Add(DiagnosticCatalog.NoDateForTime(options.File, line, column, e.Raw));
                return false;
            }

            date = new LocalDate(anchor.Year, md.Month, md.Day);
        }

        if (date is null && e.Weekday is not null)
        {
            date = new WrittenDate(null, null, e.Weekday, false).Resolve(currentDate ?? options.AnchorDate);
        }

        if (e.DateAmbiguous && date is { } read)
        {
            Diagnostics.Add(DiagnosticCatalog.AmbiguousNumericDate(options.File, line, column, e.Raw.Trim(), read.ToString("yyyy-MM-dd", null)));
        }

        var dateWritten = date is not null;
        date ??= currentDate;
        if (date is null && postedHistory && FirstPostedDate() is { } posted)
        {
            // "At approximately 15:00 UTC the certificates expired" in a status page's postmortem, above the updates
            // stamped "Posted Apr 05, 2022 - 15:25 UTC": the day the history began.
            date = posted;
            Diagnostics.Add(DiagnosticCatalog.DateFromStatusHistory(options.File, line, column, e.Raw.Trim(), posted.ToString("yyyy-MM-dd", null)));
        }

        if (date is not { } day)
        {
            Diagnostics.Add(DiagnosticCatalog.NoDateForTime(options.File, line, column, e.Raw));
            return false;
        }

        var written = e.ZoneText is { } zoneText ? ZoneAbbreviations.Lookup(zoneText) : null;
        var (zone, origin) = ChooseZone(e, written, tableZone, line, column);
        var instant = Map(day + e.Time, zone, e, written, line, column);
        var clock = e.Time;
        if ((mentionedBefore is not null || (source == "chat" && chatPaste && lastInstant is not null))
            && !dateWritten && e.EndTime is null && e.IsoOffset is null && clock.Hour <= 12 && !NotesExtractor.Meridiem().IsMatch(e.Raw))
        {
            // A clock without am/pm in a chat: "11:46" under "Priya  11:43 PM" is 11:46 PM; a time mentioned in a
            // message ("failing since about 11:40") is the latest reading at or before the message.
            var candidates = new[] { day.PlusDays(-1) + clock, day.PlusDays(-1) + clock.PlusHours(12), day + clock, day + clock.PlusHours(12), day.PlusDays(1) + clock, day.PlusDays(1) + clock.PlusHours(12) }
                .Select(local => zone.AtLeniently(local).ToInstant())
                .ToList();
            Instant? chosen = mentionedBefore is { } said
                ? candidates.Where(c => c <= said + Duration.FromMinutes(5)).Select(c => (Instant?)c).LastOrDefault()
                : candidates.Where(c => c >= lastInstant!.Value - Duration.FromMinutes(5)).Select(c => (Instant?)c).FirstOrDefault();
            if (chosen is { } pick)
            {
                instant = pick;
                day = pick.InZone(zone).Date;
                dateWritten = mentionedBefore is null && day != (currentDate ?? day);
            }
        }
        else if (!dateWritten && mentionedBefore is null && rollover && lastInstant is { } last && instant < last - RolloverThreshold)
        {
            day = day.PlusDays(1);
            instant = Map(day + e.Time, zone, e, written, line, column);
            Diagnostics.Add(DiagnosticCatalog.MidnightRollover(options.File, line, column, e.Raw, day.ToString("yyyy-MM-dd", null)));
            dateWritten = true;
        }

        if (dateWritten && mentionedBefore is null)
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

        Events.Add(new TimelineEvent
        {
            Time = instant,
            EndTime = end,
            WrittenTime = e.Raw.Trim(),
            Zone = zone.Id,
            ZoneOrigin = origin,
            Text = Cut(text, line, column),
            Kind = kind ?? EventKind.Other,
            KindRule = kind is null ? KindRules.Unclassified : KindRules.Explicit,
            Source = source,
            Actor = actor,
            Status = status,
            Confidence = Math.Round(confidence, 2),
            Provenance = ProvenanceOf(line, column, Excerpt(raw)),
        });
        if (mentionedBefore is null)
        {
            lastInstant = instant;
        }

        return true;
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

        if (written is { Kind: ZoneTokenKind.Fixed, Region: { } region } token
            && region.GetUtcOffset(instant) != zone.GetUtcOffset(instant))
        {
            Diagnostics.Add(DiagnosticCatalog.AbbreviationOutOfSeason(options.File, line, column, token.Written, region.Id,
                region.GetZoneInterval(instant).Name, zone.Id));
        }

        return instant;
    }

    private sealed record Segment(int Line, int Column, string Text);

    /// <summary>A status-page update being read: its status word and its text until the "Posted …" line.</summary>
    private sealed class StatusUpdate(string status, int line)
    {
        public string Status { get; } = status;

        public int Line { get; } = line;

        public StringBuilder Text { get; } = new();

        public List<Segment> Segments { get; } = [];
    }

    /// <summary>A chat message being read: its header and the lines of its body.</summary>
    private sealed class ChatMessage(ChatLines.Header header, string? who, string raw, int line)
    {
        private readonly StringBuilder text = new();

        public ChatLines.Header Header { get; } = header;

        public string? Who { get; } = who;

        public string Raw { get; } = raw;

        public int Line { get; } = line;

        public string Text => text.ToString();

        public void Append(string more)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(more);
        }
    }
}
