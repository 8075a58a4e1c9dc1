using Postmortem.Fuzz;
using SharpFuzz;

// postmortem-fuzz TARGET                 under afl-fuzz (SharpFuzz reads each input from AFL's shared memory)
// postmortem-fuzz TARGET --each PATH...  every file (or every file of every folder) once, without AFL; exit 1 on a crash
// postmortem-fuzz TARGET --seeds ROOT OUT  write the target's seed corpus from the repository at ROOT into OUT
// postmortem-fuzz --list                 the targets
if (args.Length == 0 || args[0] == "--list")
{
    Console.WriteLine(string.Join('\n', FuzzTargets.Seeds.Keys));
    return args.Length == 0 ? 2 : 0;
}

var target = args[0];
if (!FuzzTargets.Seeds.ContainsKey(target))
{
    Console.Error.WriteLine($"unknown target '{target}'; targets: {string.Join(", ", FuzzTargets.Seeds.Keys)}");
    return 2;
}

if (args.Length == 4 && args[1] == "--seeds")
{
    Console.WriteLine($"{target}: {FuzzTargets.WriteSeeds(target, args[2], args[3])} seed files in {args[3]}");
    return 0;
}

if (args.Length > 2 && args[1] == "--each")
{
    var files = args[2..].SelectMany(p => Directory.Exists(p) ? [.. Directory.GetFiles(p).Order(StringComparer.Ordinal)] : new[] { p }).ToList();
    var crashes = 0;
    foreach (var file in files)
    {
        try
        {
            FuzzTargets.Run(target, File.ReadAllBytes(file));
        }
        catch (Exception e)
        {
            crashes++;
            Console.Error.WriteLine($"{file}: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("FUZZ_STACK") is "1")
            {
                Console.Error.WriteLine(e.StackTrace);
            }
        }
    }

    Console.WriteLine($"{target}: {files.Count} files, {crashes} crashes");
    return crashes == 0 ? 0 : 1;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    FuzzTargets.Run(target, buffer.ToArray());
});
return 0;
