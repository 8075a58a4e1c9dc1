using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Bench;

/// <summary>
/// Issue 9, "Scale of valid input": each large valid input through the CLI as a child process, with its
/// wall time and peak resident set (VmHWM), against the same input's bare read in the same run; then
/// where the memory of a long notes timeline goes, phase by phase (bench --scale).
/// </summary>
internal static class ScaleBench
{
    private const long GiB = 1024L * 1024 * 1024;

    public static void Run(string root, string? aot, double size, IReadOnlyCollection<string> only)
    {
        bool Wanted(string key) => only.Count == 0 || only.Contains(key);
        var folder = Path.Combine(root, "artifacts", "bench", "scale-" + size.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var (cli, prefix) = aot is not null ? (aot, new List<string>()) : ("dotnet", new List<string> { Path.Combine(root, "src", "Postmortem.Cli", "bin", "Release", "net10.0", "postmortem.dll") });
        Console.WriteLine($"scale inputs at {size:P0} of the issue's sizes, CLI: {(aot ?? prefix[0])}");
        var version = Child(cli, prefix, ["--version"]);
        Console.WriteLine($"baseline: --version peak {Mb(version.Peak)} MB, {version.Time.TotalMilliseconds:F0} ms");

        var lines = (int)(1_000_000 * size);
        var notes = Make(folder, $"notes-{lines}.md", path => Notes(path, lines));
        if (Wanted("notes"))
        {
            Case(cli, prefix, $"timeline, {lines:N0} note lines, --format json", notes, ["timeline", notes, "--format", "json", "-o", "/dev/null"], lines >= 1_000_000 ? 512 : 1024);
            Case(cli, prefix, $"timeline, {lines:N0} note lines, Markdown", notes, ["timeline", notes, "-o", "/dev/null"], 1024);
        }

        var blockMb = (int)(50 * size);
        if (Wanted("block"))
        {
            var block = Make(folder, $"notes-block-{blockMb}mb.yml", path => NotesBlock(path, blockMb));
            Case(cli, prefix, $"draft, {blockMb} MB notes block", block, ["draft", block, "-o", "/dev/null"], 1024);
        }

        var lineMb = (int)(20 * size);
        if (Wanted("lint"))
        {
            var line = Make(folder, $"line-{lineMb}mb.md", path => LongLine(path, lineMb));
            Case(cli, prefix, $"lint, one {lineMb} MB line", line, ["lint", line, "-o", "/dev/null"], 1024);
            Case(cli, prefix, $"lint --fix --dry-run, one {lineMb} MB line", line, ["lint", line, "--fix", "--dry-run"], 1024);
        }

        var levels = (int)(3000 * size);
        if (Wanted("check"))
        {
            var nested = Make(folder, $"nested-{levels}.md", path => Nested(path, levels));
            Case(cli, prefix, $"check, {levels:N0}-level nested list", nested, ["check", nested, "-o", "/dev/null"], 1024);
        }

        var messageMb = (int)(120 * size);
        if (Wanted("message"))
        {
            var plain = Path.Combine(folder, $"big-message-{messageMb}mb");
            var zip = Make(folder, $"big-message-{messageMb}mb.zip", path => BigMessage(plain, path, messageMb));
            var fromPlain = Case(cli, prefix, $"timeline, one {messageMb} MB message, plain folder", Path.Combine(plain, "incident", "2024-03-12.json"), ["timeline", "--export", plain, "--all", "-o", "/dev/null"], 1024);
            var fromZip = Case(cli, prefix, $"timeline, one {messageMb} MB message, zip", zip, ["timeline", "--export", zip, "--all", "-o", "/dev/null"], 1024);
            Console.WriteLine($"  zip against plain: ratio {fromZip.TotalSeconds / fromPlain.TotalSeconds:F2} (target <= 2)");
        }

        var keptMessages = (int)(2_000_000 * size);
        if (Wanted("kept"))
        {
            var kept = Make(folder, $"kept-{keptMessages}.zip", path => KeptChat(path, keptMessages));
            Case(cli, prefix, $"timeline, zip of {keptMessages:N0} kept messages ({new FileInfo(kept).Length / 1e6:F1} MB zip)", kept, ["timeline", "--export", kept, "-o", "/dev/null"], 1024);
        }

        if (Wanted("phases"))
        {
            NotesPhases(notes);
        }
    }

    /// <summary>
    /// The baseline of every case, run as a child process like the CLI: read the input once and nothing else — a text
    /// file decoded into one string (what every command does first), a zip's entries decompressed to the end.
    /// </summary>
    public static void BareRead(string path)
    {
        long size = 0;
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            using var archive = ZipFile.OpenRead(path);
            var buffer = new byte[1 << 20];
            foreach (var entry in archive.Entries)
            {
                using var stream = entry.Open();
                for (int n; (n = stream.Read(buffer)) > 0;)
                {
                    size += n;
                }
            }
        }
        else
        {
            var text = File.ReadAllText(path);
            size = text.AsSpan().Count('\n');
        }

        Console.WriteLine(size);
    }

    /// <summary>Where the time of <c>check</c> on a deeply nested list goes, in this process (bench --nesting LEVELS).</summary>
    public static void Nesting(string root, int levels)
    {
        var path = Make(Path.Combine(root, "artifacts", "bench"), $"nested-{levels}.md", p => Nested(p, levels));
        var text = File.ReadAllText(path);
        void Time(string what, Action action)
        {
            var sw = Stopwatch.StartNew();
            try
            {
                action();
                Console.WriteLine($"nesting {levels}: {what}: {sw.Elapsed.TotalSeconds:F2} s");
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                Console.WriteLine($"nesting {levels}: {what}: {sw.Elapsed.TotalSeconds:F2} s, then {e.GetType().Name}");
            }
        }

        Time("Markdig block pass (MarkdownProse.ParseBlocks)", () => Postmortem.Ingest.Prose.MarkdownProse.ParseBlocks(text));
        Time("prose reading (MarkdownProse.Read)", () => Postmortem.Ingest.Prose.MarkdownProse.Read(text));
        Time("lint (Linter.LintFile)", () => Postmortem.Analysis.Lint.Linter.LintFile("n.md", text, new Postmortem.Analysis.Lint.LintOptions()));
        Time("Markdig full parse (Markdown.Parse)", () => Markdig.Markdown.Parse(text));
    }

    /// <summary>
    /// Issue 8, item 5, at 200k messages: a two-hour window across a day-file boundary returns every message the
    /// channel has in it, counted independently with <see cref="JsonDocument"/> (<see cref="SlackCount"/>).
    /// </summary>
    public static void SlackWindow(string root, int messages)
    {
        var folder = Path.Combine(root, "artifacts", "bench", $"slack-window-{messages}");
        if (!File.Exists(Path.Combine(folder, "users.json")))
        {
            ExportGenerator.Slack(folder, messages);
        }

        // The generator's day files split at local midnight, UTC-8: 08:00 UTC, inside this window.
        var from = ExportGenerator.Start + TimeSpan.FromDays(15) + TimeSpan.FromHours(7);
        var to = from.AddHours(2);
        var sw = Stopwatch.StartNew();
        var (inWindow, joins) = SlackCount.InWindow(Path.Combine(folder, "incident-bench"), from, to);
        var counted = sw.Elapsed;
        sw.Restart();
        var document = new Postmortem.Model.PostmortemDocument
        {
            SourceFile = "bench", Type = Postmortem.Model.PostmortemType.Incident, Title = "bench", TimeZone = DateTimeZone.Utc,
            Sources = [new(folder, [], true, null, new Dictionary<string, string>(), 0, 0)],
            Window = new Postmortem.Model.IncidentWindow(Instant.FromDateTimeOffset(from), Instant.FromDateTimeOffset(to), null),
        };
        var (read, diagnostics) = Postmortem.Ingest.Exports.ExportAssembler.AttachAsync(document, ".", Postmortem.Analysis.KindLexicon.Default).GetAwaiter().GetResult();
        var analyzed = Postmortem.Analysis.Analyzer.Analyze(read!, diagnostics, new Postmortem.Analysis.AnalysisOptions { TimelineOnly = true });
        var rows = analyzed.Timeline.Count;
        var merged = analyzed.Timeline.Sum(e => e.AlsoSeenIn.Count);
        var conflicts = analyzed.Diagnostics.Count(d => d.Code == "PM0407");
        Console.WriteLine($"slack window, {messages:N0} messages, {from:yyyy-MM-dd HH:mm}–{to:HH:mm} UTC (--all): {rows:N0} rows in {sw.Elapsed.TotalMilliseconds:F0} ms; " +
            $"JsonDocument count {inWindow:N0} messages of which {joins} joins, so {inWindow - joins:N0} expected ({counted.TotalMilliseconds:F0} ms); " +
            $"merged away {merged}, PM0407 {conflicts}: {(rows == inWindow - joins && merged == 0 && conflicts == 0 ? "every message returned" : "MISMATCH")}");
    }

    /// <summary>
    /// One CLI run: time and peak (VmHWM) against the bare read of the same input (<see cref="BareRead"/>), a child
    /// process of this same run, so each target is a ratio measured on one machine state.
    /// </summary>
    private static TimeSpan Case(string cli, List<string> prefix, string name, string input, List<string> arguments, int targetMb)
    {
        var (self, selfPrefix) = Self();
        var bare = Child(self, selfPrefix, ["--bare-read", input]);
        var run = Child(cli, prefix, arguments);
        Console.WriteLine($"{name}: {run.Time.TotalSeconds:F2} s, peak {Mb(run.Peak)} MB (target <= {targetMb} MB{(run.Peak <= targetMb * 1048576L ? ", met" : ", NOT MET")}), exit {run.Exit}; " +
            $"bare read of the {Length(input) / 1e6:F1} MB input {bare.Time.TotalSeconds:F2} s, peak {Mb(bare.Peak)} MB: " +
            $"peak ratio {(double)run.Peak / Math.Max(bare.Peak, 1):F2} (target {targetMb * 1048576.0 / Math.Max(bare.Peak, 1):F2}), time ratio {run.Time.TotalSeconds / bare.Time.TotalSeconds:F1}");
        return run.Time;
    }

    // The size of the file a path names, through any symbolic link (FileInfo gives the link's own size).
    private static long Length(string path)
    {
        using var handle = File.OpenHandle(path);
        return RandomAccess.GetLength(handle);
    }

    // This bench as a child process: its own executable when published, else the runtime host with its assembly.
    private static (string Binary, List<string> Prefix) Self()
    {
        var assembly = typeof(ScaleBench).Assembly.Location;
        return assembly.Length == 0 ? (Environment.ProcessPath!, []) : (Environment.ProcessPath!, [assembly]);
    }

    private static (TimeSpan Time, long Peak, int Exit) Child(string cli, List<string> prefix, List<string> arguments) =>
        ExportBench.Process(cli, [.. prefix, .. arguments]);

    /// <summary>Where the memory of a long notes timeline goes: live heap after each phase, in this process.</summary>
    public static void NotesPhases(string path)
    {
        void Show(string phase) => Console.WriteLine($"  phases: {phase}: live heap {GC.GetTotalMemory(Environment.GetEnvironmentVariable("BENCH_NO_COLLECT") is null) / 1048576} MB, allocated so far {GC.GetTotalAllocatedBytes() / 1048576} MB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576} MB");
        Show("start");
        var lines = Postmortem.Ingest.TextFile.ReadLines(path).Lines!; // As the facade reads a notes file (issue 9).
        Show($"lines read ({lines.Count:N0})");
        var extracted = NotesExtractor.Extract(lines, new NotesOptions { File = path, DefaultZone = DateTimeZone.Utc, AnchorDate = new LocalDate(2024, 3, 12) });
        Show($"extracted {extracted.Events.Count:N0} events");
        var document = new Postmortem.Model.PostmortemDocument { SourceFile = path, Type = Postmortem.Model.PostmortemType.Incident, Title = "t", TimeZone = DateTimeZone.Utc, Events = extracted.Events };
        var analyzed = Postmortem.Analysis.Analyzer.Analyze(document, extracted.Diagnostics, new Postmortem.Analysis.AnalysisOptions { TimelineOnly = true });
        Show($"analysed {analyzed.Timeline.Count:N0} rows");
        Postmortem.Rendering.Json.JsonRenderer.WriteTimeline(analyzed, Stream.Null);
        Show("JSON written to a null stream");
        GC.KeepAlive(analyzed);
    }

    private static double Mb(long bytes) => Math.Round(bytes / 1048576.0);

    private static string Make(string folder, string name, Action<string> write)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            write(path + ".tmp");
            File.Move(path + ".tmp", path);
        }

        return path;
    }

    private static void Notes(string path, int lines)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        var start = new DateTime(2024, 3, 12, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < lines; i++)
        {
            w.Write(start.AddSeconds(i * 2L).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            w.Write(" UTC checkout errors observed on host web-");
            w.Write(i % 40);
            w.Write(", rolled back deploy ");
            w.Write(i);
            w.Write('\n');
        }
    }

    private static void NotesBlock(string path, int megabytes)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.Write("title: Scale\ndate: 2024-03-12\ntimeZone: UTC\nnotes: |\n");
        var start = new DateTime(2024, 3, 12, 0, 0, 0, DateTimeKind.Utc);
        long written = 0;
        for (var i = 0; written < megabytes * 1_000_000L; i++)
        {
            var line = $"  {start.AddSeconds(i * 2L).ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC checkout errors observed on host web-{i % 40}, rolled back deploy {i}\n";
            w.Write(line);
            written += line.Length;
        }
    }

    private static void LongLine(string path, int megabytes)
    {
        string[] words = "the deploy went out and we should have caught this earlier but human error by @sam meant the checkout failed to recover obviously".Split(' ');
        var random = new Random(1);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.Write("# Incident\n\n");
        long written = 0;
        while (written < megabytes * 1_000_000L)
        {
            var word = words[random.Next(words.Length)];
            w.Write(word);
            w.Write(' ');
            written += word.Length + 1;
        }

        w.Write('\n');
    }

    private static void Nested(string path, int levels)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.Write("## Postmortem: nested\n\n");
        for (var d = 0; d < levels; d++)
        {
            w.Write(new string(' ', d * 2));
            w.Write("- item at level ");
            w.Write(d);
            w.Write(" with a few words of text\n");
        }
    }

    /// <summary>A Slack export (folder and zip) whose one day file holds a single message of <paramref name="megabytes"/>.</summary>
    private static void BigMessage(string plain, string zip, int megabytes)
    {
        var channel = Path.Combine(plain, "incident");
        Directory.CreateDirectory(channel);
        File.WriteAllText(Path.Combine(plain, "channels.json"), "[{\"id\":\"C1\",\"name\":\"incident\"}]");
        using (var w = new StreamWriter(Path.Combine(channel, "2024-03-12.json"), false, new UTF8Encoding(false), 1 << 20))
        {
            w.Write("[{\"type\":\"message\",\"ts\":\"1710252000.000100\",\"user\":\"U1\",\"text\":\"rolled back ");
            var random = new Random(3);
            var chunk = new char[1 << 16];
            for (long written = 0; written < megabytes * 1_000_000L; written += chunk.Length)
            {
                for (var i = 0; i < chunk.Length; i++)
                {
                    chunk[i] = (char)('a' + random.Next(26));
                }

                w.Write(chunk);
            }

            w.Write("\"}]");
        }

        ZipFile.CreateFromDirectory(plain, zip, CompressionLevel.Fastest, includeBaseDirectory: false);
    }

    /// <summary>A Slack zip of <paramref name="messages"/> messages the curation keeps (each names a rollback), in one day file.</summary>
    private static void KeptChat(string zip, int messages)
    {
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
        using (var channels = new StreamWriter(archive.CreateEntry("channels.json").Open()))
        {
            channels.Write("[{\"id\":\"C1\",\"name\":\"incident\"}]");
        }

        using var w = new StreamWriter(archive.CreateEntry("incident/2024-03-12.json", CompressionLevel.Optimal).Open(), new UTF8Encoding(false), 1 << 20);
        w.Write('[');
        for (var i = 0; i < messages; i++)
        {
            w.Write(i == 0 ? "{" : ",{");
            w.Write(FormattableString.Invariant($"\"type\":\"message\",\"ts\":\"{1710201600 + i / 100}.{i % 100:D6}\",\"user\":\"U1\",\"text\":\"rolled back the deploy on host web-{i % 40}\"}}"));
        }

        w.Write(']');
    }
}
