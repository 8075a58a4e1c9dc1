using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using Postmortem.Ingest.Exports;

namespace Postmortem.Bench;

/// <summary>
/// Export reading against a bare <see cref="Utf8JsonReader"/> pass over the same bytes, in the same
/// process; then the NativeAOT <c>timeline</c> end to end with its peak memory (VmHWM).
/// </summary>
internal static class ExportBench
{
    public static void Run(string root, int messages, string? aot, bool generateOnly)
    {
        var folder = Path.Combine(root, "artifacts", "bench", $"exports-{messages}");
        var slack = Path.Combine(folder, "slack");
        var pagerduty = Path.Combine(folder, "pagerduty.json");
        if (!File.Exists(pagerduty))
        {
            var sw = Stopwatch.StartNew();
            Directory.CreateDirectory(slack);
            ExportGenerator.Slack(slack, messages);
            ExportGenerator.PagerDuty(pagerduty + ".tmp", messages);
            File.Move(pagerduty + ".tmp", pagerduty);
            Console.WriteLine($"generated {messages:N0} Slack messages and {messages:N0} PagerDuty entries in {sw.Elapsed.TotalSeconds:F0} s");
        }

        var dayFiles = Directory.GetFiles(Path.Combine(slack, "incident-bench"), "*.json").Order(StringComparer.Ordinal).ToArray();
        var slackBytes = dayFiles.Sum(f => new FileInfo(f).Length);
        var pdBytes = new FileInfo(pagerduty).Length;
        Console.WriteLine($"exports: Slack {dayFiles.Length} day files, {slackBytes / 1e6:F0} MB; PagerDuty {pdBytes / 1e6:F0} MB");
        if (generateOnly)
        {
            return;
        }

        var from = ExportGenerator.Start + TimeSpan.FromDays(15) + TimeSpan.FromHours(12);
        var window = new ExportOptions { From = Instant.FromDateTimeOffset(from), To = Instant.FromDateTimeOffset(from.AddHours(2)), Classifier = Postmortem.Analysis.KindLexicon.Default };

        // Same files, same process: the bare pass first warms the page cache for both.
        var bareSlack = Median(3, () => Bare(dayFiles));
        var barePd = Median(3, () => Bare([pagerduty]));
        var pd = Median(3, () => Read(pagerduty, window), out var pdResult);
        var slackFull = Median(3, () => Read(slack, window with { PruneDayFiles = false }), out var slackResult);
        var slackPruned = Median(3, () => Read(slack, window), out _);
        Report("PagerDuty log", pdBytes, pd, barePd, pdResult);
        Report("Slack, every day file", slackBytes, slackFull, bareSlack, slackResult);
        Console.WriteLine($"Slack, day files pruned by the window: {slackPruned.TotalMilliseconds:F0} ms for the {slackBytes / 1e6:F0} MB export ({slackBytes / 1e6 / slackPruned.TotalSeconds:F0} MB/s of export)");

        if (aot is null)
        {
            Console.WriteLine("timeline (AOT): skipped (pass --aot PATH)");
            return;
        }

        var fromText = from.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var toText = from.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        foreach (var (name, exports, bytes, bare) in new[]
        {
            ("PagerDuty", new[] { pagerduty }, pdBytes, barePd),
            ("Slack", new[] { slack }, slackBytes, bareSlack),
            ("Slack + PagerDuty", new[] { slack, pagerduty }, slackBytes + pdBytes, bareSlack + barePd),
        })
        {
            var arguments = new List<string> { "timeline", "--from", fromText, "--to", toText, "--format", "json", "-o", "/dev/null" };
            foreach (var e in exports)
            {
                arguments.AddRange(["--export", e]);
            }

            var runs = new List<(TimeSpan Time, long Peak, int Exit)>();
            for (var i = 0; i < 3; i++)
            {
                runs.Add(Process(aot, arguments));
            }

            var median = runs.OrderBy(r => r.Time).ElementAt(1);
            Console.WriteLine($"timeline (AOT) {name}: {median.Time.TotalMilliseconds:F0} ms, {bytes / 1e6 / median.Time.TotalSeconds:F0} MB/s of export " +
                $"(bare pass over the same bytes {bytes / 1e6 / bare.TotalSeconds:F0} MB/s; ratio {bare.TotalSeconds / median.Time.TotalSeconds:F2}); " +
                $"peak RSS {runs.Max(r => r.Peak) / 1048576.0:F0} MB (target <= 256); exit {median.Exit}");
        }
    }

    private static void Report(string name, long bytes, TimeSpan time, TimeSpan bare, ExportResult result) =>
        Console.WriteLine($"{name}: {bytes / 1e6:F0} MB, {result.Records:N0} records, {result.Events.Count} events in the window: {time.TotalMilliseconds:F0} ms = {bytes / 1e6 / time.TotalSeconds:F0} MB/s; " +
            $"bare Utf8JsonReader pass {bytes / 1e6 / bare.TotalSeconds:F0} MB/s; ratio {bare.TotalSeconds / time.TotalSeconds:F2} (target >= 0.5)");

    private static ExportResult Read(string path, ExportOptions options) => ExportReader.ReadAsync(path, options).GetAwaiter().GetResult();

    /// <summary>A bare streaming pass: every token of every file, nothing else.</summary>
    private static long Bare(string[] files)
    {
        long tokens = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var state = default(JsonReaderState);
            int start = 0, end = 0;
            var final = false;
            while (!final)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
                var n = stream.Read(buffer, end, buffer.Length - end);
                final = n == 0;
                end += n;
                var reader = new Utf8JsonReader(buffer.AsSpan(0, end), final, state);
                while (reader.Read())
                {
                    tokens++;
                }

                state = reader.CurrentState;
                start = (int)reader.BytesConsumed;
            }
        }

        ArrayPool<byte>.Shared.Return(buffer);
        return tokens;
    }

    private static TimeSpan Median(int count, Func<long> action)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < count; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times.Add(sw.Elapsed);
        }

        return times.Order().ElementAt(count / 2);
    }

    private static TimeSpan Median(int count, Func<ExportResult> action, out ExportResult result)
    {
        var times = new List<TimeSpan>();
        result = null!;
        for (var i = 0; i < count; i++)
        {
            var sw = Stopwatch.StartNew();
            result = action();
            times.Add(sw.Elapsed);
            if (result.HasErrors)
            {
                throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
            }
        }

        return times.Order().ElementAt(count / 2);
    }

    /// <summary>Runs the CLI, sampling its peak resident set (VmHWM) from /proc every 5 ms.</summary>
    internal static (TimeSpan Time, long Peak, int Exit) Process(string binary, List<string> arguments)
    {
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        arguments.ForEach(info.ArgumentList.Add);
        var sw = Stopwatch.StartNew();
        using var p = System.Diagnostics.Process.Start(info)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        long peak = 0;
        while (!p.HasExited)
        {
            try
            {
                var line = File.ReadLines($"/proc/{p.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null)
                {
                    peak = Math.Max(peak, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024);
                }
            }
            catch (IOException)
            {
            }

            Thread.Sleep(5);
        }

        p.WaitForExit();
        var time = sw.Elapsed;
        if (p.ExitCode != 0)
        {
            Console.WriteLine(stderr.Result);
        }

        _ = stdout.Result;
        return (time, peak, p.ExitCode);
    }
}

/// <summary>Where the memory of a merged read goes, phase by phase (bench --exports-phases).</summary>
internal static class ExportPhases
{
    public static void Run(string root, int messages)
    {
        var folder = Path.Combine(root, "artifacts", "bench", $"exports-{messages}");
        var from = ExportGenerator.Start + TimeSpan.FromDays(15) + TimeSpan.FromHours(12);
        var document = new Postmortem.Model.PostmortemDocument
        {
            SourceFile = "bench", Type = Postmortem.Model.PostmortemType.Incident, Title = "bench", TimeZone = DateTimeZone.Utc,
            Sources = [new("slack", [], false, null, new Dictionary<string, string>(), 0, 0), new("pagerduty.json", [], false, null, new Dictionary<string, string>(), 0, 0)],
            Window = new Postmortem.Model.IncidentWindow(Instant.FromDateTimeOffset(from), Instant.FromDateTimeOffset(from.AddHours(2)), null),
        };
        void Show(string phase) => Console.WriteLine($"{phase}: working set {Environment.WorkingSet / 1048576} MB, GC heap {GC.GetTotalMemory(false) / 1048576} MB, allocated {GC.GetTotalAllocatedBytes() / 1048576} MB");
        Show("start");
        var (merged, _) = ExportAssembler.AttachAsync(document, folder, Postmortem.Analysis.KindLexicon.Default).GetAwaiter().GetResult();
        Show($"read {merged!.Events.Count} events");
        var enriched = Postmortem.Analysis.EventEnricher.Enrich(merged.Events, Postmortem.Analysis.KindLexicon.Default, []);
        Show("enriched");
        var (timeline, _) = Postmortem.Analysis.TimelineMerger.Merge(enriched, Postmortem.Analysis.TimelineMerger.DefaultTolerance, DateTimeZone.Utc);
        Show("merged");
        var keys = Postmortem.Analysis.KeyTimestampAnalyzer.Find(timeline);
        Show("keys");
        Postmortem.Analysis.KeyTimestampAnalyzer.Silences(timeline, keys, 15);
        Show("silences");
        var analyzed = Postmortem.Analysis.Analyzer.Analyze(merged, [], new Postmortem.Analysis.AnalysisOptions { TimelineOnly = true });
        Show($"analysed {analyzed.Timeline.Count} events, {analyzed.Timeline.Sum(e => e.AlsoSeenIn.Count)} merged in, largest {analyzed.Timeline.Max(e => e.AlsoSeenIn.Count)}, {analyzed.Silences.Count} silences, {analyzed.Diagnostics.Count} diagnostics");
        var text = Postmortem.Rendering.Json.JsonRenderer.RenderTimeline(analyzed);
        Show($"rendered {text.Length / 1048576} M chars");
    }
}
