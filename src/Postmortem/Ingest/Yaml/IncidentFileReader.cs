using NodaTime;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Notes;
using Postmortem.Model;
using YamlDotNet.RepresentationModel;
using K = Postmortem.Ingest.Yaml.IncidentFileKeys;

namespace Postmortem.Ingest.Yaml;

/// <summary>Reads an incident or project file (docs/format.md) into a <see cref="PostmortemDocument"/>. Never throws on input.</summary>
public static class IncidentFileReader
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

    private static Impact ReadImpact(YamlNodeReader y, IReadOnlyDictionary<string, YamlNode> top)
    {
        var m = y.Mapping(Get(top, "impact"), "impact", "'impact'", K.Impact);
        return new Impact
        {
            UsersAffected = y.String(m, "usersAffected"),
            UsersAffectedPercent = y.Number(m, "usersAffectedPercent", 0, 100),
            Revenue = y.String(m, "revenue"),
            Sla = y.String(m, "sla"),
            Data = y.String(m, "data"),
            Scope = y.OneOf(m, "scope", K.Scopes),
            Effect = y.OneOf(m, "effect", K.Effects),
            DataLoss = y.Bool(m, "dataLoss"),
            SecurityBreach = y.Bool(m, "securityBreach"),
            Workaround = y.Bool(m, "workaround"),
        };
    }

    private static Team ReadTeam(YamlNodeReader y, IReadOnlyDictionary<string, YamlNode> top)
    {
        var m = y.Mapping(Get(top, "team"), "team", "'team'", K.Team);
        var roster = new List<TeamMember>();
        foreach (var node in y.Sequence(Get(m, "roster"), "team.roster"))
        {
            var entry = y.Mapping(node, "team.roster[]", "a roster entry", K.RosterEntry);
            var name = y.String(entry, "name");
            var role = y.String(entry, "role");
            if (entry is not null && (name is null || role is null))
            {
                y.Add(DiagnosticCatalog.MissingKey(y.File, YamlNodeReader.Line(node), YamlNodeReader.Column(node), name is null ? "name" : "role", "a roster entry"));
                continue;
            }

            if (name is not null && role is not null)
            {
                roster.Add(new TeamMember(name.Trim(), role.Trim(), y.Strings(entry, "handles")));
            }
        }

        var retro = y.Mapping(Get(m, "retro"), "team.retro", "'team.retro'", K.Retro);
        return new Team
        {
            Name = y.String(m, "name")?.Trim() is { Length: > 0 } teamName ? teamName : null,
            Context = y.String(m, "context")?.Trim(),
            Experience = y.String(m, "experience")?.Trim(),
            OnCall = y.String(m, "onCall")?.Trim(),
            Roster = roster,
            RetroCadenceDays = y.Integer(retro, "cadenceDays", 1, 366),
            RetroAnchor = y.Date(retro, "anchor"),
        };
    }

    private static IReadOnlyList<TimelineEvent> ReadEvents(ReadContext c, IReadOnlyDictionary<string, YamlNode> top, List<Diagnostic> diagnostics)
    {
        var events = new List<TimelineEvent>();
        var y = c.Reader;
        if (top.TryGetValue("notes", out var notesNode) && y.String(notesNode, "notes") is { } notes)
        {
            var scalar = (YamlScalarNode)notesNode;
            var block = scalar.Style is YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded;
            var firstLine = YamlNodeReader.Line(notesNode) + (block ? 1 : 0);
            var options = c.Options(c.File) with
            {
                FirstLine = firstLine,
                // A block scalar's lines lost their indentation; add it back so columns point into the file.
                ColumnOffset = block ? Indentation(c.Lines, firstLine) : YamlNodeReader.Column(notesNode) - 1,
            };
            var result = NotesExtractor.Extract(notes, options);
            events.AddRange(result.Events);
            diagnostics.AddRange(result.Diagnostics);
        }

        var notesFiles = Get(top, "notesFiles");
        foreach (var node in notesFiles is YamlScalarNode ? [notesFiles] : y.Sequence(notesFiles, "notesFiles"))
        {
            if (y.String(node, "notesFiles") is not { } path)
            {
                continue;
            }

            var (line, column) = (YamlNodeReader.Line(node), YamlNodeReader.Column(node));
            if (c.Scope is not null && !c.Scope.Allows(path))
            {
                diagnostics.Add(DiagnosticCatalog.PathOutsideScope(c.File, line, column, "notesFiles", path));
                continue;
            }

            if (c.ReadRelative is null)
            {
                continue;
            }

            string text;
            try
            {
                text = c.ReadRelative(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                var reason = c.Scope is not null && Directory.Exists(c.Scope.Resolve(path)) ? "it is a directory, not a file"
                    : e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
                diagnostics.Add(DiagnosticCatalog.NotesFileUnreadable(c.File, line, column, path, reason));
                continue;
            }

            var result = NotesExtractor.Extract(text, c.Options(path));
            events.AddRange(result.Events);
            diagnostics.AddRange(result.Diagnostics);
        }

        foreach (var node in y.Sequence(Get(top, "events"), "events"))
        {
            if (ReadEvent(c, node, diagnostics) is { } e)
            {
                events.Add(e);
            }
        }

        return events;
    }

    private static TimelineEvent? ReadEvent(ReadContext c, YamlNode node, List<Diagnostic> diagnostics)
    {
        var y = c.Reader;
        var m = y.Mapping(node, "events[]", "an event", K.Event);
        if (m is null)
        {
            return null;
        }

        var kindText = y.String(m, "kind");
        EventKind? kind = null;
        if (kindText is not null)
        {
            if (EventKinds.TryParse(kindText, out var k))
            {
                kind = k;
            }
            else
            {
                y.Add(DiagnosticCatalog.InvalidValue(c.File, YamlNodeReader.Line(m["kind"]), YamlNodeReader.Column(m["kind"]), "kind", kindText, string.Join(", ", EventKinds.AllNames)));
            }
        }

        var time = y.String(m, "time");
        var text = y.String(m, "event");
        if (time is null || text is null)
        {
            y.Add(DiagnosticCatalog.MissingKey(c.File, YamlNodeReader.Line(node), YamlNodeReader.Column(node), time is null ? "time" : "event", "an event"));
            return null;
        }

        var timeNode = m["time"];
        var (resolved, timeDiagnostics) = NotesExtractor.ResolveTime(time.Trim(), c.Options(c.File), YamlNodeReader.Line(timeNode), YamlNodeReader.Column(timeNode));
        diagnostics.AddRange(timeDiagnostics);
        if (resolved is null)
        {
            if (!timeDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                y.Add(DiagnosticCatalog.InvalidEventTime(c.File, YamlNodeReader.Line(timeNode), YamlNodeReader.Column(timeNode), time));
            }

            return null;
        }

        Instant? end = null;
        if (y.String(m, "end") is { } endText)
        {
            var endNode = m["end"];
            var (endEvent, endDiagnostics) = NotesExtractor.ResolveTime(endText.Trim(), c.Options(c.File) with { AnchorDate = resolved.Time.InZone(c.Zone).Date }, YamlNodeReader.Line(endNode), YamlNodeReader.Column(endNode));
            diagnostics.AddRange(endDiagnostics);
            if (endEvent is null)
            {
                y.Add(DiagnosticCatalog.InvalidEventTime(c.File, YamlNodeReader.Line(endNode), YamlNodeReader.Column(endNode), endText));
            }

            end = endEvent?.Time;
        }

        return resolved with
        {
            EndTime = end,
            Text = text.Trim(),
            Kind = kind ?? EventKind.Other,
            KindRule = kind is null ? KindRules.Unclassified : KindRules.Explicit,
            Source = y.String(m, "source")?.Trim(),
            Actor = y.String(m, "actor")?.Trim(),
            Provenance = new Provenance(c.File, YamlNodeReader.Line(node), YamlNodeReader.Column(node), $"{time} {text}".Trim()),
        };
    }

    private static IReadOnlyList<ContributingFactor> ReadFactors(YamlNodeReader y, IReadOnlyDictionary<string, YamlNode> top)
    {
        var m = y.Mapping(Get(top, "factors"), "factors", "'factors'", K.FactorCategories);
        var factors = new List<ContributingFactor>();
        foreach (var category in K.FactorCategories)
        {
            var items = y.Sequence(Get(m, category), $"factors.{category}");
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var fallbackId = $"{category}-{i + 1}";
                if (item is YamlScalarNode)
                {
                    if (y.String(item, $"factors.{category}") is { } text)
                    {
                        factors.Add(new ContributingFactor(fallbackId, category, text.Trim()) { Line = YamlNodeReader.Line(item), Column = YamlNodeReader.Column(item) });
                    }

                    continue;
                }

                var f = y.Mapping(item, $"factors.{category}[]", "a factor", K.Factor);
                if (y.String(f, "text") is { } factorText)
                {
                    factors.Add(new ContributingFactor(y.String(f, "id")?.Trim() ?? fallbackId, category, factorText.Trim())
                    {
                        AcceptedRisk = y.Bool(f, "acceptedRisk") ?? false,
                        Line = YamlNodeReader.Line(item),
                        Column = YamlNodeReader.Column(item),
                    });
                }
                else if (f is not null)
                {
                    y.Add(DiagnosticCatalog.MissingKey(y.File, YamlNodeReader.Line(item), YamlNodeReader.Column(item), "text", "a factor"));
                }
            }
        }

        return factors;
    }

    private static IReadOnlyList<AssessmentRow> ReadAssessment(YamlNodeReader y, IReadOnlyDictionary<string, YamlNode> top)
    {
        var m = y.Mapping(Get(top, "assessment"), "assessment", "'assessment'", K.AssessmentPhases);
        var rows = new List<AssessmentRow>();
        foreach (var phase in K.AssessmentPhases)
        {
            var row = y.Mapping(Get(m, phase), $"assessment.{phase}", $"'assessment.{phase}'", K.AssessmentRow);
            if (row is not null)
            {
                rows.Add(new AssessmentRow(phase, y.String(row, "happened")?.Trim(), y.String(row, "worked")?.Trim(), y.String(row, "didnt")?.Trim()));
            }
        }

        return rows;
    }

    private static IReadOnlyList<ActionItem> ReadActions(YamlNodeReader y, IReadOnlyDictionary<string, YamlNode> top, PostmortemType type)
    {
        var actions = new List<ActionItem>();
        var items = y.Sequence(Get(top, "actions"), "actions");
        for (var i = 0; i < items.Count; i++)
        {
            var m = y.Mapping(items[i], "actions[]", "an action item", type == PostmortemType.Project ? K.Action.Where(k => k != "type").ToArray() : K.Action);
            if (m is null)
            {
                continue;
            }

            var action = y.String(m, "action");
            if (action is null)
            {
                y.Add(DiagnosticCatalog.MissingKey(y.File, YamlNodeReader.Line(items[i]), YamlNodeReader.Column(items[i]), "action", "an action item"));
                continue;
            }

            var typeName = y.OneOf(m, "type", K.ActionTypes);
            actions.Add(new ActionItem
            {
                Id = y.String(m, "id")?.Trim() ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Action = action.Trim(),
                Type = typeName is null ? null : Enum.Parse<ActionType>(typeName, ignoreCase: true),
                Owner = y.String(m, "owner")?.Trim(),
                Due = y.Date(m, "due"),
                Status = y.String(m, "status")?.Trim() ?? "Open",
                Note = y.String(m, "note")?.Trim(),
                Tracker = y.String(m, "tracker")?.Trim(),
                Factors = y.Strings(m, "factors"),
                Effort = y.OneOf(m, "effort", K.Efforts),
                Line = YamlNodeReader.Line(items[i]),
                Column = YamlNodeReader.Column(items[i]),
            });
        }

        return actions;
    }

    private static ProjectDetails ReadProject(YamlNodeReader y, IReadOnlyDictionary<string, YamlNode> top)
    {
        var period = y.Mapping(Get(top, "period"), "period", "'period'", K.Period);
        var goals = new List<Goal>();
        foreach (var node in y.Sequence(Get(top, "goals"), "goals"))
        {
            var g = y.Mapping(node, "goals[]", "a goal", K.Goal);
            if (y.String(g, "goal") is { } name)
            {
                var assessment = y.OneOf(g, "assessment", K.GoalAssessments);
                goals.Add(new Goal(name.Trim(), y.String(g, "target")?.Trim(), y.String(g, "actual")?.Trim(), assessment));
            }
            else if (g is not null)
            {
                y.Add(DiagnosticCatalog.MissingKey(y.File, YamlNodeReader.Line(node), YamlNodeReader.Column(node), "goal", "a goal"));
            }
        }

        var milestones = new List<Milestone>();
        foreach (var node in y.Sequence(Get(top, "milestones"), "milestones"))
        {
            var ms = y.Mapping(node, "milestones[]", "a milestone", K.Milestone);
            if (y.String(ms, "name") is { } name)
            {
                milestones.Add(new Milestone(name.Trim(), y.Date(ms, "planned"), y.Date(ms, "actual")));
            }
        }

        var delivered = y.Mapping(Get(top, "delivered"), "delivered", "'delivered'", K.Delivered);
        var lessons = y.Mapping(Get(top, "lessons"), "lessons", "'lessons'", K.Lessons);
        var start = y.Date(period, "start");
        var end = y.Date(period, "end");
        if (start is { } s && end is { } e && e < s)
        {
            var node = period!["end"];
            y.Add(DiagnosticCatalog.InvalidDate(y.File, YamlNodeReader.Line(node), YamlNodeReader.Column(node), "period.end", e.ToString("yyyy-MM-dd", null), "a date on or after period.start"));
        }

        return new ProjectDetails
        {
            Start = start,
            End = end,
            Goals = goals,
            Milestones = milestones,
            Delivered = K.Delivered
                .Select(k => (k, v: y.String(delivered, k)))
                .Where(p => p.v is not null)
                .Select(p => new KeyValuePair<string, string>(p.k, p.v!.Trim()))
                .ToList(),
            StakeholderFeedback = y.Strings(top, "feedback"),
            DoDifferently = y.Strings(top, "doDifferently"),
            Lessons = new Lessons
            {
                Process = y.Strings(lessons, "process"),
                Technical = y.Strings(lessons, "technical"),
                People = y.Strings(lessons, "people"),
                Client = y.Strings(lessons, "client"),
            },
            Recommendations = y.Strings(top, "recommendations"),
        };
    }

    private static int Indentation(string[] lines, int line) =>
        line >= 1 && line <= lines.Length ? lines[line - 1].Length - lines[line - 1].TrimStart(' ').Length : 0;

    private sealed record ReadContext(YamlNodeReader Reader, string File, LocalDate? Date, DateTimeZone Zone, Func<string, string>? ReadRelative, string[] Lines, InputScope? Scope)
    {
        public NotesOptions Options(string file) => new() { File = file, AnchorDate = Date, DefaultZone = Zone };
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
