using System.Diagnostics;
using System.Text;
using NodaTime;
using Postmortem.Bench;
using Postmortem.Ingest.Notes;

// Benchmarks for issue targets; see docs/benchmarks.md for how to run and the recorded figures.
// Every figure is measured against a baseline run in the same process.
var aot = args.SkipWhile(a => a != "--aot").Skip(1).FirstOrDefault();
var runs = int.TryParse(args.SkipWhile(a => a != "--runs").Skip(1).FirstOrDefault(), out var r) ? r : 25;
var root = FindRoot();

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

// 4. Export throughput and memory: synthetic Slack export and PagerDuty log, two-hour window.
if (args.Contains("--exports-phases"))
{
    ExportPhases.Run(root, 1_000_000);
    return;
}

// Issue 10: the store (index, re-index, stats, actions --overdue) against reading the files, SQLite and PostgreSQL.
if (args.Contains("--store") || args.Contains("--store-queries"))
{
    StoreBench.Run(
        root,
        int.TryParse(args.SkipWhile(a => a != "--files").Skip(1).FirstOrDefault(), out var files) ? files : 2_000,
        int.TryParse(args.SkipWhile(a => a != "--rounds").Skip(1).FirstOrDefault(), out var rounds) ? rounds : 2,
        Environment.GetEnvironmentVariable("POSTMORTEM_BENCH_POSTGRES"),
        args.Contains("--store-queries"));
    return;
}

// Issue 10: a re-index where nothing changed, repeated on a kept store (where the time goes).
if (args.Contains("--reindex-probe"))
{
    ReindexProbe.Run(args.SkipWhile(a => a != "--reindex-probe").Skip(1).First(), Environment.GetEnvironmentVariable("POSTMORTEM_BENCH_POSTGRES"));
    return;
}

// Issue 10: stats from a store in a process of its own (run by --store for its peak memory).
if (args.Contains("--store-stats"))
{
    var at = Array.IndexOf(args, "--store-stats");
    StoreBench.StatsChild(args[at + 1], args[at + 2]);
    return;
}

// Issue 10: actions --overdue from a kept store, timed in this process (median of 5 after one warm-up).
if (args.Contains("--store-overdue"))
{
    var at = Array.IndexOf(args, "--store-overdue");
    StoreBench.OverdueChild(args[at + 1], args[at + 2]);
    return;
}

// Issue 10: grouping the contributing factors of a large index (stats' recurring factors).
if (args.Contains("--lexicon-worst"))
{
    LexiconBench.Run();
    return;
}

if (args.Contains("--factors"))
{
    FactorBench.Run(root, int.TryParse(args.SkipWhile(a => a != "--factors").Skip(1).FirstOrDefault(), out var n) ? n : 100_000, args.Contains("--boilerplate"));
    return;
}

// Issue 9: the baseline of each scale case, run as a child process by --scale.
if (args.Contains("--bare-read"))
{
    ScaleBench.BareRead(args.SkipWhile(a => a != "--bare-read").Skip(1).First());
    return;
}

// Issue 9: where the memory of a long notes timeline goes, phase by phase, on a given notes file.
if (args.Contains("--notes-phases"))
{
    ScaleBench.NotesPhases(args.SkipWhile(a => a != "--notes-phases").Skip(1).First());
    return;
}

// Issue 9: where the time of check on a deeply nested list goes.
if (args.Contains("--nesting"))
{
    ScaleBench.Nesting(root, int.TryParse(args.SkipWhile(a => a != "--nesting").Skip(1).FirstOrDefault(), out var levels) ? levels : 1000);
    return;
}

// Issue 8, item 5: a window over a 200k-message Slack export returns every message (an independent count).
if (args.Contains("--slack-window"))
{
    ScaleBench.SlackWindow(root, 200_000);
    return;
}

// 5. Scale of valid input (issue 9): every command's time and peak memory on large valid inputs.
if (args.Contains("--scale"))
{
    var size = double.TryParse(args.SkipWhile(a => a != "--size").Skip(1).FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var z) ? z : 1.0;
    var only = (args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
    if (only.Length == 0 || only.Contains("window"))
    {
        ScaleBench.SlackWindow(root, 200_000);
    }

    ScaleBench.Run(root, aot, size, only);
    return;
}

if (args.Contains("--exports"))
{
    var count = int.TryParse(args.SkipWhile(a => a != "--messages").Skip(1).FirstOrDefault(), out var m) ? m : 1_000_000;
    ExportBench.Run(root, count, aot, args.Contains("--generate-only"));
    return;
}

// Issue 8: extraction counted in instructions, for bench/instructions.sh (callgrind turns counting on and off around the
// two counted extractions; a time on a shared VM moves by 30 %, an instruction count by well under 1 %).
if (args.Contains("--count-extraction"))
{
    CountedExtraction.Run();
    return;
}

// 1. Extraction throughput on a generated 10 MB notes file.
if (!args.Contains("--lint-only"))
{
var notes = NotesGenerator.Generate(10 * 1024 * 1024);
var megabytes = Encoding.UTF8.GetByteCount(notes) / (1024.0 * 1024.0);
var options = new NotesOptions { File = "bench.md", AnchorDate = new LocalDate(2023, 11, 1), DefaultZone = DateTimeZoneProviders.Tzdb["America/New_York"] };
// Warm-up: let tiered compilation reach optimised code before timing (the AOT CLI is optimised from the start).
for (var i = 0; i < 3; i++)
{
    NotesExtractor.Extract(notes, options);
}

var extract = Median(7, () => NotesExtractor.Extract(notes, options).Events.Count, out var events);
// Baseline: a bare pass that splits the same text into lines and finds every colon.
var baseline = Median(7, () => notes.Split('\n').Sum(line => line.AsSpan().Count(':')), out _);
Console.WriteLine($"extract: {megabytes:F1} MB, {events} events, median {extract.TotalMilliseconds:F0} ms = {megabytes / extract.TotalSeconds:F1} MB/s " +
    $"(target >= 20 MB/s); baseline line split {megabytes / baseline.TotalSeconds:F0} MB/s; ratio {baseline.TotalSeconds / extract.TotalSeconds:F3}");

if (args.Contains("--parts"))
{
    var before = GC.GetAllocatedBytesForCurrentThread();
    var gcs = GC.CollectionCount(0);
    var g2 = GC.CollectionCount(2);
    NotesExtractor.Extract(notes, options);
    Console.WriteLine($"parts: allocated {(GC.GetAllocatedBytesForCurrentThread() - before) / 1048576.0:F0} MB, gen0 {GC.CollectionCount(0) - gcs}, gen2 {GC.CollectionCount(2) - g2}");
    for (var kind = 0; kind < 8; kind++)
    {
        var only = NotesGenerator.Generate(2 * 1024 * 1024, 7, kind);
        var t = Median(3, () => NotesExtractor.Extract(only, options).Events.Count, out var n);
        var a0 = GC.GetAllocatedBytesForCurrentThread();
        NotesExtractor.Extract(only, options);
        Console.WriteLine($"parts: kind {kind}: {2 / t.TotalSeconds:F1} MB/s ({n} events), {(GC.GetAllocatedBytesForCurrentThread() - a0) / Math.Max(1, n)} bytes/event");
    }

    var whole = Median(3, () => TimeScanner.FindAll(notes).Count, out var all);
    Console.WriteLine($"parts: TimeScanner over the whole text {megabytes / whole.TotalSeconds:F1} MB/s ({all} times)");
    var lines = notes.Split('\n');
    var scan = Median(3, () => lines.Sum(l => TimeScanner.FindAll(l).Count), out var found);
    Console.WriteLine($"parts: TimeScanner over lines {megabytes / scan.TotalSeconds:F1} MB/s ({found} times)");
    var dateOnly = Median(3, () => lines.Count(TimeScanner.IsDateOnlyLine), out _);
    Console.WriteLine($"parts: IsDateOnlyLine {megabytes / dateOnly.TotalSeconds:F1} MB/s");
}

}

// 3. Lint throughput on a generated 50 MB Markdown corpus, against Markdig parsing the same text.
if (args.Contains("--lint") || args.Contains("--all"))
{
    var corpus = MarkdownGenerator.Generate((args.Contains("--small") ? 5 : 50) * 1024 * 1024);
    var corpusMb = Encoding.UTF8.GetByteCount(corpus) / (1024.0 * 1024.0);
    var lintOptions = new Postmortem.Analysis.Lint.LintOptions
    {
        Roster = [new Postmortem.Model.TeamMember("Priya", "Senior engineer", ["@priya"]), new Postmortem.Model.TeamMember("Sam", "On-call engineer", ["@sam"])],
    };
    Postmortem.Analysis.Lint.Linter.LintFile("warm.md", corpus[..200_000], lintOptions);
    var lint = Median(3, () => Postmortem.Analysis.Lint.Linter.LintFile("bench.md", corpus, lintOptions).Count, out var findings);
    var allocatedBefore = GC.GetTotalAllocatedBytes(true);
    Postmortem.Analysis.Lint.Linter.LintFile("bench.md", corpus, lintOptions);
    var lintAllocated = (GC.GetTotalAllocatedBytes(true) - allocatedBefore) / 1048576.0;
    allocatedBefore = GC.GetTotalAllocatedBytes(true);
    Postmortem.Ingest.Prose.MarkdownProse.Read(corpus);
    var proseAllocated = (GC.GetTotalAllocatedBytes(true) - allocatedBefore) / 1048576.0;
    allocatedBefore = GC.GetTotalAllocatedBytes(true);
    Postmortem.Ingest.Prose.MarkdownProse.ParseBlocks(corpus);
    Console.WriteLine($"lint allocates {lintAllocated:F0} MB per run; reading prose {proseAllocated:F0} MB, of which Markdig's block pass {(GC.GetTotalAllocatedBytes(true) - allocatedBefore) / 1048576.0:F0} MB");
    var parse = Median(3, () => Markdig.Markdown.Parse(corpus).Count, out _);
    Console.WriteLine($"lint: {corpusMb:F1} MB, {findings} findings, median {lint.TotalMilliseconds:F0} ms = {corpusMb / lint.TotalSeconds:F1} MB/s " +
        $"(target >= 25 MB/s); baseline Markdig parse alone {corpusMb / parse.TotalSeconds:F1} MB/s; ratio {parse.TotalSeconds / lint.TotalSeconds:F2}");
}

// 2. Draft latency of the NativeAOT binary against the same binary printing --version.
if (aot is not null)
{
    var example = Path.Combine(root, "examples", "meridian", "incident.yml");
    var version = Median(runs, () => Run(aot, "--version"), out _);
    var draft = Median(runs, () => Run(aot, "draft", example), out _);
    Console.WriteLine($"draft (AOT, {runs} runs): median {draft.TotalMilliseconds:F1} ms (target <= 30 ms); --version baseline {version.TotalMilliseconds:F1} ms; " +
        $"draft minus baseline {(draft - version).TotalMilliseconds:F1} ms; ratio {draft.TotalSeconds / version.TotalSeconds:F2}");
}
else
{
    Console.WriteLine("draft: skipped (pass --aot PATH to the published NativeAOT binary)");
}

static TimeSpan Median(int count, Func<int> action, out int result)
{
    var times = new List<TimeSpan>();
    result = 0;
    for (var i = 0; i < count; i++)
    {
        var sw = Stopwatch.StartNew();
        result = action();
        times.Add(sw.Elapsed);
    }

    times.Sort();
    return times[times.Count / 2];
}

static int Run(string binary, params string[] arguments)
{
    var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var a in arguments)
    {
        info.ArgumentList.Add(a);
    }

    using var p = Process.Start(info)!;
    p.StandardOutput.ReadToEnd();
    p.StandardError.ReadToEnd();
    p.WaitForExit();
    return p.ExitCode;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Postmortem.slnx")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
