using System.Globalization;

/// <summary>
/// Loaded into the web server's process by <c>DOTNET_STARTUP_HOOKS</c> (this assembly): appends, every second, the
/// time (Unix milliseconds) and the GC heap size at the last collection to the file named by
/// <c>POSTMORTEM_BENCH_GC_FILE</c> (after a full blocking collection when <c>POSTMORTEM_BENCH_GC_FULL</c> is 1). The runtime looks for a class of this name in no namespace.
/// </summary>
#pragma warning disable CA1050 // the runtime requires the global namespace
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize()
    {
        var file = Environment.GetEnvironmentVariable("POSTMORTEM_BENCH_GC_FILE");
        if (string.IsNullOrEmpty(file))
        {
            return;
        }

        var full = Environment.GetEnvironmentVariable("POSTMORTEM_BENCH_GC_FULL") == "1";
        var thread = new Thread(() =>
        {
            using var writer = new StreamWriter(file, append: true) { AutoFlush = true };
            while (true)
            {
                if (full)
                {
                    // --full-gc: what is still reachable, without the garbage server GC has not collected yet.
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                }

                var info = GC.GetGCMemoryInfo();
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} {info.HeapSizeBytes} {GC.GetTotalMemory(false)}"));
                Thread.Sleep(1000);
            }
        }) { IsBackground = true, Name = "bench GC sampler" };
        thread.Start();
    }
}
