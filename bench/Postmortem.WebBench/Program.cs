using System.Diagnostics;
using System.Globalization;
using Postmortem.WebBench;

// Issue 12: a bounded load test of the web app on loopback (see docs/benchmarks.md, "Web app under load").
// The built app runs as a separate process; 50 signed-in viewers send 20,000 requests in all, half to the
// postmortem page and half to /site.css, and the server's memory is sampled every second. Targets are reported,
// not asserted: the exit code is non-zero only when the setup fails.
var clients = Option("--clients", 50);
var requests = Option("--requests", 20_000);
var root = FindRoot();
var serverDll = Value("--server") ?? Path.Combine(root, "src", "Postmortem.Web", "bin",
#if DEBUG
    "Debug",
#else
    "Release",
#endif
    "net10.0", "Postmortem.Web.dll");
var example = Value("--example") ?? Path.Combine(root, "examples", "meridian", "incident.yml");
const string adminPassword = "bench-admin-password";

try
{
    if (!File.Exists(serverDll))
    {
        throw new InvalidOperationException($"no built web app at {serverDll} (build src/Postmortem.Web, or pass --server PATH)");
    }

    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average before: {LoadAverage()}");
    using var server = await ServerProcess.Start(serverDll, example, adminPassword, TimeSpan.FromSeconds(120), args.Contains("--full-gc"));
    Console.WriteLine($"server: dotnet {Path.GetFileName(serverDll)} (pid {server.Id}) on {server.Address}");
    await LoadRun.CreateViewer(server.Address, adminPassword);
    var workers = new List<HttpClient>();
    for (var w = 0; w < clients; w++)
    {
        var client = LoadRun.Client(server.Address);
        await LoadRun.SignIn(client, LoadRun.ViewerName, LoadRun.ViewerPassword);
        workers.Add(client);
    }

    var page = new Uri("/Postmortem?path=" + Uri.EscapeDataString("pm/" + Path.GetFileName(Path.GetDirectoryName(example)) + "/" + Path.GetFileName(example)), UriKind.Relative);
    var stylesheet = new Uri("/site.css", UriKind.Relative);
    var (status, html) = await Read(workers[0], page);
    if (status != 200 || !html.Contains("<svg", StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"the postmortem page {page} answered {status} without its timeline");
    }

    // Warm-up (not counted): tiered compilation and the first renders, from every client.
    await LoadRun.Run(workers, clients * 4, page, stylesheet);

    // Unloaded: one client, one request at a time (what each costs without queueing behind the others).
    var (alonePage, aloneStatic) = await LoadRun.Run([workers[0]], 400, page, stylesheet);

    var rss = new List<double>();
    using var stop = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            rss.Add(server.ResidentBytes());
            try
            {
                await Task.Delay(1000, stop.Token);
            }
            catch (TaskCanceledException)
            {
                break;
            }
        }
    });
    var from = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    var clock = Stopwatch.StartNew();
    var (pageLatency, staticLatency) = await LoadRun.Run(workers, requests, page, stylesheet);
    clock.Stop();
    var to = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    rss.Add(server.ResidentBytes());
    await stop.CancelAsync();
    await sampler;
    await Task.Delay(1100);
    var gc = server.GcSamples(from, to + 1000);
    foreach (var w in workers)
    {
        w.Dispose();
    }

    Console.WriteLine($"load: {clients} clients, {requests} requests in {clock.Elapsed.TotalSeconds:F1} s = {requests / clock.Elapsed.TotalSeconds:F0} req/s; load average after: {LoadAverage()}");
    Console.WriteLine();
    Console.WriteLine("| requests | count | errors | p50 ms | p99 ms | max ms |");
    Console.WriteLine("|---|---|---|---|---|---|");
    foreach (var l in new[] { pageLatency, staticLatency })
    {
        Console.WriteLine(FormattableString.Invariant($"| {l.Name} | {l.Count} | {l.Errors} | {l.P50:F1} | {l.P99:F1} | {l.Max:F1} |"));
    }

    Console.WriteLine();
    Console.WriteLine("one client alone, before the load (not counted above):");
    Console.WriteLine(FormattableString.Invariant($"  postmortem page p50 {alonePage.P50:F1} ms, p99 {alonePage.P99:F1} ms; /site.css p50 {aloneStatic.P50:F1} ms, p99 {aloneStatic.P99:F1} ms; errors {alonePage.Errors + aloneStatic.Errors}"));
    Console.WriteLine();
    var ratio = pageLatency.P99 / staticLatency.P99;
    var errors = pageLatency.Errors + staticLatency.Errors;
    Console.WriteLine(FormattableString.Invariant($"target: page p99 within 10x of the static p99: {ratio:F2}x ({(ratio <= 10 ? "met" : "NOT met")})"));
    Console.WriteLine($"target: no errors (any status but 200): {errors} ({(errors == 0 ? "met" : "NOT met")})");
    Memory("working set (VmRSS)", rss);
    Memory("GC heap at last collection", gc.Select(s => (double)s.HeapAtLastGc).ToList());
    Memory("GC total memory (incl. gen0 since)", gc.Select(s => (double)s.TotalMemory).ToList());
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
{
    Console.Error.WriteLine("setup failed: " + e.Message);
    return 1;
}

static void Memory(string what, IReadOnlyList<double> samples)
{
    if (samples.Count < 4)
    {
        Console.WriteLine($"memory: {what}: only {samples.Count} samples");
        return;
    }

    var (first, last) = LoadSummary.QuarterMedians(samples);
    var change = (last - first) / first * 100;
    Console.WriteLine(FormattableString.Invariant(
        $"memory: {what}, {samples.Count} samples: first-quarter median {first / 1048576:F1} MB, last-quarter median {last / 1048576:F1} MB ({change:+0.0;-0.0}%; target within +20%: {(change <= 20 ? "met" : "NOT met")})"));
}

static async Task<(int Status, string Body)> Read(HttpClient client, Uri path)
{
    using var response = await client.GetAsync(path);
    return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

int Option(string name, int fallback) => int.TryParse(Value(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;

string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

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
