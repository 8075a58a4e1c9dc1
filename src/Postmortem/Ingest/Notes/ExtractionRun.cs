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

    private readonly NotesOptions options;
    private readonly List<Segment> paragraph = [];
    private readonly List<string> invalid = [];
    private LocalDate? currentDate;
    private ZoneToken? declared;
    private ZoneToken? carried;
    private Instant? lastInstant;
    private TableState? table;
    private int? pendingHeading;

    public ExtractionRun(NotesOptions options)
    {
        this.options = options;
        currentDate = options.AnchorDate;
    }

    public List<TimelineEvent> Events { get; } = [];

    public List<Diagnostic> Diagnostics { get; } = [];

    public void Execute(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var lineNo = options.FirstLine + i;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
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

        Flush();
        FinishHeading(null);
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
            Flush();
            table = null;
            return;
        }

        if (line.TrimStart().StartsWith('|'))
        {
            Flush();
            ReadTableRow(line, lineNo);
            return;
        }

        table = null;
        if (line.AsSpan().ContainsAny(TimeWord))
        {
            ReadDeclaration(line);
        }

        var heading = line.TrimStart().StartsWith('#') ? NotesExtractor.Heading().Match(line) : System.Text.RegularExpressions.Match.Empty;
        if (heading.Success)
        {
            Flush();
            FinishHeading(null);
            ReadHeading(heading.Groups["text"].Value, lineNo, heading.Groups["text"].Index + 1);
            return;
        }

        if (TimeScanner.IsDateOnlyLine(line))
        {
            Flush();
            SetDateFrom(line);
            return;
        }

        if (TryChat(line, lineNo) || TryTimeLed(line, lineNo))
        {
            return;
        }

        if (NotesExtractor.Bullet().IsMatch(line))
        {
            Flush();
        }

        paragraph.Add(new Segment(lineNo, 1, line));
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
        var times = Scan(text, lineNo, column);
        if (times.Count == 0)
        {
            SetDateFrom(text);
            return;
        }

        var expression = times[0];
        var rest = NotesExtractor.RemoveTime(text, expression.Index, expression.Length);
        if (Add(expression, rest.Length > 0 ? rest : text.Trim(), text, lineNo, column + expression.Index, null, null, null) && rest.Length == 0)
        {
            pendingHeading = Events.Count - 1; // The paragraph below says what happened at this time.
        }
    }

    private void FinishHeading(string? text)
    {
        if (pendingHeading is { } index && text is not null)
        {
            Events[index] = Events[index] with { Text = text };
        }

        pendingHeading = null;
    }

    private bool TryChat(string line, int lineNo)
    {
        if (!line.Contains('[', StringComparison.Ordinal) && !line.Contains('<', StringComparison.Ordinal))
        {
            return false;
        }

        var m = NotesExtractor.ChatTimeFirst().Match(line);
        if (!m.Success)
        {
            m = NotesExtractor.ChatNameFirst().Match(line);
        }

        if (!m.Success)
        {
            m = NotesExtractor.ChatIrc().Match(line);
        }

        if (!m.Success)
        {
            return false;
        }

        var timeGroup = m.Groups["t"];
        var times = Scan(timeGroup.Value, lineNo, timeGroup.Index + 1);
        if (times.Count == 0)
        {
            return false;
        }

        Flush();
        var who = m.Groups["who"].Value.TrimStart('@');
        var message = NotesExtractor.Tidy(m.Groups["text"].Value);
        Add(times[0], message.Length > 0 ? message : line.Trim(), line, lineNo, timeGroup.Index + 1, "chat", who, null);
        return true;
    }

    private bool TryTimeLed(string line, int lineNo)
    {
        var prefixLength = NotesExtractor.LinePrefixLength(line);
        var prefix = line[..prefixLength];
        var rest = line[prefixLength..];
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
        Add(expression, NotesExtractor.Tidy(split.Success ? body[..split.Index] : body), line, lineNo, prefix.Length + 1, null, null, null);
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

        string Cell(int index) => index >= 0 && index < cells.Count ? cells[index] : string.Empty;
        var text = table.Event >= 0
            ? Cell(table.Event)
            : string.Join(" — ", cells.Where((c, i) => i != table.Time && i != table.Source && i != table.Actor && i != table.Kind && c.Length > 0));
        var source = Cell(table.Source);
        var actor = Cell(table.Actor);
        EventKind? kind = EventKinds.TryParse(Cell(table.Kind), out var k) && Cell(table.Kind).Length > 0 ? k : null;
        var tidy = NotesExtractor.Tidy(text);
        Add(times[0], tidy.Length > 0 ? tidy : line.Trim(), line, lineNo, Math.Max(column, 1) + times[0].Index,
            source.Length > 0 ? source : null, actor.Length > 0 ? actor : null, kind, table.Zone);
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
        (int Line, int Column) Position(int offset)
        {
            var (start, segment) = starts.Last(s => s.Offset <= offset);
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
    }

    private void ReadSentence(string sentence, int offset, Func<int, (int Line, int Column)> position)
    {
        if (sentence.Length == 0)
        {
            return;
        }

        var (line, column) = position(offset);
        var bullet = NotesExtractor.Bullet().Match(sentence);
        var body = bullet.Success ? sentence[bullet.Length..] : sentence;
        var bodyOffset = offset + (bullet.Success ? bullet.Length : 0);
        var times = Scan(body, line, column, position, bodyOffset);
        if (times.Count > 0)
        {
            FinishHeading(null);
            var expression = times[0];
            var (l, c) = position(bodyOffset + expression.Index);
            Add(expression, NotesExtractor.RemoveTime(body, expression.Index, expression.Length), sentence, l, c, null, null, null);
            return;
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
                Provenance = new Provenance(options.File, line, column + options.ColumnOffset, sentence),
            });
            lastInstant = instant;
            return;
        }

        if (pendingHeading is not null)
        {
            FinishHeading(NotesExtractor.Tidy(body));
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

        return times;
    }

    private void SetDateFrom(string text)
    {
        if (TimeScanner.FindDate(text) is not { } found)
        {
            return;
        }

        if (found.Date is { } date)
        {
            currentDate = date;
        }
        else if (found.MonthDay is { } md && (currentDate ?? options.AnchorDate) is { } anchor && md.Day <= CalendarSystem.Iso.GetDaysInMonth(anchor.Year, md.Month))
        {
            currentDate = new LocalDate(anchor.Year, md.Month, md.Day);
        }
    }

    private bool Add(TimeExpression e, string text, string raw, int line, int column, string? source, string? actor, EventKind? kind, ZoneToken? tableZone = null)
    {
        column += options.ColumnOffset;
        var date = e.Date;
        if (date is null && e.MonthDay is { } md)
        {
            if ((currentDate ?? options.AnchorDate) is not { } anchor || md.Day > CalendarSystem.Iso.GetDaysInMonth(anchor.Year, md.Month))
            {
                Diagnostics.Add(DiagnosticCatalog.NoDateForTime(options.File, line, column, e.Raw));
                return false;
            }

            date = new LocalDate(anchor.Year, md.Month, md.Day);
        }

        var dateWritten = date is not null;
        date ??= currentDate;
        if (date is not { } day)
        {
            Diagnostics.Add(DiagnosticCatalog.NoDateForTime(options.File, line, column, e.Raw));
            return false;
        }

        var written = e.ZoneText is { } zoneText ? ZoneAbbreviations.Lookup(zoneText) : null;
        var (zone, origin) = ChooseZone(e, written, tableZone, line, column);
        var instant = Map(day + e.Time, zone, e, written, line, column);
        if (!dateWritten && lastInstant is { } last && instant < last - RolloverThreshold)
        {
            day = day.PlusDays(1);
            instant = Map(day + e.Time, zone, e, written, line, column);
            Diagnostics.Add(DiagnosticCatalog.MidnightRollover(options.File, line, column, e.Raw, day.ToString("yyyy-MM-dd", null)));
            dateWritten = true;
        }

        if (dateWritten)
        {
            currentDate = day;
        }

        Instant? end = null;
        if (e.EndTime is { } endTime)
        {
            var endDay = endTime <= e.Time ? day.PlusDays(1) : day;
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
            Text = text,
            Kind = kind ?? EventKind.Other,
            KindRule = kind is null ? KindRules.Unclassified : KindRules.Explicit,
            Source = source,
            Actor = actor,
            Confidence = Math.Round(confidence, 2),
            Provenance = new Provenance(options.File, line, column, raw.Trim()),
        });
        lastInstant = instant;
        return true;
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
                instant = mapping.First().ToInstant();
                Diagnostics.Add(DiagnosticCatalog.AmbiguousLocalTime(options.File, line, column, e.Raw.Trim(), zone.Id,
                    mapping.First().ToString("HH:mm o<g>", null)));
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
}
