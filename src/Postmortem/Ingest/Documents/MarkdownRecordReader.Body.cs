using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using NodaTime;
using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Ingest.Documents;

internal static partial class MarkdownRecordReader
{
    /// <summary>Walks the body's top-level blocks in order, section by section.</summary>
    private sealed partial class BodyReader(string file, string[] lines, int[] lineStarts, Front front, List<Diagnostic> diagnostics)
    {
        private const string Placeholder = "_To discuss in the review._";

        private readonly List<TimelineEvent> events = [];
        private readonly List<ContributingFactor> factors = [];
        private readonly List<AssessmentRow> assessment = [];
        private readonly List<string> wentWell = [];
        private readonly List<ActionItem> actions = [];
        private readonly List<Goal> goals = [];
        private readonly List<string> doDifferently = [];
        private readonly List<string> recommendations = [];
        private readonly Dictionary<string, List<string>> lessons = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string?> fields = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string?> impact = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> summary = [];
        private readonly List<string> resolution = [];
        private readonly List<string> detection = [];
        private string? title;
        private bool? project;
        private Part part = Part.Header;
        private string? category;
        private HeadingBlock? heading;
        private bool causesNoted;
        private bool timelineTable;

        private bool Project => project ?? front.Document?.Type == PostmortemType.Project;

        private PostmortemDocument? Facts => front.Document;

        public void Visit(Block block)
        {
            switch (block)
            {
                case YamlFrontMatterBlock:
                    return;
                case HeadingBlock h when title is null && h.Level <= 2:
                    var text = Raw(h.Line).TrimStart('#', ' ').TrimEnd('#', ' ');
                    project = text.StartsWith("Project Postmortem", StringComparison.OrdinalIgnoreCase) ? true : front.Document is null ? false : null;
                    title = MarkdownRow.Unescape(TitlePrefix().Replace(text, string.Empty)).Trim();
                    return;
                case HeadingBlock h:
                    heading = h;
                    category = null;
                    part = PartOf(Raw(h.Line).TrimStart('#', ' ').TrimEnd('#', ' '), Project);
                    if (part == Part.Unmapped)
                    {
                        NotMapped(h, $"section '{Raw(h.Line).TrimStart('#', ' ')}'");
                    }

                    return;
            }

            switch (part)
            {
                case Part.Header:
                    HeaderFields(block);
                    break;
                case Part.Summary:
                    summary.AddRange(Lines(block));
                    break;
                case Part.Resolution:
                    resolution.AddRange(Lines(block));
                    break;
                case Part.Detection:
                    detection.AddRange(Lines(block));
                    break;
                case Part.Impact when block is ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var field = Field().Match(Raw(item.Line));
                        if (field.Success)
                        {
                            impact[field.Groups["name"].Value.Trim()] = field.Groups["value"].Value is "unknown" ? null : MarkdownRow.Unescape(field.Groups["value"].Value);
                        }
                    }

                    break;
                case Part.Impact:
                    NotMapped(block, "impact prose (the model holds impact as the fields 'Users affected', 'Revenue impact', 'SLA impact', 'Data impact')");
                    break;
                case Part.Timeline:
                    TimelineBlock(block);
                    break;
                case Part.Factors or Part.Causes:
                    FactorBlock(block);
                    break;
                case Part.Assessment when block is Table table:
                    AssessmentTable(table);
                    break;
                case Part.WentWell:
                    Bullets(block, wentWell);
                    break;
                case Part.DoDifferently when !HasProjectFacts:
                    Bullets(block, doDifferently);
                    break;
                case Part.Recommendations when !HasProjectFacts:
                    Bullets(block, recommendations);
                    break;
                case Part.Lessons when !HasProjectFacts:
                    LessonBlock(block);
                    break;
                case Part.Goals when block is Table table && !HasProjectFacts:
                    GoalTable(table);
                    break;
                case Part.Actions when block is Table table:
                    ActionTable(table);
                    break;
                case Part.Computed or Part.Unmapped or Part.Goals or Part.DoDifferently or Part.Recommendations or Part.Lessons:
                    break;
                case Part.Container:
                    NotMapped(block, $"the text under '{Raw(heading!.Line).TrimStart('#', ' ')}'");
                    break;
                default:
                    NotMapped(block, block is Table ? "a table" : block is ListBlock ? "a list" : "a paragraph");
                    break;
            }
        }

        private bool HasProjectFacts => front.Document?.Type == PostmortemType.Project;

        public PostmortemDocument? Finish()
        {
            if (string.IsNullOrWhiteSpace(title))
            {
                diagnostics.Add(DiagnosticCatalog.MissingKey(file, 1, 1, "title", "the Markdown postmortem (a '# ' or '## ' heading)"));
                return null;
            }

            var type = Project ? PostmortemType.Project : PostmortemType.Incident;
            var facts = Facts;
            var zone = facts?.TimeZone ?? DateTimeZone.Utc;
            var severity = facts?.Severity ?? (facts is null && Value("Severity") is { } written ? written.Split(' ')[0] : null);
            var project = facts?.Project ?? (type == PostmortemType.Project
                ? new ProjectDetails
                {
                    Goals = goals, DoDifferently = doDifferently, Recommendations = recommendations,
                    Lessons = new Lessons { Process = Lesson("process"), Technical = Lesson("technical"), People = Lesson("people"), Client = Lesson("client") },
                }
                : null);
            return new PostmortemDocument
            {
                SourceFile = file,
                Id = facts?.Id,
                Type = type,
                Title = title.Trim(),
                Date = facts?.Date ?? (facts is null ? (Value("Date of incident") ?? Value("Date")) is { } date ? ParseDate(date) : null : null),
                TimeZone = zone,
                Author = Value("Author") ?? Value("Authors"),
                PostmortemDate = Value("Postmortem date") is { } held ? ParseDate(held) : null,
                Severity = severity,
                Summary = Paragraphs(summary),
                Impact = (facts?.Impact ?? new Impact()) with
                {
                    UsersAffected = Impact("Users affected"),
                    Revenue = Impact("Revenue impact"),
                    Sla = Impact("SLA impact"),
                    Data = Impact("Data impact"),
                },
                Resolution = facts?.Resolution ?? Paragraphs(resolution),
                Team = facts?.Team ?? new Team(),
                Events = events,
                Factors = factors,
                Assessment = detection.Count > 0 && assessment.All(r => r.Phase != "detection")
                    ? [new AssessmentRow("detection", Paragraphs(detection), null, null), .. assessment]
                    : assessment,
                WentWell = wentWell,
                Actions = actions,
                SilenceThresholdMinutes = facts?.SilenceThresholdMinutes,
                RecordedKeys = front.Keys,
                Project = project,
            };
        }

        private List<string> Lesson(string name) => lessons.TryGetValue(name, out var list) ? list : [];

        private string? Value(string name) => fields.TryGetValue(name, out var value) ? value : null;

        private string? Impact(string name) => impact.TryGetValue(name, out var value) ? value : null;

        private string Raw(int zeroBasedLine) => zeroBasedLine >= 0 && zeroBasedLine < lines.Length ? lines[zeroBasedLine] : string.Empty;

        /// <summary>The block's source lines as written.</summary>
        private IEnumerable<string> Lines(Block block)
        {
            var last = LastLine(block);
            for (var i = block.Line; i <= last; i++)
            {
                yield return Raw(i);
            }

            yield return string.Empty;
        }

        // The line holding the block's last character (Span.End is an offset into the text).
        private int LastLine(Block block)
        {
            var index = Array.BinarySearch(lineStarts, block.Span.End);
            var line = index >= 0 ? index : ~index - 1;
            return Math.Clamp(line, block.Line, lines.Length - 1);
        }

        private static string? Paragraphs(List<string> raw)
        {
            var text = string.Join('\n', raw.Select(MarkdownRow.Unescape)).Trim('\n', ' ');
            return text.Length == 0 || text == Placeholder ? null : text;
        }

        private void HeaderFields(Block block)
        {
            if (block is not ParagraphBlock and not ListBlock)
            {
                NotMapped(block, block is Table ? "a table before the first section" : "a block before the first section");
                return;
            }

            foreach (var line in Lines(block).Where(l => l.Length > 0))
            {
                var field = Field().Match(line);
                if (!field.Success)
                {
                    continue;
                }

                var name = field.Groups["name"].Value.Trim();
                var value = field.Groups["value"].Value;
                fields[name] = value is "unknown" or "" ? null : MarkdownRow.Unescape(value);
                if (name is not ("Date of incident" or "Date" or "Severity" or "Duration" or "Author" or "Authors" or "Postmortem date" or "Engagement period" or "Team" or "Status"))
                {
                    diagnostics.Add(DiagnosticCatalog.RecordNotMapped(file, block.Line + 1, 1, $"the field '{name}'"));
                }
            }
        }

        private void NotMapped(Block block, string what) => diagnostics.Add(DiagnosticCatalog.RecordNotMapped(file, block.Line + 1, block.Column + 1, what));

        private void Bullets(Block block, List<string> into)
        {
            if (block is not ListBlock list)
            {
                NotMapped(block, "a paragraph (a list is read here)");
                return;
            }

            foreach (var item in list.OfType<ListItemBlock>())
            {
                if (ItemText(item) is { } text)
                {
                    into.Add(text);
                }
            }
        }

        /// <summary>A list item's text as written: its lines joined, the marker and any comment taken off; null for a placeholder.</summary>
        private string? ItemText(ListItemBlock item) => ItemText(item, out _);

        private string? ItemText(ListItemBlock item, out Match comment)
        {
            var raw = Lines(item).Where(l => l.Length > 0).Select((l, i) => i == 0 ? ListMarker().Replace(l.TrimStart(), string.Empty) : l.Trim());
            var text = string.Join(' ', raw).Trim();
            comment = FactorComment().Match(text);
            if (comment.Success)
            {
                text = text[..comment.Index];
            }

            text = MarkdownRow.Unescape(text).Trim();
            return text.Length == 0 || text == Placeholder || text.StartsWith("To discuss", StringComparison.OrdinalIgnoreCase) ? null : text;
        }

        private void FactorBlock(Block block)
        {
            switch (block)
            {
                case ParagraphBlock p when CategoryLabel().Match(Raw(p.Line).Trim().Trim('*').Trim()) is { Success: true } label:
                    category = label.Groups[1].Value.ToLowerInvariant();
                    return;
                case ListBlock list:
                    if (category is null)
                    {
                        category = "technical";
                        if (!causesNoted)
                        {
                            causesNoted = true;
                            diagnostics.Add(DiagnosticCatalog.RecordNotMapped(file, list.Line + 1, list.Column + 1,
                                $"the category of the factors under '{Raw(heading!.Line).TrimStart('#', ' ')}' (none is written; read as technical factors)"));
                        }
                    }

                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        if (ItemText(item, out var comment) is not { } text)
                        {
                            continue;
                        }

                        var position = factors.Count(f => f.Category == category) + 1;
                        factors.Add(new ContributingFactor(comment.Success ? comment.Groups["id"].Value : $"{category}-{position}", category, text)
                        {
                            AcceptedRisk = comment.Success && comment.Groups["risk"].Success,
                            Line = item.Line + 1,
                            Column = item.Column + 1,
                        });
                    }

                    return;
                case ParagraphBlock when part == Part.Causes:
                    // SRE "Root causes" / "Trigger" written as prose: one factor.
                    if (Paragraphs([.. Lines(block)]) is { } prose)
                    {
                        factors.Add(new ContributingFactor($"technical-{factors.Count(f => f.Category == "technical") + 1}", "technical", string.Join(' ', prose.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
                        {
                            Line = block.Line + 1,
                            Column = block.Column + 1,
                        });
                        if (!causesNoted)
                        {
                            causesNoted = true;
                            diagnostics.Add(DiagnosticCatalog.RecordNotMapped(file, block.Line + 1, block.Column + 1,
                                $"the category of '{Raw(heading!.Line).TrimStart('#', ' ')}' (none is written; read as technical factors)"));
                        }
                    }

                    return;
                default:
                    NotMapped(block, "a block among the contributing factors");
                    return;
            }
        }

        private void LessonBlock(Block block)
        {
            var match = block is ParagraphBlock ? LessonLabel().Match(Raw(block.Line).Trim()) : Match.Empty;
            if (!match.Success)
            {
                NotMapped(block, "a block among the lessons (read: '**Process:** …', '**Technical:** …', '**People:** …', '**Client:** …')");
                return;
            }

            var value = MarkdownRow.Unescape(match.Groups[2].Value).Trim();
            if (value.Length > 0 && value != Placeholder)
            {
                lessons[match.Groups[1].Value.ToLowerInvariant()] = [.. value.Split("; ")];
            }
        }
    }
}
