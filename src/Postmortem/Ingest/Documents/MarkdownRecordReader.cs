using System.Globalization;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using NodaTime;
using NodaTime.Text;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Notes;
using Postmortem.Ingest.Yaml;
using Postmortem.Model;
using YamlDotNet.RepresentationModel;

namespace Postmortem.Ingest.Documents;

/// <summary>
/// Reads a Markdown postmortem into the model (docs/format.md, "The Markdown record"): a record <c>draft</c> wrote
/// (front matter plus the seed's template), the same edited by hand, or a hand-written postmortem in the seed's
/// templates or the Google SRE layout. What it cannot read is a diagnostic with its line and column; a section, table
/// or list that maps to nothing is listed (PM0604). Never throws on input.
/// </summary>
internal static partial class MarkdownRecordReader
{
    /// <summary>The front matter keys beyond the incident file's (docs/format.md).</summary>
    internal static readonly string[] RecordKeys = ["timeline", "keys", "observed", "actionLinks"];

    private static readonly string[] KeyNames = ["impactStart", "detection", "detectionMethod", "firstCustomerReport", "escalation", "mitigation", "resolution", "communication"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().UsePreciseSourceLocation().Build();
    private static readonly LocalDatePattern LongDate = LocalDatePattern.Create("MMMM d, uuuu", CultureInfo.InvariantCulture);
    private static readonly LocalDatePattern ShortDate = LocalDatePattern.Create("MMM d, uuuu", CultureInfo.InvariantCulture);

    private enum Part
    {
        Header, Summary, Impact, Timeline, Factors, Causes, Assessment, WentWell, Actions, Resolution, Detection, Computed,
        Goals, DoDifferently, Recommendations, Lessons, Container, Unmapped,
    }

    /// <summary>True when <paramref name="file"/> is named as Markdown (<c>.md</c>, <c>.markdown</c>).</summary>
    public static bool IsMarkdown(string file) => IsMarkdown(file.AsSpan());

    /// <summary>True when the file name or path <paramref name="file"/> ends in <c>.md</c> or <c>.markdown</c> (the index's walk asks without a string per file).</summary>
    internal static bool IsMarkdown(ReadOnlySpan<char> file) =>
        file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="text"/> is a record as <c>draft</c> writes it: front matter first, naming its <c>type</c> (incident or project).</summary>
    internal static bool IsRecord(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith("---\n") && !text.StartsWith("---\r\n"))
        {
            return false;
        }

        // Only the front matter counts: up to its closing line (or all that was given, when the caller read only a head).
        var body = text[3..];
        var end = body.IndexOf("\n---", StringComparison.Ordinal);
        return RecordType().IsMatch(end < 0 ? body : body[..end]);
    }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static Result<PostmortemDocument> ReadFile(string path)
    {
        var (file, problem) = TextFile.Read(path);
        return file is null ? new(null, [problem!]) : Read(file.Text, path);
    }

    /// <summary>Reads Markdown <paramref name="text"/> named <paramref name="file"/>; the value is null when an error stops it (YAML, limits, no title).</summary>
    public static Result<PostmortemDocument> Read(string text, string file)
    {
        var diagnostics = new List<Diagnostic>();
        if (Prose.MarkdownLimits.Check(text, file) is { } tooDeep)
        {
            return new(null, [tooDeep]);
        }

        MarkdownDocument markdown;
        try
        {
            markdown = Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException e)
        {
            return new(null, [DiagnosticCatalog.MarkdownTooDeep(file, 0, 0, e.Message)]);
        }

        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var front = FrontMatter(lines, file, diagnostics);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new(null, diagnostics);
        }

        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        var reader = new BodyReader(file, lines, [.. starts], front, diagnostics);
        foreach (var block in markdown)
        {
            reader.Visit(block);
        }

        var document = reader.Finish();
        return new(diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? null : document, diagnostics);
    }

    /// <summary>What the front matter says, or defaults when there is none.</summary>
    private sealed record Front(PostmortemDocument? Document, RecordedKeys? Keys, LocalDate? TimelineDate, IReadOnlyDictionary<Instant, Queue<Instant>> Exact,
        IReadOnlyDictionary<string, string> Observed, IReadOnlyDictionary<string, (string? Effort, IReadOnlyList<string> Factors)> ActionLinks);

    private static Front FrontMatter(string[] lines, string file, List<Diagnostic> diagnostics)
    {
        var empty = new Front(null, null, null, new Dictionary<Instant, Queue<Instant>>(), new Dictionary<string, string>(), new Dictionary<string, (string?, IReadOnlyList<string>)>());
        if (lines.Length == 0 || lines[0].TrimStart('\uFEFF') != "---")
        {
            return empty;
        }

        var close = Array.FindIndex(lines, 1, l => l is "---" or "...");
        if (close < 0)
        {
            diagnostics.Add(DiagnosticCatalog.FrontMatterUnclosed(file, 1));
            return empty;
        }

        var yaml = string.Join('\n', lines[..close]) + "\n";
        var (document, top, y) = IncidentFileReader.ReadFrontMatter(yaml, file, diagnostics, RecordKeys);
        if (document is null || top is null)
        {
            return empty;
        }

        var timeline = y.Mapping(Get(top, "timeline"), "timeline", "'timeline'", ["date", "exact"]);
        var exact = new Dictionary<Instant, Queue<Instant>>();
        foreach (var node in y.Sequence(Get(timeline, "exact"), "timeline.exact"))
        {
            if (Instant(y, node, "timeline.exact") is { } instant)
            {
                var minute = Minute(instant);
                if (!exact.TryGetValue(minute, out var queue))
                {
                    exact[minute] = queue = new Queue<Instant>();
                }

                queue.Enqueue(instant);
            }
        }

        var observed = y.Mapping(Get(top, "observed"), "observed", "'observed'", IncidentFileKeys.AssessmentPhases);
        var links = new Dictionary<string, (string?, IReadOnlyList<string>)>(StringComparer.Ordinal);
        var linkNode = Get(top, "actionLinks");
        var ids = linkNode is YamlMappingNode given ? given.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty).ToList() : [];
        var linkMap = y.Mapping(linkNode, "actionLinks", "'actionLinks'", ids);
        foreach (var (id, node) in linkMap ?? [])
        {
            var m = y.Mapping(node, $"actionLinks.{id}", $"'actionLinks.{id}'", ["effort", "factors"]);
            links[id] = (y.OneOf(m, "effort", IncidentFileKeys.Efforts), y.Strings(m, "factors"));
        }

        return new Front(document, Keys(y, y.Mapping(Get(top, "keys"), "keys", "'keys'", KeyNames)), y.Date(timeline, "date"), exact,
            observed?.Where(p => y.String(p.Value, p.Key) is not null).ToDictionary(p => p.Key, p => y.String(p.Value, p.Key)!.Trim(), StringComparer.Ordinal) ?? [],
            links);
    }

    private static RecordedKeys? Keys(YamlNodeReader y, Dictionary<string, YamlNode>? m)
    {
        if (m is null)
        {
            return null;
        }

        RecordedKey? Key(string name)
        {
            if (!m.TryGetValue(name, out var node) || y.String(node, $"keys.{name}") is not { } value)
            {
                return null;
            }

            var (line, column) = (YamlNodeReader.Line(node), YamlNodeReader.Column(node));
            value = value.Trim();
            if (value == "none")
            {
                return new RecordedKey(null, 1, line, column);
            }

            var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 1 or 2 && InstantPattern.ExtendedIso.Parse(parts[0]) is { Success: true } parsed
                && (parts.Length == 1 || int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1))
            {
                return new RecordedKey(parsed.Value, parts.Length == 1 ? 1 : int.Parse(parts[1], CultureInfo.InvariantCulture), line, column);
            }

            y.Add(DiagnosticCatalog.InvalidDate(y.File, line, column, $"keys.{name}", value, "'none', or a UTC instant such as 2023-11-24T12:31:00Z, optionally followed by which row at that time (2)"));
            return null;
        }

        return new RecordedKeys
        {
            ImpactStart = Key("impactStart"),
            Detection = Key("detection"),
            DetectionMethod = y.String(m, "detectionMethod")?.Trim(),
            FirstCustomerReport = Key("firstCustomerReport"),
            Escalation = Key("escalation"),
            Mitigation = Key("mitigation"),
            Resolution = Key("resolution"),
            Communication = Key("communication"),
        };
    }

    private static Instant? Instant(YamlNodeReader y, YamlNode node, string key)
    {
        if (y.String(node, key) is not { } text)
        {
            return null;
        }

        if (InstantPattern.ExtendedIso.Parse(text.Trim()) is { Success: true } parsed)
        {
            return parsed.Value;
        }

        y.Add(DiagnosticCatalog.InvalidDate(y.File, YamlNodeReader.Line(node), YamlNodeReader.Column(node), key, text, "a UTC instant such as 2023-11-24T12:31:07Z"));
        return null;
    }

    private static Instant Minute(Instant instant) => NodaTime.Instant.FromUnixTimeSeconds(instant.ToUnixTimeSeconds() - (((instant.ToUnixTimeSeconds() % 60) + 60) % 60));

    private static YamlNode? Get(IReadOnlyDictionary<string, YamlNode>? map, string key) => map is not null && map.TryGetValue(key, out var node) ? node : null;

    /// <summary>A date as the templates write it (November 24, 2023; Dec 8, 2023) or ISO; null otherwise.</summary>
    internal static LocalDate? ParseDate(string text)
    {
        var t = text.Trim();
        foreach (var pattern in new[] { LocalDatePattern.Iso, LongDate, ShortDate })
        {
            if (pattern.Parse(t) is { Success: true } r && DateRange.Contains(r.Value))
            {
                return r.Value;
            }
        }

        return null;
    }

    /// <summary>The heading's name reduced for matching: lower case, no numbering, trailing colon or punctuation.</summary>
    private static Part PartOf(string heading, bool project)
    {
        var name = SectionName().Replace(heading.ToLowerInvariant(), string.Empty).Trim();
        return name switch
        {
            "summary" or "executive summary" or "overview" => Part.Summary,
            "impact" => Part.Impact,
            "timeline" => Part.Timeline,
            "contributing factors" => Part.Factors,
            "root causes" or "root cause" or "trigger" => Part.Causes,
            "detection and response assessment" => Part.Assessment,
            "what went well" => Part.WentWell,
            "action items" or "action items and follow-ups" or "follow-up actions" => Part.Actions,
            "resolution" => Part.Resolution,
            "detection" => Part.Detection,
            "key timestamps" or "follow-up schedule" or "time gaps to investigate" => Part.Computed,
            "goals vs. outcomes" or "goals vs outcomes" => Part.Goals,
            "what we would do differently" => Part.DoDifferently,
            "recommendations for future engagements" or "recommendations" => Part.Recommendations,
            "lessons learned" => project ? Part.Lessons : Part.Container,
            _ => Part.Unmapped,
        };
    }

    [GeneratedRegex(@"^[\d.\s]+|[:.\s]+$")]
    private static partial Regex SectionName();

    // "**Severity:** SEV-1", "- **Users affected:** 4,200", "**Date**: 2015-10-21".
    [GeneratedRegex(@"^\s*(?:[-*+]\s+)?\*\*(?<name>[^*]+?):?\*\*:?\s*(?<value>.*?)\s*$")]
    private static partial Regex Field();

    [GeneratedRegex(@"^(Process|Technical|Human|Organizational) factors:?$", RegexOptions.IgnoreCase)]
    private static partial Regex CategoryLabel();

    [GeneratedRegex(@"^\*\*(Process|Technical|People|Client):\*\*\s*(.*)$")]
    private static partial Regex LessonLabel();

    // The draft's time cell: "12:14", "12:14–12:20", "11-24 12:14", each optionally followed by the display zone's "(07:14 ET)".
    [GeneratedRegex(@"^(?:(?<m1>\d\d)-(?<d1>\d\d) )?(?<h1>\d\d):(?<n1>\d\d)(?:–(?:(?<m2>\d\d)-(?<d2>\d\d) )?(?<h2>\d\d):(?<n2>\d\d))?(?: \([^()]*\))?$")]
    private static partial Regex DraftTime();

    [GeneratedRegex(@"\s*<!--\s*factor:\s*(?<id>[A-Za-z0-9][A-Za-z0-9._-]{0,63})(?<risk>\s*,\s*accepted-risk)?\s*-->\s*$")]
    private static partial Regex FactorComment();

    [GeneratedRegex(@"^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")]
    private static partial Regex ListMarker();

    /// <summary>Walks the body's top-level blocks in order, section by section.</summary>
    private sealed class BodyReader(string file, string[] lines, int[] lineStarts, Front front, List<Diagnostic> diagnostics)
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
                    && RecordHash.Of(row.Text.Substring(row.Cells[happenedIndex].Start, row.Cells[happenedIndex].Length)) == hash)
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

    [GeneratedRegex(@"^(?:Project )?Postmortem:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex TitlePrefix();

    [GeneratedRegex(@"^type:[ \t]*(incident|project)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex RecordType();
}
