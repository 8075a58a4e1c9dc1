using NodaTime;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Notes;
using Postmortem.Model;
using YamlDotNet.RepresentationModel;
using K = Postmortem.Ingest.Yaml.IncidentFileKeys;

namespace Postmortem.Ingest.Yaml;

/// <summary>Reads an incident or project file (docs/format.md) into a <see cref="PostmortemDocument"/>. Never throws on input.</summary>
public static partial class IncidentFileReader
{
    /// <summary>Reads the file at <paramref name="path"/>; notes files it names are read relative to it, inside
    /// <paramref name="scope"/> (default: its folder tree or git repository, <see cref="InputScope.For"/>).</summary>
    public static Result<PostmortemDocument> ReadFile(string path, InputScope? scope = null)
    {
        var (file, problem) = TextFile.Read(path);
        if (file is null)
        {
            return new Result<PostmortemDocument>(null, [problem!]);
        }

        scope ??= InputScope.For(path);
        return Read(file.Text, path, relative => ReadText(scope.Resolve(relative)), scope);
    }

    /// <summary>Reads a file named by an incident file as text; an I/O exception (with the reason) when it cannot be read or is not text.</summary>
    public static string ReadText(string path)
    {
        var (file, problem) = TextFile.Read(path);
        return file?.Text ?? throw new IOException(problem!.Message.Replace("cannot read file: ", string.Empty, StringComparison.Ordinal)
            + (problem.Line > 0 ? $" (line {problem.Line}, column {problem.Column})" : string.Empty));
    }

    /// <summary>Reads incident-file <paramref name="text"/> named <paramref name="file"/>.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="file">Name used in diagnostics and provenance.</param>
    /// <param name="readRelative">Reads a notes file named relative to this one; may throw I/O exceptions. Null: notes files are not read (the caller wants the file alone).</param>
    /// <param name="scope">Where <c>notesFiles</c> and <c>sources</c> may be read; null: not checked (the caller reads nothing itself).</param>
    public static Result<PostmortemDocument> Read(string text, string file, Func<string, string>? readRelative = null, InputScope? scope = null)
    {
        var diagnostics = new List<Diagnostic>();
        var y = new YamlNodeReader(file, diagnostics);
        var root = y.Load(text);
        if (root is null)
        {
            if (diagnostics.Count == 0)
            {
                diagnostics.Add(DiagnosticCatalog.MissingKey(file, 1, 1, "title", "the incident file (it is empty)"));
            }

            return new Result<PostmortemDocument>(null, diagnostics);
        }

        var everyKey = K.Common.Concat(K.IncidentOnly).Concat(K.ProjectOnly).ToArray();
        var top = y.Mapping(root, "(file)", "the incident file", everyKey);
        if (top is null)
        {
            return new Result<PostmortemDocument>(null, diagnostics);
        }

        var document = ReadTop(y, root, top, text, file, readRelative, scope, diagnostics, frontMatter: false);
        return new Result<PostmortemDocument>(diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? null : document, diagnostics);
    }

    /// <summary>
    /// Reads the front matter of a Markdown record (docs/format.md, "The Markdown record"): the incident file's keys for
    /// the facts the body cannot hold, under the same reading limits, plus <paramref name="extraKeys"/>, which the caller
    /// reads from the returned mapping. <paramref name="yaml"/> starts with the opening '---' line, so lines are the file's.
    /// </summary>
    internal static (PostmortemDocument? Document, IReadOnlyDictionary<string, YamlNode>? Top, YamlNodeReader Reader) ReadFrontMatter(
        string yaml, string file, List<Diagnostic> diagnostics, IReadOnlyCollection<string> extraKeys)
    {
        var y = new YamlNodeReader(file, diagnostics);
        var root = y.Load(yaml);
        if (root is null)
        {
            return (null, null, y);
        }

        var top = y.Mapping(root, "(front matter)", "the front matter", [.. FrontMatterKeys, .. extraKeys]);
        return top is null ? (null, null, y) : (ReadTop(y, root, top, yaml, file, null, null, diagnostics, frontMatter: true), top, y);
    }

    /// <summary>The incident file's keys a Markdown record's front matter may hold (the rest is its body).</summary>
    internal static readonly string[] FrontMatterKeys =
        ["id", "type", "date", "timeZone", "severity", "impact", "resolution", "team", "analysis", .. K.ProjectOnly];

    private static PostmortemDocument ReadTop(YamlNodeReader y, YamlNode root, Dictionary<string, YamlNode> top, string text, string file,
        Func<string, string>? readRelative, InputScope? scope, List<Diagnostic> diagnostics, bool frontMatter)
    {

        var typeName = y.OneOf(top, "type", ["incident", "project"]) ?? "incident";
        var type = typeName == "project" ? PostmortemType.Project : PostmortemType.Incident;
        var foreign = type == PostmortemType.Project ? K.IncidentOnly : K.ProjectOnly;
        foreach (var key in top.Keys.Where(foreign.Contains))
        {
            var node = ((YamlMappingNode)root).Children.Keys.First(k => k is YamlScalarNode s && s.Value == key);
            y.Add(DiagnosticCatalog.UnknownKey(file, YamlNodeReader.Line(node), YamlNodeReader.Column(node), key,
                $"a {typeName} file ('{key}' belongs to {(type == PostmortemType.Project ? "incident" : "project")} postmortems)", null));
        }

        var title = y.String(top, "title");
        if (string.IsNullOrWhiteSpace(title) && !frontMatter)
        {
            y.Add(DiagnosticCatalog.MissingKey(file, 1, 1, "title", "the incident file"));
        }

        var zone = ReadZone(y, top);
        var date = y.Date(top, "date");
        var team = ReadTeam(y, top);
        var context = new ReadContext(y, file, date, zone, readRelative, text.Split('\n'), scope);
        var severity = y.String(top, "severity");
        return new PostmortemDocument
        {
            SourceFile = file,
            Id = ReadId(y, top, file),
            Type = type,
            Title = title?.Trim() ?? string.Empty,
            Date = date,
            TimeZone = zone,
            Author = y.String(top, "author"),
            PostmortemDate = y.Date(top, "postmortemDate"),
            Severity = severity,
            SeverityPosition = top.TryGetValue("severity", out var sevNode) ? (YamlNodeReader.Line(sevNode), YamlNodeReader.Column(sevNode)) : (0, 0),
            Summary = y.String(top, "summary")?.Trim(),
            Services = [.. y.Strings(top, "services").Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)],
            Impact = ReadImpact(y, top),
            Resolution = y.String(top, "resolution")?.Trim(),
            Team = team,
            Events = type == PostmortemType.Incident ? ReadEvents(context, top, diagnostics) : [],
            Sources = ReadSources(y, top, scope),
            Window = ReadWindow(y, top, top.ContainsKey("timeZone") ? zone : null),
            Factors = ReadFactors(y, top),
            Assessment = ReadAssessment(y, top),
            WentWell = y.Strings(top, "wentWell"),
            Actions = ReadActions(y, top, type),
            SilenceThresholdMinutes = y.Integer(y.Mapping(Get(top, "analysis"), "analysis", "'analysis'", K.Analysis), "silenceThresholdMinutes", 1, 24 * 60),
            Project = type == PostmortemType.Project ? ReadProject(y, top) : null,
        };
    }

    private static YamlNode? Get(IReadOnlyDictionary<string, YamlNode>? map, string key) =>
        map is not null && map.TryGetValue(key, out var node) ? node : null;

    private static DateTimeZone ReadZone(YamlNodeReader y, IReadOnlyDictionary<string, YamlNode> top)
    {
        var name = y.String(top, "timeZone");
        if (name is null)
        {
            return DateTimeZone.Utc;
        }

        if (ZoneAbbreviations.ResolveZone(name) is { } zone)
        {
            return zone;
        }

        y.Add(DiagnosticCatalog.UnknownTimeZone(y.File, YamlNodeReader.Line(top["timeZone"]), YamlNodeReader.Column(top["timeZone"]), name));
        return DateTimeZone.Utc;
    }

    private static List<ExportSource> ReadSources(YamlNodeReader y, IReadOnlyDictionary<string, YamlNode> top, InputScope? scope)
    {
        var sources = ReadSourceEntries(y, top);
        foreach (var source in sources.Where(s => scope is not null && !scope.Allows(s.Path)))
        {
            y.Add(DiagnosticCatalog.PathOutsideScope(y.File, source.Line, source.Column, "sources", source.Path));
        }

        return sources;
    }

    private static List<ExportSource> ReadSourceEntries(YamlNodeReader y, IReadOnlyDictionary<string, YamlNode> top)
    {
        var sources = new List<ExportSource>();
        foreach (var node in y.Sequence(Get(top, "sources"), "sources"))
        {
            if (node is YamlScalarNode { Value: { Length: > 0 } bare })
            {
                sources.Add(new ExportSource(bare, [], false, null, new Dictionary<string, string>(), YamlNodeReader.Line(node), YamlNodeReader.Column(node)));
                continue;
            }

            var m = y.Mapping(node, "sources[]", "a source", K.Source);
            if (m is null)
            {
                continue;
            }

            var path = y.String(m, "path");
            if (string.IsNullOrWhiteSpace(path))
            {
                y.Add(DiagnosticCatalog.MissingKey(y.File, YamlNodeReader.Line(node), YamlNodeReader.Column(node), "path", "a source"));
                continue;
            }

            var columns = y.Mapping(Get(m, "columns"), "columns", "a source's 'columns'", K.Columns);
            var markers = y.Strings(m, "markers");
            sources.Add(new ExportSource(path, y.Strings(m, "channels"), y.Bool(m, "all") ?? false, markers.Count == 0 ? null : markers.Select(x => x.Trim(':')).ToList(),
                columns?.Keys.ToDictionary(k => k, k => y.String(columns, k) ?? string.Empty) ?? new Dictionary<string, string>(),
                YamlNodeReader.Line(node), YamlNodeReader.Column(node)));
        }

        return sources;
    }

    private static IncidentWindow? ReadWindow(YamlNodeReader y, IReadOnlyDictionary<string, YamlNode> top, DateTimeZone? zone)
    {
        var m = y.Mapping(Get(top, "window"), "window", "'window'", K.Window);
        if (m is null)
        {
            return null;
        }

        var from = Instant(y, m, "from", zone);
        var to = Instant(y, m, "to", zone);
        if (from > to)
        {
            y.Add(DiagnosticCatalog.InvalidDate(y.File, YamlNodeReader.Line(m["from"]), YamlNodeReader.Column(m["from"]), "from", y.String(m, "from")!, "a start no later than 'to'"));
        }

        return new IncidentWindow(from, to, y.Integer(m, "marginMinutes", 0, 7 * 24 * 60));
    }

    /// <summary>A window end: with an offset as written; without one, in the file's <c>timeZone</c> (format.md), refused when the file names none.</summary>
    private static Instant? Instant(YamlNodeReader y, IReadOnlyDictionary<string, YamlNode> m, string key, DateTimeZone? zone)
    {
        if (y.String(m, key) is not { } text)
        {
            return null;
        }

        if (Exports.ExportTime.TryIso(text, out var parsed) && text.Trim().Length > 10)
        {
            if (parsed.OffsetWritten)
            {
                return parsed.Instant;
            }

            if (zone is not null)
            {
                return parsed.Instant.InUtc().LocalDateTime.InZoneLeniently(zone).ToInstant();
            }
        }

        y.Add(DiagnosticCatalog.InvalidDate(y.File, YamlNodeReader.Line(m[key]), YamlNodeReader.Column(m[key]), key, text,
            "an ISO 8601 date-time with an offset, such as 2023-11-24T12:00:00Z, or without one when the file sets 'timeZone'"));
        return null;
    }

    // docs/format.md: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters,
    // so that it can stand in a URL, a tracker label and a file name unchanged.
    private static string? ReadId(YamlNodeReader y, Dictionary<string, YamlNode> top, string file)
    {
        var id = y.String(top, "id")?.Trim();
        if (id is null || PostmortemId.IsValid(id))
        {
            return id;
        }

        var node = top["id"];
        y.Add(DiagnosticCatalog.InvalidValue(file, YamlNodeReader.Line(node), YamlNodeReader.Column(node), "id", id, PostmortemId.Allowed));
        return null;
    }
}
