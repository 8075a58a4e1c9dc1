using NodaTime;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Notes;
using Postmortem.Model;
using YamlDotNet.RepresentationModel;
using K = Postmortem.Ingest.Yaml.IncidentFileKeys;

namespace Postmortem.Ingest.Yaml;

/// <summary>The timeline: events written in the file, and notes files read through the notes extractor.</summary>
public static partial class IncidentFileReader
{
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

    private static int Indentation(string[] lines, int line) =>
        line >= 1 && line <= lines.Length ? lines[line - 1].Length - lines[line - 1].TrimStart(' ').Length : 0;

    private sealed record ReadContext(YamlNodeReader Reader, string File, LocalDate? Date, DateTimeZone Zone, Func<string, string>? ReadRelative, string[] Lines, InputScope? Scope)
    {
        public NotesOptions Options(string file) => new() { File = file, AnchorDate = Date, DefaultZone = Zone };
    }
}
