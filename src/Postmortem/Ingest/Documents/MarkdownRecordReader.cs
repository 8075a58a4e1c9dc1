using System.Globalization;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using NodaTime;
using NodaTime.Text;
using Postmortem.Diagnostics;
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

    [GeneratedRegex(@"^(?:Project )?Postmortem:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex TitlePrefix();

    [GeneratedRegex(@"^type:[ \t]*(incident|project)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex RecordType();
}
