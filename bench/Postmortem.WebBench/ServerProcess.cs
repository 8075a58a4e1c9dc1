using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Postmortem.WebBench;

/// <summary>
/// The built web app (<c>dotnet Postmortem.Web.dll</c>) in a process of its own on a free loopback port, over a
/// folder with one example indexed at startup; its memory is read from /proc and from a startup hook in it.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process process;

    private ServerProcess(Process process, Uri address, string folder, string gcFile)
    {
        this.process = process;
        Address = address;
        Folder = folder;
        GcFile = gcFile;
    }

    public Uri Address { get; }

    public string Folder { get; }

    /// <summary>Where the startup hook appends "unix-ms heap-size-at-last-GC total-memory" once a second.</summary>
    public string GcFile { get; }

    public int Id => process.Id;

    /// <summary>
    /// Starts <paramref name="serverDll"/> with <paramref name="example"/> copied under pm/ and waits for /site.css;
    /// <paramref name="fullGc"/>: the hook forces a full collection before each sample.
    /// </summary>
    public static async Task<ServerProcess> Start(string serverDll, string example, string adminPassword, TimeSpan timeout, bool fullGc)
    {
        var folder = Directory.CreateTempSubdirectory("postmortem-webbench-").FullName;
        var target = Path.Combine(folder, "pm", Path.GetFileName(Path.GetDirectoryName(example))!);
        Directory.CreateDirectory(target);
        File.Copy(example, Path.Combine(target, Path.GetFileName(example)));
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var gcFile = Path.Combine(folder, "gc.txt");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { serverDll, "--urls", address.ToString().TrimEnd('/'), "--store", "sqlite:" + Path.Combine(folder, "index.db"), "--base", folder, "--index", "pm" })
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["Postmortem__AdminPassword"] = adminPassword;
        info.Environment["Postmortem__SignInPermitsPerMinute"] = "1000";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["DOTNET_STARTUP_HOOKS"] = typeof(ServerProcess).Assembly.Location;
        info.Environment["POSTMORTEM_BENCH_GC_FILE"] = gcFile;
        info.Environment["POSTMORTEM_BENCH_GC_FULL"] = fullGc ? "1" : "0";
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, address, folder, gcFile);
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                if ((await probe.GetAsync(new Uri("/site.css", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        server.Dispose();
        lock (output)
        {
            throw new InvalidOperationException($"the web app did not answer /site.css within {timeout.TotalSeconds:F0} s:\n{output}");
        }
    }

    /// <summary>The process's resident set (VmRSS), in bytes; 0 when /proc is not there.</summary>
    public long ResidentBytes()
    {
        var status = $"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>The GC samples the hook wrote between <paramref name="from"/> and <paramref name="to"/> (Unix ms).</summary>
    public IReadOnlyList<(long HeapAtLastGc, long TotalMemory)> GcSamples(long from, long to)
    {
        if (!File.Exists(GcFile))
        {
            return [];
        }

        using var stream = new FileStream(GcFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var samples = new List<(long, long)>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ');
            if (parts.Length == 3 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var at) && at >= from && at <= to)
            {
                samples.Add((long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture)));
            }
        }

        return samples;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // the temp folder is the system's to clean
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
