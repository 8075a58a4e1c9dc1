using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using NodaTime;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Notes;
using Postmortem.Ingest.Yaml;
using Postmortem.Model;

namespace Postmortem.Ingest.Documents;

internal static partial class MarkdownRecordReader
{
    /// <summary>The body's tables: timeline, assessment, goals and action items.</summary>
    private sealed partial class BodyReader
    {
        /// <summary>The table's header names (lower case) and its body rows as (zero-based line, cells).</summary>
        private (List<string> Header, List<(int Line, string Text, IReadOnlyList<(int Start, int Length)> Cells)> Rows) TableRows(Table table)
        {
            var rows = table.OfType<TableRow>().ToList();
            var headerRow = rows.FirstOrDefault(r => r.IsHeader);
            var headerLine = headerRow is null ? string.Empty : Raw(headerRow.Line);
            var header = MarkdownRow.Cells(headerLine).Select(c => headerLine.Substring(c.Start, c.Length).Trim().ToLowerInvariant()).ToList();
            return (header, [.. rows.Where(r => !r.IsHeader).Select(r => (r.Line, Raw(r.Line), MarkdownRow.Cells(Raw(r.Line))))]);
        }

        private static string? Cell((int Line, string Text, IReadOnlyList<(int Start, int Length)> Cells) row, int index) =>
            index >= 0 && index < row.Cells.Count ? MarkdownRow.CellText(row.Text.Substring(row.Cells[index].Start, row.Cells[index].Length)) : null;

        private static int Column(List<string> header, params string[] names)
        {
            foreach (var name in names)
            {
                var i = header.FindIndex(h => h == name || h.StartsWith(name + " (", StringComparison.Ordinal));
                if (i >= 0)
                {
                    return i;
                }
            }

            return -1;
        }

        private void TimelineBlock(Block block)
        {
            if (block is Table table)
            {
                timelineTable = true;
                TimelineTable(table);
                return;
            }

            if (timelineTable)
            {
                return; // the draft's key timestamps and gaps after the table: computed, not read
            }

            // A hand-written timeline as a list or lines ("- 14:51 Pager fired"): the notes reader's rules.
            var first = block.Line + 1;
            var text = string.Join('\n', Lines(block));
            var result = NotesExtractor.Extract(text, new NotesOptions { File = file, AnchorDate = Facts?.Date ?? Date(), DefaultZone = Facts?.TimeZone ?? DateTimeZone.Utc, FirstLine = first });
            events.AddRange(result.Events);
            diagnostics.AddRange(result.Diagnostics);
            if (result.Events.Count == 0)
            {
                NotMapped(block, "a block in the timeline with no time this reader understands");
            }
        }

        private LocalDate? Date() => (Value("Date of incident") ?? Value("Date")) is { } d ? ParseDate(d) : null;

        private void TimelineTable(Table table)
        {
            var (header, rows) = TableRows(table);
            var timeColumn = Column(header, "time", "time (utc)", "date", "when");
            var eventColumn = Column(header, "event", "description", "what happened");
            if (timeColumn < 0 || eventColumn < 0)
            {
                NotMapped(table, "a timeline table without 'Time' and 'Event' columns");
                return;
            }

            var utc = header[timeColumn].Contains("utc", StringComparison.Ordinal);
            var zone = utc ? DateTimeZone.Utc : Facts?.TimeZone ?? DateTimeZone.Utc;
            var anchor = front.TimelineDate ?? Facts?.Date ?? Date();
            var sourceColumn = Column(header, "source");
            var actorColumn = Column(header, "actor", "who", "owner");
            LocalDate? previous = null;
            foreach (var row in rows)
            {
                var written = Cell(row, timeColumn);
                var text = Cell(row, eventColumn);
                var (line, column) = (row.Line + 1, timeColumn < row.Cells.Count ? row.Cells[timeColumn].Start + 1 : 1);
                if (written is null || text is null)
                {
                    diagnostics.Add(DiagnosticCatalog.RecordValueUnreadable(file, line, column, "a timeline row", row.Text.Trim(), "a time and an event"));
                    continue;
                }

                var (start, end) = zone == DateTimeZone.Utc ? DraftTimes(written, anchor, ref previous) ?? (null, null) : (null, null);
                if (start is null)
                {
                    var (resolved, problems) = NotesExtractor.ResolveTime(written, new NotesOptions { File = file, AnchorDate = anchor, DefaultZone = zone }, line, column);
                    diagnostics.AddRange(problems);
                    if (resolved is null)
                    {
                        if (!problems.Any(p => p.Severity == DiagnosticSeverity.Error))
                        {
                            diagnostics.Add(DiagnosticCatalog.RecordValueUnreadable(file, line, column, "the timeline time", written, "a time such as 14:05, 11-24 14:05 or 2023-11-24 14:05 UTC"));
                        }

                        continue;
                    }

                    (start, end) = (resolved.Time, resolved.EndTime);
                }

                events.Add(new TimelineEvent
                {
                    Time = Exact(start.Value),
                    EndTime = end is { } e ? Exact(e) : null,
                    WrittenTime = written,
                    Zone = zone.Id,
                    ZoneOrigin = ZoneOrigin.Declared,
                    Text = text,
                    Kind = EventKind.Other,
                    KindRule = KindRules.Unclassified,
                    Source = Cell(row, sourceColumn),
                    Actor = Cell(row, actorColumn),
                    Confidence = 1.0,
                    Provenance = new Provenance(file, line, column, row.Text.Trim()),
                });
            }
        }

        // The exact instant the front matter keeps for a time the table shows to the minute.
        private Instant Exact(Instant minute) =>
            front.Exact.TryGetValue(minute, out var queue) && queue.Count > 0 ? queue.Dequeue() : minute;

        /// <summary>The draft's own time cell, on the UTC day of the front matter's 'timeline.date' (a month-day when the timeline spans days).</summary>
        private static (Instant? Start, Instant? End)? DraftTimes(string written, LocalDate? anchor, ref LocalDate? previous)
        {
            var m = DraftTime().Match(written);
            if (!m.Success || anchor is not { } day)
            {
                return null;
            }

            LocalDate? DateOf(Group month, Group dayOfMonth, LocalDate fallback)
            {
                if (!month.Success)
                {
                    return fallback;
                }

                var (mm, dd) = (int.Parse(month.Value, CultureInfo.InvariantCulture), int.Parse(dayOfMonth.Value, CultureInfo.InvariantCulture));
                foreach (var year in new[] { fallback.Year, fallback.Year + 1, fallback.Year - 1 })
                {
                    if (mm is >= 1 and <= 12 && dd >= 1 && dd <= CalendarSystem.Iso.GetDaysInMonth(year, mm))
                    {
                        var candidate = new LocalDate(year, mm, dd);
                        if (Math.Abs(Period.Between(fallback, candidate, PeriodUnits.Days).Days) <= 183)
                        {
                            return candidate;
                        }
                    }
                }

                return null;
            }

            Instant? At(LocalDate? date, Group hour, Group minute)
            {
                var (h, n) = (int.Parse(hour.Value, CultureInfo.InvariantCulture), int.Parse(minute.Value, CultureInfo.InvariantCulture));
                return date is { } d && h < 24 && n < 60 && DateRange.Contains(d) ? d.At(new LocalTime(h, n)).InUtc().ToInstant() : null;
            }

            // A timeline that spans days writes each row's month and day; the year is the anchor's, or the next one after a new year.
            var startDate = DateOf(m.Groups["m1"], m.Groups["d1"], previous ?? day);
            var start = At(startDate, m.Groups["h1"], m.Groups["n1"]);
            if (start is null)
            {
                return null;
            }

            previous = startDate;
            Instant? end = null;
            if (m.Groups["h2"].Success)
            {
                end = At(DateOf(m.Groups["m2"], m.Groups["d2"], startDate!.Value), m.Groups["h2"], m.Groups["n2"]);
                if (end < start && !m.Groups["m2"].Success)
                {
                    end = end.Value.Plus(Duration.FromDays(1));
                }
            }

            return (start, end);
        }

        private void AssessmentTable(Table table)
        {
            var (header, rows) = TableRows(table);
            foreach (var row in rows)
            {
                var phase = Cell(row, 0)?.ToLowerInvariant();
                if (phase is null || !IncidentFileKeys.AssessmentPhases.Contains(phase))
                {
                    diagnostics.Add(DiagnosticCatalog.RecordValueUnreadable(file, row.Line + 1, 1, "the assessment phase", phase ?? string.Empty, string.Join(", ", IncidentFileKeys.AssessmentPhases)));
                    continue;
                }

                string? Discuss(string? value) => value is null || value.Equals("to discuss", StringComparison.OrdinalIgnoreCase) ? null : value;
                var happenedIndex = Column(header, "what happened");
                var happened = Discuss(Cell(row, happenedIndex));
                if (happened is not null && front.Observed.TryGetValue(phase, out var hash) && happenedIndex < row.Cells.Count
                    && RecordHash.Matches(row.Text.Substring(row.Cells[happenedIndex].Start, row.Cells[happenedIndex].Length), hash))
                {
                    happened = null; // the tool's own words from the timeline, not the team's
                }

                var worked = Discuss(Cell(row, Column(header, "what worked")));
                var didNot = Discuss(Cell(row, Column(header, "what didn't", "what did not")));
                if (happened is not null || worked is not null || didNot is not null)
                {
                    assessment.Add(new AssessmentRow(phase, happened, worked, didNot));
                }
            }
        }

        private void GoalTable(Table table)
        {
            var (header, rows) = TableRows(table);
            foreach (var row in rows)
            {
                if (Cell(row, Column(header, "goal")) is not { } name)
                {
                    continue;
                }

                var assessed = Cell(row, Column(header, "assessment"))?.ToLowerInvariant().Replace(' ', '-');
                goals.Add(new Goal(name, Cell(row, Column(header, "target")), Cell(row, Column(header, "actual")), IncidentFileKeys.GoalAssessments.Contains(assessed) ? assessed : null));
            }
        }

        private void ActionTable(Table table)
        {
            var (header, rows) = TableRows(table);
            var actionColumn = Column(header, "action", "action item", "action items");
            if (actionColumn < 0)
            {
                NotMapped(table, "a table without an 'Action' column among the action items");
                return;
            }

            var (idColumn, typeColumn, ownerColumn, dueColumn, statusColumn) = (Column(header, "id", "#"), Column(header, "type"), Column(header, "owner"), Column(header, "due date", "due"), Column(header, "status"));
            var (trackerColumn, noteColumn) = (Column(header, "tracker", "bug", "issue", "ticket"), Column(header, "note", "notes"));
            foreach (var row in rows)
            {
                var line = row.Line + 1;
                if (Cell(row, actionColumn) is not { } text)
                {
                    diagnostics.Add(DiagnosticCatalog.RecordValueUnreadable(file, line, 1, "an action item", row.Text.Trim(), "the action in its 'Action' cell"));
                    continue;
                }

                int At(int index) => index >= 0 && index < row.Cells.Count ? row.Cells[index].Start + 1 : 1;
                ActionType? type = null;
                if (Cell(row, typeColumn) is { } typeText)
                {
                    if (Enum.TryParse<ActionType>(typeText, ignoreCase: true, out var parsed) && IncidentFileKeys.ActionTypes.Contains(typeText.ToLowerInvariant()))
                    {
                        type = parsed;
                    }
                    else
                    {
                        diagnostics.Add(DiagnosticCatalog.RecordValueUnreadable(file, line, At(typeColumn), "the action type", typeText, "Prevent, Detect, Mitigate or Process"));
                    }
                }

                LocalDate? due = null;
                if (Cell(row, dueColumn) is { } dueText)
                {
                    due = ParseDate(dueText);
                    if (due is null)
                    {
                        diagnostics.Add(DiagnosticCatalog.RecordValueUnreadable(file, line, At(dueColumn), "the due date", dueText, "a date such as Dec 8, 2023 or 2023-12-08"));
                    }
                }

                var id = Cell(row, idColumn) ?? (actions.Count + 1).ToString(CultureInfo.InvariantCulture);
                var links = front.ActionLinks.TryGetValue(id, out var found) ? found : (null, []);
                actions.Add(new ActionItem
                {
                    Id = id,
                    Action = text,
                    Type = type,
                    Owner = Cell(row, ownerColumn),
                    Due = due,
                    Status = Cell(row, statusColumn) ?? "Open",
                    Tracker = Cell(row, trackerColumn),
                    Note = Cell(row, noteColumn),
                    Effort = links.Effort,
                    Factors = links.Factors,
                    Line = line,
                    Column = 1,
                });
            }
        }
    }
}
