using System.IO.Compression;
using System.Text;
using NodaTime;
using Postmortem.Analysis;
using Postmortem.Analysis.Check;
using Postmortem.Analysis.Lint;
using Postmortem.Config;
using Postmortem.Ingest.Exports;
using Postmortem.Ingest.Exports.Formats;
using Postmortem.Ingest.Exports.Json;
using Postmortem.Ingest.Notes;
using Postmortem.Ingest.Yaml;
using Postmortem.Rendering.Html;
using Postmortem.Rendering.Json;
using Postmortem.Rendering.Markdown;

namespace Postmortem.Fuzz;

/// <summary>
/// One entry per parser: the bytes go in as the CLI would hand them over, and any exception that comes out is a
/// crash. The expected way to refuse input is a diagnostic; <see cref="ExportFormatException"/> is how the export
/// readers carry one up to <see cref="ExportReader"/>, so it is the one exception allowed. The test project links
/// this file to run the regression inputs (tests/Postmortem.Tests/Fuzz/Regressions/TARGET/*).
/// </summary>
public static class FuzzTargets
{
    /// <summary>Every target, with the repository files its corpus is seeded from (folders are read whole).</summary>
    public static IReadOnlyDictionary<string, string[]> Seeds { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["notes"] = ["examples/notes", "tests/Postmortem.Tests/Fixtures/check-needs-work.md"],
        ["incident"] = ["examples/meridian/incident.yml", "examples/exports/incident.yml", "examples/project/engagement.yml", "tests/Postmortem.Tests/Fixtures/bad-incident.yml"],
        ["config"] = ["examples/lint/.postmortem.yml"],
        ["check"] = ["examples/lint/needs-work.md", "tests/Postmortem.Tests/Fixtures/check-needs-work.md"],
        ["lint"] = ["examples/lint/needs-work.md", "tests/Postmortem.Tests/Fixtures/check-needs-work.md", "examples/notes"],
        ["pagerduty"] = ["tests/Postmortem.Tests/Fixtures/exports/pagerduty-log-entries.json", "examples/exports/exports/pagerduty.json"],
        ["opsgenie"] = ["tests/Postmortem.Tests/Fixtures/exports/opsgenie-webhook.json"],
        ["datadog"] = ["tests/Postmortem.Tests/Fixtures/exports/datadog-events-v2.json"],
        ["alertmanager"] = ["tests/Postmortem.Tests/Fixtures/exports/alertmanager.json"],
        ["statuspage"] = ["tests/Postmortem.Tests/Fixtures/exports/statuspage.json", "examples/exports/exports/statuspage.json"],
        ["github"] = ["tests/Postmortem.Tests/Fixtures/exports/github-deployment-statuses.json"],
        ["zendesk"] = ["tests/Postmortem.Tests/Fixtures/exports/zendesk-audits.json"],
        ["teams"] = ["tests/Postmortem.Tests/Fixtures/exports/teams-channel-messages.json"],
        ["discord"] = ["tests/Postmortem.Tests/Fixtures/exports/discord-channel.json"],
        ["slack"] = ["tests/Postmortem.Tests/Fixtures/exports/slack/incident-checkout", "examples/exports/exports/slack/incident-checkout"],
        ["csv"] = ["tests/Postmortem.Tests/Fixtures/exports/events.csv", "examples/exports/exports/deploys.csv"],
        ["slack-zip"] = ["zip:tests/Postmortem.Tests/Fixtures/exports/slack", "zip:examples/exports/exports/slack"],
    };

    // Built per run, not in a static field: instrumented library code must not run before SharpFuzz maps AFL's memory.
    private static ExportOptions Window() => new()
    {
        From = Instant.FromUtc(2000, 1, 1, 0, 0), To = Instant.FromUtc(2100, 1, 1, 0, 0), DefaultZone = DateTimeZoneProviders.Tzdb["America/New_York"],
        Classifier = Postmortem.Analysis.KindLexicon.Default,
    };

    /// <summary>Runs <paramref name="target"/> over <paramref name="data"/>; throws only on a crash.</summary>
    public static void Run(string target, byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        switch (target)
        {
            case "notes":
                NotesExtractor.Extract(text, new NotesOptions { File = "fuzz.md", AnchorDate = new LocalDate(2024, 3, 10), DefaultZone = DateTimeZoneProviders.Tzdb["America/New_York"] });
                break;
            case "incident":
                var read = IncidentFileReader.Read(text, "fuzz.yml");
                if (read.Value is { } document)
                {
                    var analyzed = Analyzer.Analyze(document, read.Diagnostics);
                    IncidentMarkdownRenderer.Render(analyzed);
                    JsonRenderer.Render(analyzed);
                    new HtmlPostmortemRenderer().Write(analyzed, Stream.Null);
                }

                break;
            case "config":
                ConfigFile.Read(text, "fuzz.yml");
                break;
            case "check":
                Checker.CheckFile("fuzz.md", text, new AnalysisOptions());
                break;
            case "lint":
                Linter.LintFileWithDiagnostics("fuzz.md", text, new LintOptions());
                LintFixer.FixFile("fuzz.md", text, new LintOptions());
                break;
            case "csv":
                Expected(() => CsvEvents.Read(new MemoryStream(data), new ExportSink("fuzz.csv", "CSV", Window()).Into([]), null));
                break;
            case "slack-zip":
                SlackZip(data);
                break;
            default:
                Expected(() => Json(target, data));
                break;
        }
    }

    // The target's formats in ExportReader's order; the first that matches the shape reads the stream, and a
    // shape none matches is still read by the first of them, so the mapping code is reached by any JSON.
    private static void Json(string target, byte[] data)
    {
        var formats = ExportReader.JsonFormats().Where(f => f.Source.Replace(" ", string.Empty, StringComparison.Ordinal).Equals(target, StringComparison.OrdinalIgnoreCase)).ToList();
        if (formats.Count == 0)
        {
            throw new ArgumentException($"unknown fuzz target '{target}'; targets: {string.Join(", ", Seeds.Keys)}");
        }

        var head = data.AsSpan(0, Math.Min(data.Length, JsonShape.SniffBytes));
        var shape = JsonShape.Sniff(head, data.Length <= JsonShape.SniffBytes);
        var match = formats.Select(f => (Format: f, Path: shape is null ? null : f.Match(shape))).FirstOrDefault(m => m.Path is not null);
        var format = match.Format ?? formats[0];
        var path = match.Path ?? (data.AsSpan().TrimStart(" \t\r\n"u8).StartsWith("["u8) ? RecordPath.RootArray : RecordPath.Root);
        var sink = new ExportSink("fuzz.json", format.Source, Window()).Into([]);
        ExportReader.ReadJsonAsync(new MemoryStream(data), format, path, sink, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    // The zip goes through the whole reader, as `--export x.zip` does: ReadAsync turns every refusal into a diagnostic.
    private static void SlackZip(byte[] data)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pm-fuzz-{Environment.ProcessId}.zip");
        File.WriteAllBytes(file, data);
        try
        {
            ExportReader.ReadAsync(file, Window()).GetAwaiter().GetResult();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void Expected(Action read)
    {
        try
        {
            read();
        }
        catch (ExportFormatException)
        {
            // A refusal with a diagnostic: what ExportReader reports as PM0402.
        }
    }

    /// <summary>Writes the seed corpus of <paramref name="target"/> into <paramref name="folder"/> from the repository at <paramref name="root"/>.</summary>
    public static int WriteSeeds(string target, string root, string folder)
    {
        Directory.CreateDirectory(folder);
        var n = 0;
        foreach (var seed in Seeds[target])
        {
            if (seed.StartsWith("zip:", StringComparison.Ordinal))
            {
                ZipFile.CreateFromDirectory(Path.Combine(root, seed[4..]), Path.Combine(folder, $"seed{n++}.zip"));
                continue;
            }

            var path = Path.Combine(root, seed);
            foreach (var file in Directory.Exists(path) ? [.. Directory.GetFiles(path).Order(StringComparer.Ordinal)] : new[] { path })
            {
                File.Copy(file, Path.Combine(folder, $"seed{n++}{Path.GetExtension(file)}"), overwrite: true);
            }
        }

        return n;
    }
}
