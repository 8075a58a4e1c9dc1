using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Exports.Formats;
using Postmortem.Ingest.Exports.Json;
using Postmortem.Model;

namespace Postmortem.Ingest.Exports;

/// <summary>
/// Reads any supported export: detects the format from the content (a Slack folder or zip, then the
/// JSON shape, then CSV), streams it, and returns the events inside the window. Never throws on input.
/// </summary>
public static class ExportReader
{
    /// <summary>The JSON formats, in the order they are tried (docs/exports.md).</summary>
    public static IReadOnlyList<JsonFormat> JsonFormats() =>
    [
        new PagerDutyLogEntries(), new PagerDutyIncidents(), new PagerDutyWebhook(),
        new OpsgenieLogs(), new OpsgenieAlerts(), new OpsgenieWebhook(),
        new DatadogEventsV1(), new DatadogEventsV2(), new DatadogWebhook(),
        new Alertmanager(), new Statuspage(), new GitHubDeployments(),
        new ZendeskTickets(), new ZendeskAudits(), new SlackMessages(), new TeamsMessages(), new DiscordMessages(),
    ];

    /// <summary>Reads the export at <paramref name="path"/> (a file or a Slack export folder).</summary>
    public static async Task<ExportResult> ReadAsync(string path, ExportOptions options, CancellationToken cancellationToken = default)
    {
        var sink = new ExportSink(path, "export", options);
        var events = new List<TimelineEvent>();
        sink.Into(events);
        string? format = null;
        long records = 0;
        try
        {
            if (Directory.Exists(path))
            {
                if (!SlackArchive.IsExportFolder(path))
                {
                    return Fail(path, DiagnosticCatalog.ExportUnrecognised(path, "a folder without channels.json or users.json (not a Slack export)"));
                }

                using var folder = SlackArchive.Folder(path);
                format = "slack-export";
                sink = Retarget(sink, "Slack", events);
                records = await ReadSlackAsync(folder, sink, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                var prefix = new byte[JsonShape.SniffBytes];
                var length = await stream.ReadAtLeastAsync(prefix, prefix.Length, false, cancellationToken).ConfigureAwait(false);
                var head = prefix.AsSpan(0, length);
                stream.Position = 0;
                if (head.StartsWith("PK\u0003\u0004"u8))
                {
                    using var zip = SlackArchive.Zip(path);
                    if (zip is null)
                    {
                        return Fail(path, DiagnosticCatalog.ExportUnrecognised(path, "a zip archive without channels.json or users.json (not a Slack export)"));
                    }

                    format = "slack-export";
                    sink = Retarget(sink, "Slack", events);
                    records = await ReadSlackAsync(zip, sink, cancellationToken).ConfigureAwait(false);
                }
                else if (Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".tsv")
                {
                    format = "csv";
                    sink = Retarget(sink, "CSV", events);
                    using var text = new TextCheckingStream(stream, path);
                    CsvEvents.Read(text, sink, n => records = n);
                }
                else
                {
                    var shape = JsonShape.Sniff(head, length < prefix.Length);

                    // The first record decides the format, however long it is (a Slack message whose ts follows 64 KB of text):
                    // read on, doubling, while the prefix ends inside it, up to the reader's own record limit.
                    while (shape is { Cut: true } && prefix.Length < JsonRecordStream.MaxRecordBytes)
                    {
                        stream.Position = length;
                        Array.Resize(ref prefix, prefix.Length * 2);
                        length += await stream.ReadAtLeastAsync(prefix.AsMemory(length), prefix.Length - length, false, cancellationToken).ConfigureAwait(false);
                        shape = JsonShape.Sniff(prefix.AsSpan(0, length), length < prefix.Length);
                    }

                    stream.Position = 0;
                    if (shape is null)
                    {
                        return Fail(path, DiagnosticCatalog.ExportUnrecognised(path, $"the file is not JSON or CSV (it starts with '{Excerpt(prefix.AsSpan(0, length))}')"));
                    }

                    var match = JsonFormats().Select(f => (Format: f, Path: f.Match(shape))).FirstOrDefault(m => m.Path is not null);
                    if (match.Format is null)
                    {
                        var keys = string.Join(", ", shape.Keys.Take(8));
                        return Fail(path, DiagnosticCatalog.ExportUnrecognised(path, $"JSON whose {(shape.Root == JsonTokenType.StartArray ? "first item" : "top level")} has keys {(keys.Length == 0 ? "(none)" : keys)}"));
                    }

                    format = match.Format.Name;
                    sink = Retarget(sink, match.Format.Source, events);
                    records = await ReadJsonAsync(stream, match.Format, match.Path!, sink, options.Progress, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (ExportFormatException e)
        {
            return Fail(sink.File, e.Diagnostic ?? DiagnosticCatalog.ExportMalformed(sink.File, e.Line, e.Column, e.Message), format);
        }
        catch (InvalidDataException e)
        {
            return Fail(path, DiagnosticCatalog.ExportMalformed(path, 0, 0, $"damaged archive or CSV: {e.Message}"), format);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fail(path, DiagnosticCatalog.FileUnreadable(path, e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message), format);
        }

        sink.Finish();
        var diagnostics = new List<Diagnostic>(sink.Diagnostics);
        if (sink.LeftOut + sink.Noise > 0)
        {
            diagnostics.Add(DiagnosticCatalog.ExportCurated(path, events.Count, sink.Noise, sink.LeftOut));
        }

        if (sink.OutsideWindow > 0)
        {
            diagnostics.Add(DiagnosticCatalog.ExportOutsideWindow(path, sink.OutsideWindow, Show(options.From), Show(options.To)));
        }

        // Some APIs list newest first (PagerDuty log entries, Statuspage updates, GitHub lists): give
        // events in time order so that records sharing a second keep their real order.
        if (events.Count > 1 && events[0].Time > events[^1].Time)
        {
            events.Reverse();
        }

        // Some list by last change (Microsoft Graph's messages) or by channel (a Slack export): a stable sort keeps the
        // order of records that share an instant.
        if (!IsInTimeOrder(events))
        {
            var sorted = events.OrderBy(e => e.Time).ToList();
            events.Clear();
            events.AddRange(sorted);
        }

        return new ExportResult(format, events, diagnostics, records, sink.OutsideWindow, sink.LeftOut, sink.Noise);
    }

    /// <summary>Streams one JSON export through <paramref name="format"/>; returns the number of records.</summary>
    public static async Task<long> ReadJsonAsync(Stream stream, JsonFormat format, RecordPath path, ExportSink sink, Action<long>? progress, CancellationToken cancellationToken)
    {
        long records = 0;
        using var text = new TextCheckingStream(stream, sink.File);
        await foreach (var _ in JsonRecordStream.ReadAsync<TimelineEvent>(text, path, format.Fields, (r, o) =>
        {
            records++;
            format.Map(r, sink);
            foreach (var (line, column, key) in r.DuplicateKeys)
            {
                sink.Diagnostics.Add(DiagnosticCatalog.JsonDuplicateKey(sink.File, line, column, key));
            }
        }, progress, cancellationToken).ConfigureAwait(false))
        {
        }

        return records;
    }

    private static async Task<long> ReadSlackAsync(SlackArchive archive, ExportSink sink, CancellationToken cancellationToken)
    {
        var options = sink.Options;
        var users = await ReadNamesAsync(archive, "users.json", cancellationToken).ConfigureAwait(false);
        var folders = archive.ChannelFolders();
        var wanted = options.Channels.Select(c => c.TrimStart('#')).ToList();
        foreach (var missing in wanted.Where(c => !folders.Contains(c, StringComparer.OrdinalIgnoreCase)))
        {
            throw new ExportFormatException(DiagnosticCatalog.ChannelNotFound(archive.Name, missing, string.Join(", ", folders)));
        }

        var chosen = wanted.Count == 0 ? folders : folders.Where(f => wanted.Contains(f, StringComparer.OrdinalIgnoreCase)).ToList();
        long records = 0, done = 0;
        foreach (var channel in chosen)
        {
            var messages = new SlackMessages(users, channel);
            foreach (var day in archive.DayFiles(channel))
            {
                if (options.PruneDayFiles && !MayHold(day, options))
                {
                    continue;
                }

                sink.File = archive.Cite(channel, day);
                await using var stream = archive.OpenDay(channel, day);
                var before = done;
                records += await ReadJsonAsync(stream, messages, RecordPath.RootArray, sink, options.Progress is { } p ? n => p(before + n) : null, cancellationToken).ConfigureAwait(false);
                done += archive.Size(channel, day);
            }
        }

        sink.File = archive.Name;
        return records;
    }

    /// <summary>A day file named by the workspace's local date can hold messages from a day before to a day after that date in UTC.</summary>
    private static bool MayHold(string day, ExportOptions options)
    {
        var parsed = LocalDatePattern.Iso.Parse(Path.GetFileNameWithoutExtension(day));
        if (!parsed.Success)
        {
            return true;
        }

        var date = parsed.Value;
        return (options.From is not { } from || date >= from.InUtc().Date.PlusDays(-1)) && (options.To is not { } to || date <= to.InUtc().Date.PlusDays(1));
    }

    /// <summary>id → display name from users.json: real name, else display name, else handle.</summary>
    private static async Task<Dictionary<string, string>> ReadNamesAsync(SlackArchive archive, string file, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var stream = archive.Open(file);
        if (stream is null)
        {
            return names;
        }

        var fields = new FieldSet("id", "name", "real_name", "profile.real_name", "profile.display_name");
        using var text = new TextCheckingStream(stream, Path.Combine(archive.Name, file));
        await foreach (var _ in JsonRecordStream.ReadAsync<string>(text, RecordPath.RootArray, fields, (r, o) =>
        {
            if (r.String(0) is { } id)
            {
                var name = new[] { r.String(2), r.String(3), r.String(4), r.String(1) }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
                if (name is not null)
                {
                    names[id] = name;
                }
            }
        }, null, cancellationToken).ConfigureAwait(false))
        {
        }

        return names;
    }

    private static bool IsInTimeOrder(List<TimelineEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].Time < events[i - 1].Time)
            {
                return false;
            }
        }

        return true;
    }

    private static ExportSink Retarget(ExportSink sink, string source, List<TimelineEvent> events) =>
        new ExportSink(sink.File, source, sink.Options).Into(events);

    private static ExportResult Fail(string file, Diagnostic diagnostic, string? format = null) => new(format, [], [diagnostic], 0, 0, 0, 0);

    private static string Show(Instant? t) => t is { } i ? InstantPattern.General.Format(i) : "…";

    private static string Excerpt(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head[..Math.Min(head.Length, 40)]);
        var line = text.Split('\n')[0].Trim();
        return line.Length == 0 ? "(blank)" : line;
    }
}
