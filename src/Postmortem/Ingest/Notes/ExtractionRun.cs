using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Ingest.Notes;

/// <summary>The state of one pass over a notes text: current date, zones in force, the open table or paragraph.</summary>
internal sealed partial class ExtractionRun
{
    private static readonly Duration RolloverThreshold = Duration.FromHours(12);
    private static readonly System.Buffers.SearchValues<string> SentenceEnds = System.Buffers.SearchValues.Create([". ", "! ", "? ", ".\t"], StringComparison.Ordinal);
    private static readonly System.Buffers.SearchValues<string> TimeWord = System.Buffers.SearchValues.Create(["time"], StringComparison.OrdinalIgnoreCase);
    private static readonly System.Buffers.SearchValues<string> NextDayWords = System.Buffers.SearchValues.Create(["next", "following", "overnight"], StringComparison.OrdinalIgnoreCase);

    // Cheap test before looking for a date in a sentence: a month or weekday name, a numeric month/day, or the year of a
    // day-first dotted date ("24.05.2019": ".19", ".20"). The slash is looked for on its own: a one-letter word among the words
    // made the search a scalar Aho-Corasick walk of every character, several times the cost of the vectorised search (HasDateHint).
    // The words in three searches of at most eight: one search of all 21 put them in shared buckets, whose false candidates
    // (most words of prose that begin with a month's or a weekday's letters) it checked one by one, some 3,600 instructions a
    // sentence; with a bit of its own for each word a search has few (docs/benchmarks.md, twentieth session).
    internal static readonly string[][] DateHintWordSets =
    [
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug"],
        ["sep", "oct", "nov", "dec", ".19", ".20"],
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    ];

    private static readonly System.Buffers.SearchValues<string> MonthHints = System.Buffers.SearchValues.Create(DateHintWordSets[0], StringComparison.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<string> LateMonthHints = System.Buffers.SearchValues.Create(DateHintWordSets[1], StringComparison.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<string> WeekdayHints = System.Buffers.SearchValues.Create(DateHintWordSets[2], StringComparison.OrdinalIgnoreCase);

    internal static bool HasDateHint(ReadOnlySpan<char> text) =>
        text.Contains('/') || text.ContainsAny(MonthHints) || text.ContainsAny(LateMonthHints) || text.ContainsAny(WeekdayHints) || HasIsoDate(text);

    // "euIRC network incident 2013-04-22": four digits, a dash, two digits, a dash and two digits, an ISO 8601 date.
    private static bool HasIsoDate(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOf('-'); i >= 0; i = text[(i + 1)..].IndexOf('-') is var next and >= 0 ? i + 1 + next : -1)
        {
            if (i >= 4 && i + 5 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i - 4]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && text[i + 3] == '-'
                && char.IsAsciiDigit(text[i + 4]) && char.IsAsciiDigit(text[i + 5]))
            {
                return true;
            }
        }

        return false;
    }

    // A status page's tags written in brackets before an update's text ("[resolved] …").
    private static readonly HashSet<string> StatusTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "resolved", "investigating", "identified", "monitoring", "update", "updated", "recovering", "verifying", "completed", "scheduled", "postmortem",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StatusTagsBySpan = StatusTags.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly NotesOptions options;
    private readonly List<Segment> paragraph = [];

    // Reused by each paragraph read (Flush): the joined text of its lines, where each line starts in it, and
    // ParagraphPosition as a delegate made once.
    private readonly StringBuilder joined = new();
    private readonly List<(int Offset, Segment Segment)> paragraphStarts = [];
    private readonly Func<int, (int Line, int Column)> paragraphPosition;
    private readonly List<string> invalid = [];
    private LocalDate? currentDate;
    private ZoneToken? declared;
    private ZoneToken? carried;
    private Instant? lastInstant;
    private TableState? table;
    private int? pendingHeading;

    // The event waiting for its text is led by a label ("09:15 UTC – Investigating"), which stays before the text.
    private bool pendingLabel;
    private bool chatPaste;
    private ChatMessage? message;
    private string? lastSpeaker;
    private IReadOnlySet<string> chatUsernames = new HashSet<string>();
    private LocalDate? dayOne;
    private IReadOnlyList<string> allLines = [];
    private LocalDate? yearHint;
    private bool yearHintRead;
    private bool firstPostedRead;
    private LocalDate? firstPosted;
    private StatusUpdate? update;
    private Instant? mentionedBefore;
    private bool mentionAhead; // the mentioned time is still to come when the message is said (ExtractionRun.Chat.cs)

    // The stamp of the forum post being read ("Post by Morwen » Feb 17th 2017 10:55"): its times are at or before it.
    private Instant? postedAt;

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
        paragraphPosition = ParagraphPosition;
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
        chatPaste = ChatLines.IsChatPaste(lines, out chatUsernames);
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
        DropRestated(); // ExtractionRun.Restated.cs
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
    /// <summary>
    /// True when the notes write a numeric date that can only be day-first ("15/02/2022", "25/04") and none that can only be
    /// month-first ("02/15"): their ambiguous numeric dates are then day/month too (docs/notes-format.md, "Dates").
    /// </summary>
    private bool DayFirst => dayFirst ??= (allLines.Any(l => l.Contains('/', StringComparison.Ordinal) && (OnlyDayFirst().IsMatch(l) || DayFirstLead().IsMatch(l)))
            || GivenDateSaysDayFirst())
        && !allLines.Any(l => l.Contains('/', StringComparison.Ordinal) && OnlyMonthFirst().IsMatch(l));

    /// <summary>
    /// True when the date the user gave (<c>--date 2023-11-06</c>) settles the order of the notes' ambiguous numeric dates:
    /// more of them (each with a year or a clock beside it, so not a fraction) are within two days of it read day-first
    /// (<c>[06/11/2023 09:16]</c>) than read month-first.
    /// </summary>
    private bool GivenDateSaysDayFirst()
    {
        if (options.AnchorDate is not { } given)
        {
            return false;
        }

        var votes = 0;
        foreach (var line in allLines)
        {
            if (!line.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match m in EitherOrder().Matches(line))
            {
                var year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture) : given.Year;
                year = year < 100 ? 2000 + year : year;
                var (a, b) = (int.Parse(m.Groups["a"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups["b"].Value, System.Globalization.CultureInfo.InvariantCulture));
                var monthFirst = Near(year, a, b, given);
                var dayFirst = Near(year, b, a, given);
                votes += dayFirst && !monthFirst ? 1 : monthFirst && !dayFirst ? -1 : 0;
            }
        }

        return votes > 0;

        static bool Near(int year, int month, int day, LocalDate given) =>
            year is >= 1900 and <= 9999 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month)
            && Math.Abs(Period.Between(given, new LocalDate(year, month, day), PeriodUnits.Days).Days) <= 2;
    }

    private bool? dayFirst;

    private WrittenDate? Oriented(WrittenDate? written) => written is { Ambiguous: true } w && DayFirst ? w.DayFirst() : written;

    [GeneratedRegex(@"(?<![\d/.])(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])(?:/(?:\d{4}|\d{2}))?(?![\d/])")]
    private static partial Regex OnlyDayFirst();

    // "ngày 9/3/2024" (Vietnamese, the day 9/3/2024): the word for "day" before a slash date is written only by a language that puts
    // the day first, so the notes' ambiguous numeric dates are day/month (session 31).
    [GeneratedRegex(@"(?<!\p{L})(?i:ngày)\s(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?![\d])")]
    private static partial Regex DayFirstLead();

    [GeneratedRegex(@"(?<![\d/.])(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])(?:/(?:\d{4}|\d{2}))?(?![\d/])")]
    private static partial Regex OnlyMonthFirst();

    // A numeric date that reads both ways ("06/11/2023", "06/11 09:16"), with a year or a clock beside it.
    [GeneratedRegex(@"(?<![\d/.])(?<a>0?[1-9]|1[0-2])/(?<b>0?[1-9]|1[0-2])(?:/(?<year>\d{4}|\d{2}))?(?![\d/])(?(year)|(?=,?\s+\d{1,2}[:.]\d{2}))")]
    private static partial Regex EitherOrder();

    private LocalDate? YearHint()
    {
        if (!yearHintRead)
        {
            yearHintRead = true;
            yearHint = allLines.Where(l => HasDateHint(l) || l.Contains('-', StringComparison.Ordinal)).Select(l => TimeScanner.FindDate(l)?.Date).FirstOrDefault(d => d is not null);
        }

        return yearHint;
    }

    // The day of the update a line belongs to, when the line ties its time to that day: the first "Posted" stamp at or below it
    // (a status page writes each update's stamp after its text), no further than a few lines on.
    private LocalDate? OwnPostDate(string raw, int line)
    {
        // The line's number counts from the file's first line (notes inside an incident file start below its fields), its
        // index in the notes from their own first line.
        var at = line - options.FirstLine;
        if (at < 0 || at >= allLines.Count || !(SameDayWord().IsMatch(raw) || SameDayWord().IsMatch(allLines[at])))
        {
            return null;
        }

        for (var i = at; i < allLines.Count && i <= at + 8; i++)
        {
            if (allLines[i].Contains("Posted", StringComparison.Ordinal) && NotesExtractor.Posted().Match(allLines[i]) is { Success: true } m)
            {
                return TimeScanner.FindDate(m.Groups["when"].Value)?.Resolve(YearHint());
            }
        }

        return null;
    }

    private LocalDate? DividerDay(WrittenDate divider)
    {
        if (divider.Date is { } full)
        {
            return full;
        }

        if (divider.MonthDay is not { } md || (currentDate ?? options.AnchorDate) is not { } from)
        {
            return null;
        }

        foreach (var year in (ReadOnlySpan<int>)[from.Year, from.Year + 1])
        {
            if (md.Day <= NodaTime.CalendarSystem.Iso.GetDaysInMonth(year, md.Month) && new LocalDate(year, md.Month, md.Day) is var day && day >= from.PlusDays(-7))
            {
                return day;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?i)\b(?:this (?:morning|afternoon|evening)|today|tonight|earlier today)\b")]
    private static partial Regex SameDayWord();

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
        if (line.TrimStart().StartsWith('>') && NotesExtractor.QuoteMarks().Match(line) is { Success: true } quoted)
        {
            // "> By 08:11 UTC I had rolled back …" in a quoted e-mail: its marks become spaces (columns kept), a bare ">" a blank line.
            line = new string(' ', quoted.Length) + line[quoted.Length..];
        }

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

        if (line.TrimStart().StartsWith('['))
        {
            line = WithoutStatusTag(line);
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

        if (line.TrimStart().StartsWith('#') && NotesExtractor.TryHeading(line, out var headingIndex, out var headingLength))
        {
            GiveUpUpdate(lineNo);
            FlushMessage();
            Flush();
            FinishHeading(null);
            ReadHeading(line.Substring(headingIndex, headingLength), lineNo, headingIndex + 1);
            return;
        }

        if (message is null && paragraph.Count > 0 && ContinuesSentence(paragraph[^1].Text, line))
        {
            // "… and customers first felt it at ⏎ about 17:31 UTC.": prose wrapped mid-sentence; the line is not a stamp.
            paragraph.Add(new Segment(lineNo, 1, line));
            return;
        }

        if (chatPaste && message is not { IsEmpty: true } && TimeScanner.CjkDateLine(line) is { } cjkDay)
        {
            // "10月11日（水）" alone on a line divides a Japanese, Chinese or Korean chat paste by day, as "Today" does in English: the
            // messages below are on that day, and the divider is no part of the message above. Not right under a header (a message
            // that is only a date), and not outside a chat (a letter's date alone in a report stays as it is). A divider follows the
            // day above it: without a year, the first such day from a week before the day in force ("1月1日" after "12月31日" is
            // the next year's).
            GiveUpUpdate(lineNo);
            FlushMessage();
            Flush();
            if (DividerDay(cjkDay) is { } day)
            {
                currentDate = day;
                dayOne ??= day;
                postedAt = null;
                lastInstant = null;
                NoteDayHeading();
            }

            return;
        }

        if (TimeScanner.IsDateOnlyLine(line))
        {
            // A day heading is no part of a status update: what the update held is read before the day it sets.
            GiveUpUpdate(lineNo);
            FlushMessage();
            Flush();
            var before = currentDate;
            SetDateFrom(line);
            if (currentDate != before || (currentDate is not null && TimeScanner.FindDate(line) is not null))
            {
                // "May 23" on its own line starts that day afresh: a time under it earlier than one above is not past midnight.
                lastInstant = null;
                NoteDayHeading();
            }

            return;
        }

        if (chatPaste && ChatLines.DaysBackDivider(line) is { } daysBack)
        {
            // "Today" or "Yesterday" alone on a line divides a chat paste by day (Slack): the messages below are on that day.
            FlushMessage();
            Flush();
            if (options.AnchorDate is { } pasted)
            {
                currentDate = pasted.PlusDays(-daysBack); // Without the day of the paste, the date in force stands.
            }

            lastInstant = null;
            return;
        }

        ReadByline(line);
        NotePlannedHead(line);
        if (ReadStatusUpdate(line, lineNo))
        {
            return;
        }

        if (ChatLines.TryRead(line, chatPaste, message is not null, out var header, chatUsernames))
        {
            FlushMessage();
            Flush();
            StartMessage(header, line, lineNo);
            return;
        }

        if (message is not null && (chatPaste || message.IsEmpty))
        {
            message.Append(line.Trim());
            return;
        }

        FlushMessage();
        if (line.Length < 64 && MayHoldStatusLabel(line) && (NotesExtractor.StatusStamp().Match(line) is { Success: true } labelled
                || (NotesExtractor.StatusThenStamp().Match(line) is { Success: true } unbracketed && IsTimeOnly(unbracketed.Groups["when"].Value) && (labelled = unbracketed) is not null))
            && Scan(labelled.Groups["when"].Value, lineNo, labelled.Groups["when"].Index + 1) is { Count: 1 } labelStamp)
        {
            // "Identified [11/02/2022 09:47]" and the update below it: one status-page update at its stamp, as under a "Posted" line.
            Flush();
            FinishHeading(null);
            var label = char.ToUpperInvariant(labelled.Groups["w"].Value[0]) + labelled.Groups["w"].Value[1..].ToLowerInvariant();
            if (Add(labelStamp[0], label, line, lineNo, labelled.Groups["when"].Index + 1 + labelStamp[0].Index, "Status page", null, null, null))
            {
                pendingHeading = Events.Count - 1; // The paragraph below is the update: "Identified - The fibre … is down".
            }

            return;
        }

        if (IsTimeOnlyLine(line, lineNo))
        {
            // "2018 October 21 22:52 UTC" or "12:39 PM PDT" alone on a line: a heading; the text below says what happened.
            // A title on the line just above ("Issue Timeline") opens what the stamp leads, whatever paragraph came before it.
            var titleAbove = paragraph.Count > 1 && IsTitle(paragraph[^1].Text);
            Flush();
            FinishHeading(null);
            var lead = line.Length - line.TrimStart().Length;
            var stamp = Stamp(line);

            // Some status pages write the time after each update: decided by the first such line, whether text came before it
            // (a section title such as "Timeline" or "What happened?" above it is not an update).
            // Session 34: a stamp with a blank line above it and its paragraph right below it leads that paragraph, whatever came before
            // the first stamp (a summary above "2017-09-13 20:00 UTC" / "The regular weekly maintenance window opens."): a stamp goes
            // with the text it touches.
            // Session 35: a status history that opens with an update's label and ends on a stamp (nothing after the last one but
            // blank lines or the page's footer) writes each stamp after its update, however the blank lines fall ("Resolved" / its
            // text / blank / "Oct 3, 14:20 UTC" / "Monitoring" / …): a stamp that led its paragraph would have one below it at the
            // end. A summary above the first stamp is no update: a last stamp there may be the report's own ("2024-03-06 09:00").
            // A stamp that ends on a colon ("Tues, 5:00pm:") introduces what follows it.
            stampAfter ??= !titleAbove && !line.AsSpan().TrimEnd().EndsWith(":") && lastUntimed is { } before && !IsTitle(before.Text) && ((OpensWithStatusLabel() && EndsOnAStamp()) || !LeadsItsParagraph(lineNo));

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

        if (StartsItem(line))
        {
            Flush();
        }

        paragraph.Add(new Segment(lineNo, 1, line));
    }

    // A bullet, a "Label: value" line or a short note line starts an item of its own: the paragraph so far ends before it.
    private bool StartsItem(string line) =>
        NotesExtractor.Bullet().IsMatch(line) || (paragraph.Count > 0 && (IsLabelLine(line) || IsLabelLine(paragraph[^1].Text) || IsNoteBreak(paragraph[^1].Text, line)));

    // Hurried notes put a clock inside a short line ("deploy 14:20 went out", "deploy 15:10 rolled back"): two such lines, or a
    // line that ends on its clock ("deploy 15:10", the words below being its note), are items of their own, not one sentence
    // wrapped across lines. Prose wraps at 48 characters or more (ContinuesSentence), so a shorter line above with a clock of its
    // own, or a line ending on a clock, starts afresh.
    private static bool IsNoteBreak(string above, string line)
    {
        var open = above.AsSpan().Trim();
        var next = line.AsSpan().Trim();
        var shortAboveWithDigit = open.Length is > 0 and < 48 && open[^1] is not (',' or '-' or '–') && open.ContainsAny(Digits);
        if (!next.ContainsAny(Digits) || next.Length > 72 || (next.Length > 32 && !shortAboveWithDigit) || EndsWaiting(open))
        {
            return false; // "The outage began at ⏎ 14:20 on the EU cluster": one sentence.
        }

        var times = TimeScanner.FindAll(line);
        if (times.Count == 0)
        {
            return false;
        }

        var last = times[^1];
        if (line.AsSpan(last.Index + last.Length).Trim().IsEmpty && next.Length <= 32)
        {
            return true; // "deploy 15:10" alone: a note's label and time, the lines below its words.
        }

        return shortAboveWithDigit && TimeScanner.FindAll(above).Count > 0;
    }

    // "Time occurred: 20:06 on Thursday" above "Time resolved: 22:25 …": a short label, a colon and a value with a digit
    // is an item of its own, as a bullet is: not the end of the sentence above, nor the start of the one below (a line
    // that wraps it, in lower case, was joined to it before).
    private static bool IsLabelLine(string line)
    {
        var span = line.AsSpan().TrimStart();
        var colon = span.IndexOf(':');
        if (colon < 2 || colon > 32 || colon + 1 >= span.Length || span[colon + 1] != ' ' || !char.IsUpper(span[0]))
        {
            return false;
        }

        var words = 1;
        foreach (var c in span[..colon])
        {
            if (c == ' ')
            {
                words++;
            }
            else if (!char.IsLetter(c) && c != '-')
            {
                return false;
            }
        }

        return words <= 4 && span[(colon + 1)..].ContainsAny(Digits);
    }

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    // A line of wrapped prose that carries on the sentence above it: the line above is long and left open (no end mark),
    // and this one starts in lower case ("about 17:31 UTC.") or the line above ends on a word that waits for what follows
    // ("… first felt it at", "… from"). A short open line ("Timeline") or a line that ends its sentence is not continued.
    private static bool ContinuesSentence(string above, string line)
    {
        var open = above.AsSpan().TrimEnd();
        var next = line.AsSpan().TrimStart();
        if (open.Length < 48 || next.Length == 0 || open[^1] is '.' or '!' or '?' or ':' or ';' or ')' or ']' or '|' || !char.IsLetterOrDigit(open[^1]) && open[^1] != ',')
        {
            return false;
        }

        if (char.IsLower(next[0]))
        {
            return true;
        }

        return EndsWaiting(open);
    }

    // The line ends on a word that waits for what follows ("… at", "… from", "… the").
    private static bool EndsWaiting(ReadOnlySpan<char> open)
    {
        var last = open[(open.LastIndexOf(' ') + 1)..];
        foreach (var word in WaitingWords)
        {
            if (last.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] WaitingWords = ["at", "by", "until", "till", "from", "around", "about", "approximately", "roughly", "since", "before", "after", "to", "between", "and", "on", "of", "the", "was", "were"];

    // "[resolved] At 13:40 on 19th May the mains tripped": a status page's tag on an update whose text tells its own
    // earlier times labels the update, not the first of those moments; it is blanked (columns kept). A tagged line
    // without a time of its own keeps its tag, the update's only words of status.
    private static string WithoutStatusTag(string line)
    {
        var open = line.IndexOf('[', StringComparison.Ordinal);
        var close = line.IndexOf(']', open + 1);
        if (close < 0 || close - open > 16 || !StatusTagsBySpan.Contains(line.AsSpan(open + 1, close - open - 1).Trim())
            || TimeScanner.FindAll(line[(close + 1)..]).Count == 0)
        {
            return line;
        }

        return string.Concat(line.AsSpan(0, open), new string(' ', close + 1 - open), line.AsSpan(close + 1));
    }

    // The stamp line has a blank line (or nothing) above it and a line of text right below it that is not another stamp.
    private bool LeadsItsParagraph(int lineNo)
    {
        var at = lineNo - options.FirstLine;
        if (at < 0 || at + 1 >= allLines.Count)
        {
            return false;
        }

        return (at == 0 || string.IsNullOrWhiteSpace(allLines[at - 1])) && !string.IsNullOrWhiteSpace(allLines[at + 1])
            && !(at + 1 < timeOnlyLines.Length ? timeOnlyLines[at + 1] : IsTimeOnly(allLines[at + 1]));
    }

    // The last line with text, past a status page's footer ("This incident affected: …", "Powered by Atlassian Statuspage"), is
    // a stamp alone on its line.
    private bool EndsOnAStamp()
    {
        for (var at = allLines.Count - 1; at >= 0; at--)
        {
            if (!string.IsNullOrWhiteSpace(allLines[at]) && !StatusFooter().IsMatch(allLines[at]))
            {
                return at < timeOnlyLines.Length ? timeOnlyLines[at] : IsTimeOnly(allLines[at]);
            }
        }

        return false;
    }

    // The first line with text opens with a status page's label: "Resolved", "Monitoring - …", "Investigating: …".
    private bool OpensWithStatusLabel()
    {
        foreach (var line in allLines)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                return OpeningStatusLabel().IsMatch(line);
            }
        }

        return false;
    }

    [GeneratedRegex(@"^\s*(?:This incident affected\b|Powered by\b|Subscribe to updates\b)")]
    private static partial Regex StatusFooter();

    [GeneratedRegex(@"^\s*(?:Resolved|Monitoring|Investigating|Identified|Update|Updated|Completed|Verifying|Mitigated|Recovering|In progress|Scheduled)\b(?!\s+(?:the|a|an|our|by|on|at|in|to)\b)")]
    private static partial Regex OpeningStatusLabel();

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

        var label = rest.Length > 0 && NotesExtractor.StatusWord().IsMatch(rest);
        if (Add(expression, rest.Length > 0 ? rest : text.Trim(), text, lineNo, column + expression.Index, null, null, null) && (rest.Length == 0 || label))
        {
            // The paragraph below says what happened at this time; a label ("## Update - 12:30 UTC") stays before it.
            pendingHeading = Events.Count - 1;
            pendingLabel = label;
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
            // A status-page label heading keeps its label before the update's words, as the page shows them.
            var heading = Events[index];
            Events[index] = heading with { Text = (heading.Source == "Status page" || pendingLabel) && text.Length > 0 ? heading.Text + " - " + text : text };
        }

        pendingHeading = null;
        pendingLabel = false;
    }

    private sealed record Segment(int Line, int Column, string Text);
}
